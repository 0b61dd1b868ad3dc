"""A 3-hour file beside a 30-s track: seconds and worker peak RSS for each, so the per-minute cost of
a long track (analyzed from excerpts) and the bound on a worker's memory are visible.

Both are one `tonearm analyze --jobs 1` run each, pinned to one core, on ONNX Runtime (after
`tonearm models convert`), model loading included. The 3-hour file is the 30-s track looped with
`ffmpeg -stream_loop -c copy` (no re-encoding).

usage: bench/long-tracks [--hours H] [--keep]   (TONEARM_BIN=PATH runs another tonearm build)
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import analyze
from analyze import ONE_CORE, SHARED, convert_models, measure, model_folder

TONEARM = analyze.TONEARM = Path(os.environ.get("TONEARM_BIN", analyze.TONEARM))

SOURCE = SHARED / "audio/drmeter/vocal/csd_en001b_childrens_song.mp3"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hours", type=float, default=3.0, help="length of the long file")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tonearm-bench-long-"))
    try:
        models, _effnet = model_folder(work / "models")
        cache = work / "cache"
        convert_models(models, cache)
        short = work / "short" / SOURCE.name
        short.parent.mkdir()
        shutil.copy2(SOURCE, short)
        long = work / "long" / "looped.mp3"
        long.parent.mkdir()
        loops = round(args.hours * 3600 / duration(SOURCE))
        subprocess.run(["ffmpeg", "-v", "error", "-stream_loop", str(loops - 1), "-i", str(SOURCE), "-c", "copy",
                        str(long)], check=True)
        runs = {name: run(work, folder.parent, models, cache) for name, folder in (("short", short), ("long", long))}
        for name, measured in runs.items():
            seconds, minutes = measured["wall"], measured["audio_seconds"] / 60
            print(f"{name:5} {minutes:7.1f} min of audio: {seconds:6.1f} s wall ({seconds / minutes:6.2f} s per minute "
                  f"of audio), worker peak RSS {measured['worker_rss'] / 2**20:.0f} MiB, "
                  f"from excerpts: {measured['excerpts']}, analyzed {measured['analyzed']}, failed {measured['failed']}")
        ratio = runs["long"]["wall"] / runs["short"]["wall"]
        length = runs["long"]["audio_seconds"] / runs["short"]["audio_seconds"]
        print(f"long/short: {ratio:.2f}x the time for {length:.0f}x the audio; worker peak RSS "
              f"{runs['long']['worker_rss'] / runs['short']['worker_rss']:.2f}x")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def run(work, folder, models, cache):
    db, stats = work / f"{folder.name}.sqlite", work / f"{folder.name}.json"
    measured = measure([str(TONEARM), "analyze", str(folder), "--db", str(db), "--models", str(models),
                        "--jobs", "1", "--stats-json", str(stats)], stdout=subprocess.DEVNULL,
                       cpus=ONE_CORE, env={"XDG_CACHE_HOME": str(cache)})
    summary = json.loads(stats.read_text())
    export = subprocess.run([str(TONEARM), "export", "--format", "jsonl", "--db", str(db)], check=True,
                            capture_output=True, text=True).stdout
    row = json.loads(export.splitlines()[0])
    return {**measured, "worker_rss": max(summary["workers"]["peakResidentBytes"]), "audio_seconds": row["duration_s"],
            "excerpts": bool(row["from_excerpts"]), "analyzed": summary["analyzed"], "failed": summary["failed"]}


def duration(path):
    return float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                 str(path)], check=True, capture_output=True, text=True).stdout)


if __name__ == "__main__":
    sys.exit(main())
