"""Throughput of `tonearm analyze --engine ray` against `--engine local --jobs <cores>` on the same cores.

One workload (copies of the shared good files), models converted to ONNX as `scripts/run` does, three
runs: the local engine with `--jobs <cores>`; Ray on a 1-node cluster (a head with <cores> CPUs); Ray on a
3-node cluster (a head with no CPU and two worker nodes sharing the <cores> CPUs). Each run is timed from
start to end (cluster start-up excluded, actor start and model loading included) and in steady state
(first to last commit, from the store's analyzedAt). Prints tracks/s, the ratios Ray/local, the
driver's and the actors' peak RSS and each Ray node's peak RSS (its daemons plus its actors), and whether
the Ray runs stored the local run's descriptors. The whole script runs inside a private network
namespace with only loopback up (bench/ray does that), since Ray advertises the routable address.

usage: bench/ray [--tracks N] [--tonearm PATH] [--keep]
"""
import argparse
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from analyze import PYTHON, REPO, TONEARM, build_workload, measure, model_folder
from store_descriptors import TOLERANCE, compare, read_store

CLUSTER_HELPER = REPO / "Tests/RayTests/local_ray_cluster.py"
MIB = 2**20


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tracks", type=int, default=40)
    parser.add_argument("--tonearm", type=Path, default=TONEARM)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    cores = os.cpu_count()
    work = Path(tempfile.mkdtemp(prefix="tonearm-bench-ray-"))
    try:
        files = build_workload(work / "audio", args.tracks)
        models, _ = model_folder(work / "models")
        cache = work / "cache"
        measure([str(args.tonearm), "models", "convert", "--models", str(models)], stdout=subprocess.DEVNULL,
                env={"XDG_CACHE_HOME": str(cache)})
        env = {"XDG_CACHE_HOME": str(cache), "RAY_USAGE_STATS_ENABLED": "0"}
        print(f"workload: {len(files)} tracks, {cores} cores (shared with other work: compare only within this run)")
        runs = {f"local --jobs {cores}": run_analyze(args.tonearm, work, "local", models, env, ["--jobs", str(cores)])}
        for tag, label, shape in (("ray1", f"ray, 1 node ({cores} CPUs)", ["--head-cpus", str(cores), "--workers", "0"]),
                                  ("ray3", f"ray, 3 nodes (head 0 + 2 x {cores // 2} CPUs)",
                                   ["--head-cpus", "0", "--workers", "2", "--worker-cpus", str(cores // 2)])):
            with RayCluster(shape) as cluster:
                runs[label] = run_analyze(args.tonearm, work, tag, models, env,
                                          ["--engine", "ray", "--ray-address", cluster.address], cluster)
        report(runs, len(files))
        ok = report_equality(runs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if ok else 1)


def run_analyze(tonearm, work, label, models, env, extra, cluster=None):
    db, stats = work / f"{label}.sqlite", work / f"{label}.json"
    sampler = cluster.sample_rss() if cluster else None
    measured = measure([str(tonearm), "analyze", str(work / "audio"), "--db", str(db), "--models", str(models),
                        "--stats-json", str(stats)] + extra, stdout=subprocess.DEVNULL, env=env)
    measured["node_rss"] = sampler.stop() if sampler else []
    measured["stats"] = json.loads(stats.read_text())
    measured["steady"] = steady_seconds(db)
    measured["db"] = db
    return measured


def steady_seconds(db):
    """Seconds from the first to the last track committed, and how many tracks came after the first."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        stamps = [datetime.datetime.fromisoformat(row[0]) for row in
                  connection.execute("SELECT analyzedAt FROM track WHERE analyzedAt IS NOT NULL ORDER BY analyzedAt")]
    return (stamps[-1] - stamps[0]).total_seconds(), len(stamps) - 1


class RayCluster:
    """local_ray_cluster.py as a context manager: started, sampled for RSS, stopped by PID."""

    def __init__(self, shape):
        self._shape = shape

    def __enter__(self):
        self._process = subprocess.Popen([str(PYTHON), str(CLUSTER_HELPER)] + self._shape, text=True,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._lock = threading.Lock()
        self.address = self._ask(None)["address"]
        return self

    def __exit__(self, *_):
        self._process.stdin.close()
        self._process.wait()

    def _ask(self, command):
        with self._lock:
            if command:
                self._process.stdin.write(command + "\n")
                self._process.stdin.flush()
            return json.loads(self._process.stdout.readline())

    def sample_rss(self):
        cluster = self

        class Sampler:
            def __init__(self):
                self.peaks, self._running = [], True
                self._thread = threading.Thread(target=self._run, daemon=True)
                self._thread.start()

            def _run(self):
                while self._running:
                    rss = cluster._ask("rss")["rss"]
                    self.peaks = [max(a, b) for a, b in zip(self.peaks, rss)] if self.peaks else rss
                    time.sleep(1)

            def stop(self):
                self._running = False
                self._thread.join()
                return self.peaks

        return Sampler()


def report(runs, count):
    base = runs[next(iter(runs))]
    base_rate, (base_steady, base_n) = count / base["wall"], base["steady"]
    print("\n== throughput (tracks/s; whole run includes worker/actor start and model loading) ==")
    print(f"{'run':<38} {'whole run':>10} {'x local':>8} {'steady':>8} {'x local':>8}")
    for label, run in runs.items():
        rate, (steady, n) = count / run["wall"], run["steady"]
        steady_rate = n / steady if steady else float("nan")
        print(f"{label:<38} {rate:>10.3f} {rate / base_rate:>8.2f} {steady_rate:>8.3f} "
              f"{steady_rate / (base_n / base_steady):>8.2f}")
    print("\n== memory (peak RSS, MiB) ==")
    for label, run in runs.items():
        peaks = [round(b / MIB) for b in run["stats"]["workers"]["peakResidentBytes"]]
        line = f"{label:<38} tonearm {run['own_peak_rss'] / MIB:.0f}"
        if "ray" in label:
            line += f", driver {peaks[0]}, actors {peaks[1:]}, nodes (daemons + actors) {[round(b / MIB) for b in run['node_rss']]}"
        else:
            line += f", workers {peaks}"
        print(line)


def report_equality(runs):
    labels = list(runs)
    reference = read_store(runs[labels[0]]["db"])
    ok = True
    print(f"\n== descriptors against {labels[0]} (tolerance {TOLERANCE:g}) ==")
    for label in labels[1:]:
        worst, mismatches = compare(reference, read_store(runs[label]["db"]))
        ok &= not mismatches
        print(f"{label}: {'equal' if not mismatches else f'{len(mismatches)} MISMATCHES'}, largest difference "
              f"{max(worst.values(), default=0):.2g}")
        for mismatch in mismatches[:5]:
            print(f"  {mismatch}")
    return ok


if __name__ == "__main__":
    main()
