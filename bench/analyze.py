"""Times the reference script, `tonearm analyze --jobs 1` and `--jobs <cores>` on one workload in one
run, checks that tonearm stores the reference's descriptors, and times a 100,000-file scan.

Per core means per core: the reference and both `--jobs 1` runs are pinned to one CPU (as the issue's
reference was measured on one thread), so their workers and TensorFlow/ONNX Runtime use one thread;
`--jobs <cores>` has every core. `--jobs 1` runs twice: with every model on TensorFlow (no ONNX
conversion) and on ONNX Runtime (after `tonearm models convert`), to show what the runtime is worth.
The pinned core is CPU 0, which also takes the machine's interrupts: a little slower than the others.

usage: bench/analyze [--tracks N] [--scan-files N] [--keep]
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
from store_descriptors import TOLERANCE, compare, read_store

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TONEARM_SHARED", REPO.parent / "shared"))
PYTHON = REPO / ".venv/bin/python"
ONE_CORE = {0}
TONEARM = REPO / ".build/release/tonearm"
AUDIO_SUFFIXES = {".mp3", ".ogg", ".flac", ".wav", ".m4a"}
STANDIN = SHARED / "models-standin/discogs-effnet-bs64-1.pb"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tracks", type=int, default=60, help="workload size (copies of the shared good files)")
    parser.add_argument("--scan-files", type=int, default=100_000, help="empty files for the scan benchmark")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args()
    cores = os.cpu_count()
    work = Path(tempfile.mkdtemp(prefix="tonearm-bench-"))
    try:
        files = build_workload(work / "audio", args.tracks)
        models, effnet = model_folder(work / "models")
        print(f"workload: {len(files)} tracks ({total_seconds(files):.0f} s of audio) in {work}, {cores} cores")
        print(f"EffNet backbone: {effnet} sha256 {sha256(effnet)[:16]}"
              + ("  (STAND-IN: its cost is not the real model's)" if effnet.resolve() == STANDIN.resolve() else ""))

        reference = run_reference(files, models, effnet, work / "reference.jsonl")
        tensorflow = run_tonearm(work, models, jobs=1, label="tensorflow", cache=work / "no-conversions")
        cache = work / "cache"
        convert_models(models, cache)
        one = run_tonearm(work, models, jobs=1, label="onnx", cache=cache)
        many = run_tonearm(work, models, jobs=cores, label="onnx", cache=cache)
        report_speed(len(files), reference, tensorflow, one, many, cores)
        ok = report_equality(reference["descriptors"], {"--jobs 1 (TensorFlow)": tensorflow, "--jobs 1": one,
                                                       f"--jobs {cores}": many})
        for count in sorted({10_000, args.scan_files}):
            report_scan(work / f"scan{count}", count)
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def build_workload(folder, count):
    """Copies the shared good files round by round (round2/…) until there are `count`."""
    sources = sorted(p for p in (SHARED / "audio").rglob("*")
                     if p.suffix in AUDIO_SUFFIXES and "bad" not in p.relative_to(SHARED / "audio").parts)
    files = []
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"round{index // len(sources) + 1}" / source.relative_to(SHARED / "audio")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        files.append(target)
    return files


def model_folder(folder):
    """Every shared model plus, when the real Discogs-EffNet is absent, the stand-in (as the tests do)."""
    folder.mkdir(parents=True)
    for model in (SHARED / "models").iterdir():
        if model.suffix in (".pb", ".json"):
            (folder / model.name).symlink_to(model)
    effnet = folder / "discogs-effnet-bs64-1.pb"
    if not effnet.exists():
        effnet.symlink_to(STANDIN)
    return folder, effnet


def run_reference(files, models, effnet, output):
    with open(output, "w") as out:
        measured = measure([str(PYTHON), str(REPO / "bench/reference_analysis.py"), str(models), str(effnet)]
                           + [str(f) for f in files], stdout=out, cpus=ONE_CORE)
    measured["descriptors"] = {json.loads(line)["path"]: json.loads(line) for line in open(output)}
    return measured


def convert_models(models, cache):
    """`tonearm models convert` into the bench's own cache; prints what the one-time conversion costs."""
    run = measure([str(TONEARM), "models", "convert", "--models", str(models)], stdout=subprocess.DEVNULL,
                  env={"XDG_CACHE_HOME": str(cache)})
    print(f"tonearm models convert (backbones and heads to ONNX, verified; once per model): {run['wall']:.1f} s")


def run_tonearm(work, models, jobs, label, cache):
    db, stats = work / f"jobs{jobs}-{label}.sqlite", work / f"jobs{jobs}-{label}.json"
    measured = measure([str(TONEARM), "analyze", str(work / "audio"), "--db", str(db), "--models", str(models),
                        "--jobs", str(jobs), "--stats-json", str(stats)], stdout=subprocess.DEVNULL,
                       cpus=ONE_CORE if jobs == 1 else None, env={"XDG_CACHE_HOME": str(cache)})
    measured["stats"] = json.loads(stats.read_text())
    measured["db"] = db
    return measured


def measure(command, stdout, cpus=None, env=None):
    """Wall seconds, CPU seconds (process and children) and the top process's own peak RSS; `cpus` pins
    the process and everything it starts to those CPUs."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})},
                               preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
    peak = PeakRss(process.pid)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(command[:4])} …")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "own_peak_rss": peak.stop()}


class PeakRss:
    """Samples one process's VmRSS (not its children's) until stopped."""

    def __init__(self, pid):
        self._pid, self._peak, self._running = pid, 0, True
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self):
        while self._running:
            try:
                status = Path(f"/proc/{self._pid}/status").read_text()
                kib = int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])
                self._peak = max(self._peak, kib * 1024)
            except (OSError, StopIteration, ValueError):
                pass
            time.sleep(0.05)

    def stop(self):
        self._running = False
        self._thread.join()
        return self._peak


def report_speed(count, reference, tensorflow, one, many, cores):
    a, t, b, c = (run["wall"] / count for run in (reference, tensorflow, one, many))
    print("\n== speed (seconds per track, wall, model loading included) ==")
    print(f"(a) reference script, 1 process, 1 core     {a:6.3f} s/track   cpu {reference['cpu'] / count:.3f} s/track")
    print(f"    tonearm --jobs 1, 1 core, TensorFlow    {t:6.3f} s/track   cpu {tensorflow['cpu'] / count:.3f} s/track")
    print(f"(b) tonearm --jobs 1, 1 core                {b:6.3f} s/track   cpu {one['cpu'] / count:.3f} s/track")
    print(f"(c) tonearm --jobs {cores}, {cores} cores               {c:6.3f} s/track   cpu {many['cpu'] / count:.3f} s/track")
    print(f"a/b = {a / b:.2f}x (per core; goal >= 1.5)    b/c = {b / c:.2f}x (scaling; goal >= 1.8)")
    print(f"models on ONNX Runtime: {t / b:.2f}x faster than the same run on TensorFlow")
    # On a machine shared with other work, wall time moves with the load; CPU time per track much less.
    print(f"CPU a/b = {reference['cpu'] / one['cpu']:.2f}x    CPU b/c = {one['cpu'] / many['cpu']:.2f}x")
    for label, run in (("--jobs 1 (TensorFlow)", tensorflow), ("--jobs 1", one), (f"--jobs {cores}", many)):
        workers = run["stats"]["workers"]
        stages = workers["stageSeconds"]
        requests = max(1, workers["requests"])
        print(f"\ntonearm {label}: seconds per track in each worker stage (wall inside the worker)")
        for stage in sorted(stages, key=lambda s: -stages[s]):
            note = "  (EffNet backbone: see which file above)" if stage == "effnet" else ""
            print(f"  {stage:14} {stages[stage] / requests:7.3f}{note}")
        rss = ", ".join(f"{r / 2**20:.0f} MiB" for r in workers["peakResidentBytes"])
        loads = ", ".join(f"{s:.2f} s" for s in workers["modelLoadSeconds"])
        print(f"  worker peak RSS: {rss}   model load: {loads}   tonearm (Swift) peak RSS: "
              f"{run['own_peak_rss'] / 2**20:.0f} MiB")


def report_equality(reference, runs):
    print(f"\n== descriptors vs the reference (abs tolerance {TOLERANCE:g}; keys and scales exact) ==")
    ok = True
    for label, run in runs.items():
        worst, mismatches = compare(reference, read_store(run["db"]))
        largest = max((v for v in worst.values()), default=0.0)
        print(f"tonearm {label}: {len(reference)} tracks, largest difference {largest:.2g} "
              f"({max(worst, key=worst.get) if worst else '-'}): {'EQUAL' if not mismatches else 'DIFFERENT'}")
        for line in mismatches[:10]:
            print("  " + line)
        ok = ok and not mismatches
    return ok


def report_scan(folder, count):
    """Run for 10,000 files and for the big tree: equal peak RSS means the Swift side is flat in the file count."""
    print(f"\n== scan: {count} empty .mp3 files in nested folders ==")
    for index in range(count):
        subfolder = folder / f"artist{index // 1000:03}" / f"album{index // 100 % 10}"
        if index % 100 == 0:
            subfolder.mkdir(parents=True)
        (subfolder / f"track{index:06}.mp3").touch()
    db = folder.parent / f"{folder.name}.sqlite"
    for label in ("first scan (all new)", "second scan (no change)"):
        run = measure([str(TONEARM), "scan", str(folder), "--db", str(db)], stdout=subprocess.DEVNULL)
        print(f"{label:26} {run['wall']:6.2f} s   tonearm peak RSS {run['own_peak_rss'] / 2**20:.0f} MiB")


def total_seconds(files):
    import essentia
    essentia.log.infoActive = False
    import essentia.standard as es  # only for the workload line
    return sum(es.MetadataReader(filename=str(f))()[8] for f in files)


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
