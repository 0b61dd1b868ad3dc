"""Issue 24's benchmark: analysis time per core against the straightforward Essentia script, in one run.

Two workloads: a sample of 30-s previews of ../shared/collection-debian (22.05-48 kHz), and short clips
cut here from ../shared/audio (15-19 s, 22.05 kHz mono, like GTZAN's). On each, one core (CPU 0, every
process pinned, --jobs 1): the reference script (bench/reference_analysis.py), `tonearm analyze` and
`tonearm analyze --fast`, interleaved round by round so a load that comes and goes on the shared machine
falls on every side alike; medians over the rounds, and the ratios' medians. Both sides run the
compute-faithful EffNet stand-in (EfficientNet-B0 with random weights: the real backbone's cost, meaningless
outputs), so EffNet-derived outputs are timed here and never judged. Then: the per-stage profile, the
workers' peak RSS, `--jobs 2` against `--jobs 1` (scaling, default mode), the default mode's descriptors
against the reference's, and the fast mode's parity with the default mode on the same tracks.

usage: bench/analysis-speed [--rounds N] [--previews N] [--clips N] [--keep]
"""
import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from analyze import ONE_CORE, SHARED, TONEARM, measure, report_equality, run_reference, sha256

COMPUTE_STANDIN = SHARED / "models-standin/discogs-effnet-compute-standin-bs64.pb"
AUDIO_SUFFIXES = {".mp3", ".ogg", ".flac", ".wav", ".m4a"}
SIDES = ("reference", "default", "fast")
# Parity goals of --fast against the default mode (issue 24).
PRECISION_GAP, MOOD_MAD, SHOWN_SHARE, LOUDNESS_LU = 0.02, 0.15, 0.95, 0.1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per workload (medians over them)")
    parser.add_argument("--previews", type=int, default=20, help="previews sampled from ../shared/collection-debian")
    parser.add_argument("--clips", type=int, default=23, help="short clips cut from ../shared/audio")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tonearm-speed-"))
    try:
        models = model_folder(work / "models")
        cache = work / "cache"
        convert = measure([str(TONEARM), "models", "convert", "--models", str(models)], stdout=subprocess.DEVNULL,
                          env={"XDG_CACHE_HOME": str(cache)})
        print(f"EffNet: the compute-faithful stand-in {COMPUTE_STANDIN.name} (sha256 {sha256(COMPUTE_STANDIN)[:16]}), "
              "on both sides: timing only, its outputs are meaningless")
        print(f"tonearm models convert: {convert['wall']:.1f} s (EffNet {free_batch_note(cache)})")
        print(f"machine: {os.cpu_count()} cores, load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        workloads = {"previews": previews(work / "previews", args.previews), "clips": clips(work / "clips", args.clips)}
        results = {}
        for name, (folder, labels) in workloads.items():
            files = sorted(labels)
            print(f"\n== {name}: {len(files)} tracks, {audio_seconds(files):.0f} s of audio, {args.rounds} rounds ==")
            results[name] = run_workload(work / name, folder, files, models, cache, args.rounds)
        print(f"\nload average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        ok = True
        for name, (folder, labels) in workloads.items():
            ok = report(name, results[name], labels) and ok
        return 0 if ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def model_folder(folder):
    folder.mkdir(parents=True)
    for model in (SHARED / "models").iterdir():
        if model.suffix in (".pb", ".json"):
            (folder / model.name).symlink_to(model)
    (folder / "discogs-effnet-bs64-1.pb").symlink_to(COMPUTE_STANDIN)
    return folder


def free_batch_note(cache):
    for record in (cache / "tonearm/onnx").glob("*.json"):
        fields = json.loads(record.read_text())
        if fields["source"] == "discogs-effnet-bs64-1.pb":
            return "converted with a free batch" if fields.get("free_batch") else "converted with its fixed batch of 64"
    return "not converted"


def previews(folder, count):
    """Every n-th file of the sorted collection, copied under its package's folder; label: the package."""
    sources = sorted(p for p in (SHARED / "collection-debian").rglob("*") if p.suffix in AUDIO_SUFFIXES)
    labels = {}
    for index in range(count):
        source = sources[index * len(sources) // count]
        target = folder / source.relative_to(SHARED / "collection-debian")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        labels[target] = source.parent.name
    return folder, labels


def clips(folder, count):
    """15-19 s from the shared files at least that long, resampled to 22.05 kHz mono WAV; label: the folder."""
    sources = sorted(p for p in (SHARED / "audio").rglob("*")
                     if p.suffix in AUDIO_SUFFIXES and "bad" not in p.relative_to(SHARED / "audio").parts)
    labels = {}
    for source in sources:
        length = 15 + len(labels) % 5
        duration = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                         str(source)], capture_output=True, text=True, check=True).stdout)
        if duration < length + 0.5 or len(labels) == count:
            continue
        target = folder / source.parent.name / (source.stem + ".wav")
        target.parent.mkdir(parents=True, exist_ok=True)
        start = min(5.0, duration - length - 0.2)
        subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-ss", f"{start:.2f}", "-t", str(length), "-i", str(source),
                        "-ac", "1", "-ar", "22050", "-y", str(target)], check=True)
        labels[target] = source.parent.name
    return folder, labels


def run_workload(work, folder, files, models, cache, rounds):
    """Every side once per round, the order rotated each round; then --jobs 2 (interleaved with its --jobs 1)."""
    runs = {side: [] for side in SIDES + ("jobs2",)}
    for round_index in range(rounds):
        order = SIDES[round_index % 3:] + SIDES[:round_index % 3]
        for side in order:
            db = work / f"{side}-{round_index}.sqlite"
            if side == "reference":
                run = run_reference(files, models, models / "discogs-effnet-bs64-1.pb", work / f"reference-{round_index}.jsonl")
            else:
                run = analyze(folder, db, models, cache, jobs=1, fast=side == "fast")
            runs[side].append(run)
            print(f"  round {round_index + 1} {side:9} {run['wall'] / len(files):6.3f} s/track", flush=True)
        run = analyze(folder, work / f"jobs2-{round_index}.sqlite", models, cache, jobs=2, fast=False)
        runs["jobs2"].append(run)
        print(f"  round {round_index + 1} {'--jobs 2':9} {run['wall'] / len(files):6.3f} s/track", flush=True)
    return {"files": files, **runs}


def analyze(folder, db, models, cache, jobs, fast):
    stats = db.with_suffix(".json")
    command = [str(TONEARM), "analyze", str(folder), "--db", str(db), "--models", str(models), "--jobs", str(jobs),
               "--stats-json", str(stats)] + (["--fast"] if fast else [])
    run = measure(command, stdout=subprocess.DEVNULL, cpus=ONE_CORE if jobs == 1 else None,
                  env={"XDG_CACHE_HOME": str(cache)})
    return {**run, "stats": json.loads(stats.read_text()), "db": db}


def report(name, runs, labels):
    count = len(runs["files"])
    per_track = {side: [run["wall"] / count for run in runs[side]] for side in runs if side != "files"}
    median = {side: statistics.median(values) for side, values in per_track.items()}
    ratio = {side: statistics.median(r / s for r, s in zip(per_track["reference"], per_track[side]))
             for side in ("default", "fast")}
    scaling = statistics.median(one / two for one, two in zip(per_track["default"], per_track["jobs2"]))
    goals = {"previews": (2.0, 3.5), "clips": (1.7, 3.5)}[name]
    print(f"\n==== {name}: {count} tracks, seconds per track on one core (wall, model loading included; "
          f"median of {len(per_track['reference'])} rounds) ====")
    print(f"reference script        {median['reference']:6.3f}   1.00x")
    print(f"tonearm analyze         {median['default']:6.3f}   {ratio['default']:.2f}x   (goal >= {goals[0]})")
    print(f"tonearm analyze --fast  {median['fast']:6.3f}   {ratio['fast']:.2f}x   (goal >= {goals[1]})")
    print(f"every round: " + "; ".join(f"{side} " + " ".join(f"{v:.3f}" for v in per_track[side]) for side in SIDES))
    print(f"--jobs 2 / --jobs 1 (default mode, 2 cores / 1): {scaling:.2f}x (goal >= 1.8; rounds: "
          + " ".join(f"{one / two:.2f}" for one, two in zip(per_track["default"], per_track["jobs2"])) + ")")
    for side in ("default", "fast"):
        print_profile(side, runs[side][-1])
    ok = report_equality(runs["reference"][-1]["descriptors"], {"default mode": runs["default"][-1]})
    report_parity(runs["default"][-1]["db"], runs["fast"][-1]["db"], labels)
    return ok


def print_profile(side, run):
    workers = run["stats"]["workers"]
    stages, requests = workers["stageSeconds"], max(1, workers["requests"])
    total = stages.get("total", sum(stages.values()))
    print(f"tonearm {side}: seconds per track in each worker stage (last round)")
    print("  " + ", ".join(f"{stage} {stages[stage] / requests:.3f} ({stages[stage] / total:.0%})"
                           for stage in sorted(stages, key=lambda s: -stages[s]) if stage != "total"))
    rss = ", ".join(f"{r / 2**20:.0f} MiB" for r in workers["peakResidentBytes"])
    print(f"  worker peak RSS {rss}; model load {', '.join(f'{s:.2f} s' for s in workers['modelLoadSeconds'])}")


def report_parity(default_db, fast_db, labels):
    """The fast mode against the default mode on the same tracks."""
    default, fast = read_parity(default_db), read_parity(fast_db)
    paths = sorted(set(default) & set(fast))
    label = {str(path): value for path, value in labels.items()}
    precision = {mode: neighbour_precision([rows[p]["musicnn"] for p in paths], [label[p] for p in paths])
                 for mode, rows in (("default", default), ("fast", fast))}
    mood = {name: float(np.mean([abs(default[p][name] - fast[p][name]) for p in paths])) for name in ("arousal", "valence")}
    tempo = np.mean([round(default[p]["bpm"]) == round(fast[p]["bpm"]) for p in paths])
    tempo4 = np.mean([abs(fast[p]["bpm"] - default[p]["bpm"]) <= 0.04 * default[p]["bpm"] for p in paths])
    key = np.mean([default[p]["key"] == fast[p]["key"] for p in paths])
    loudness = max(abs(default[p]["lufs"] - fast[p]["lufs"]) for p in paths)
    gap = precision["fast"] - precision["default"]
    print(f"--fast parity with the default mode on the same {len(paths)} tracks:")
    print(f"  MusiCNN neighbour precision@10 {precision['fast']:.3f} vs {precision['default']:.3f} "
          f"(difference {gap:+.3f}, goal within {PRECISION_GAP})  {'ok' if abs(gap) <= PRECISION_GAP else 'MISSED'}")
    for name in ("arousal", "valence"):
        print(f"  {name} mean absolute difference {mood[name]:.3f} (goal <= {MOOD_MAD})  "
              f"{'ok' if mood[name] <= MOOD_MAD else 'MISSED'}")
    print(f"  shown tempo equal (whole BPM) on {tempo:.0%}, within 4 % on {tempo4:.0%} (goal >= {SHOWN_SHARE:.0%})  "
          f"{'ok' if tempo >= SHOWN_SHARE else 'MISSED'}")
    print(f"  shown key equal on {key:.0%} (goal >= {SHOWN_SHARE:.0%})  {'ok' if key >= SHOWN_SHARE else 'MISSED'}")
    print(f"  integrated loudness: largest difference {loudness:.3f} LU (goal <= {LOUDNESS_LU})  "
          f"{'ok' if loudness <= LOUDNESS_LU else 'MISSED'}")
    print("  EffNet outputs (styles, voice, danceability, embedding) not judged: the stand-in's weights are random")


def read_parity(db_path):
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = db.execute("""SELECT t.path, m.embedding, m.arousal, m.valence, d.bpm, d.key || ' ' || d.scale, s.loudnessLufs
                         FROM track t JOIN musicnn_features m ON m.trackId = t.id
                         JOIN shown_descriptors d ON d.trackId = t.id JOIN signal_features s ON s.trackId = t.id""")
    return {path: {"musicnn": np.frombuffer(embedding, dtype="<f4"), "arousal": arousal, "valence": valence, "bpm": bpm or 0.0,
                   "key": key, "lufs": lufs or 0.0}
            for path, embedding, arousal, valence, bpm, key, lufs in rows}


def neighbour_precision(embeddings, labels, k=10):
    """Mean share of each track's k nearest others (cosine) that carry its label."""
    matrix = np.array(embeddings, dtype=np.float64)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    similarity = matrix @ matrix.T
    np.fill_diagonal(similarity, -np.inf)
    k = min(k, len(labels) - 1)
    nearest = np.argsort(-similarity, axis=1)[:, :k]
    return float(np.mean([[labels[j] == labels[i] for j in row] for i, row in enumerate(nearest)]))


def audio_seconds(files):
    return sum(float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                     str(f)], capture_output=True, text=True).stdout or 0) for f in files)


if __name__ == "__main__":
    sys.exit(main())
