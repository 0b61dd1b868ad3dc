"""Builds the development set: band arrangements in genre grooves and music21 corpus pieces, rendered
through FluidSynth with Debian's General MIDI soundfont to mono 22.05 kHz WAV clips of 15-30 s, with
their exact tempo and key in `labels-train.csv`, `labels-validation.csv` and `labels-all.csv`, and
one line per piece in `pieces.tsv`. Deterministic for a given --seed.

The split is by source piece: a corpus piece and all its renderings are on one side (a chorale set
twice in the corpus counts once, by title), so the validation set holds music the fit never heard.

Usage (after evaluation/devset/setup): .venv-devset/bin/python evaluation/devset/build.py OUT
"""
import argparse
import csv
import hashlib
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import corpus_pieces  # noqa: E402
import grooves  # noqa: E402

SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
TONICS = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
VALIDATION_SHARE = 5  # one source in five


def is_validation(source):
    return int(hashlib.sha1(source.encode()).hexdigest(), 16) % VALIDATION_SHARE == 0


def render(job):
    """MIDI → FluidSynth (44.1 kHz stereo, reverb) → ffmpeg: mono 22.05 kHz, cut to the clip."""
    midi, wav, offset, seconds, room, gain = job
    with tempfile.TemporaryDirectory() as scratch:
        full = os.path.join(scratch, "full.wav")
        subprocess.run(["fluidsynth", "-ni", "-q", "-g", f"{gain:.2f}", "-r", "44100", "-R", "1", "-C", "1",
                        "-o", f"synth.reverb.room-size={room:.2f}", "-F", full, SOUNDFONT, midi],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", f"{offset:.2f}", "-t", f"{seconds:.2f}", "-i", full,
                        "-ac", "1", "-ar", "22050", wav], check=True)
    return wav


def compose(out, grooves_count, corpus_count, seed):
    pieces = []
    for index in range(grooves_count):
        rng = random.Random(f"{seed}-groove-{index}")
        tonic, minor = rng.randrange(12), rng.random() < 0.5
        song, bpm, genre, style, description = grooves.arrange(rng, tonic, minor)
        pieces.append(dict(id=f"groove-{index:04d}", source=f"groove-{index}", song=song, bpm=bpm, genre=genre,
                           style=style, tonic=tonic, minor=minor, description=description, rng=rng))
    sources = corpus_pieces.sources()
    order = random.Random(f"{seed}-corpus").sample(sources, len(sources))
    seen_titles = set()
    for path in order:
        if sum(1 for p in pieces if p["id"].startswith("corpus")) >= corpus_count:
            break
        rng = random.Random(f"{seed}-{path}")
        try:
            made = corpus_pieces.piece(path, rng)
        except Exception as error:  # a corpus file music21 cannot parse is skipped, not fatal
            print(f"skipped {path}: {error}", file=sys.stderr)
            continue
        if made is None:
            continue
        song, bpm, (tonic, minor), description = made
        # bwv269 and bwv269.xml's twin are one chorale; beethoven/opus18no1/movement1 names its work.
        parts = os.path.splitext(path)[0].split(os.sep)
        name = "-".join(parts[-2:]) if not parts[-1].startswith("bwv") else parts[-1]
        source = name.split(".")[0]
        if source in seen_titles:
            continue
        seen_titles.add(source)
        genre = "classical"
        pieces.append(dict(id=f"corpus-{name}", source=source, song=song, bpm=bpm, genre=genre, style="corpus",
                           tonic=tonic, minor=minor, description=description, rng=rng))
    return pieces


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--grooves", type=int, default=800)
    parser.add_argument("--corpus", type=int, default=100)
    parser.add_argument("--seed", default="tonearm-devset-1")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    args = parser.parse_args()
    audio = os.path.join(args.out, "audio")
    midi = os.path.join(args.out, "midi")
    os.makedirs(audio, exist_ok=True)
    os.makedirs(midi, exist_ok=True)
    pieces = compose(args.out, args.grooves, args.corpus, args.seed)
    jobs = []
    for piece in pieces:
        rng = piece["rng"]
        piece["cents"] = round(rng.uniform(-30, 30), 1)
        piece["seconds"] = round(rng.uniform(15, 30), 1)
        piece["offset"] = round(rng.uniform(0, 3), 1)
        reverb = rng.randrange(0, 110)
        midi_path = os.path.join(midi, piece["id"] + ".mid")
        piece["song"].write(midi_path, cents=piece["cents"], reverb=reverb,
                            jitter=lambda _start, r=rng: r.gauss(0, 0.012))
        piece["path"] = f"audio/{piece['id']}.wav"
        jobs.append((midi_path, os.path.join(args.out, piece["path"]), piece["offset"], piece["seconds"],
                     rng.uniform(0.2, 0.9), rng.uniform(0.5, 0.9)))
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for done, _ in enumerate(pool.map(render, jobs), 1):
            if done % 50 == 0:
                print(f"rendered {done}/{len(jobs)}", flush=True)
    write_labels(args.out, pieces)


def write_labels(out, pieces):
    files = {name: open(os.path.join(out, f"labels-{name}.csv"), "w", newline="") for name in ("all", "train", "validation")}
    writers = {name: csv.writer(handle) for name, handle in files.items()}
    for writer in writers.values():
        writer.writerow(["path", "genre", "bpm", "key", "scale"])
    with open(os.path.join(out, "pieces.tsv"), "w") as table:
        table.write("id\tsource\tsplit\tgenre\tstyle\tbpm\tkey\tscale\tcents\tseconds\tinstruments\n")
        for piece in pieces:
            split = "validation" if is_validation(piece["source"]) else "train"
            row = [piece["path"], piece["genre"], piece["bpm"], TONICS[piece["tonic"]], "minor" if piece["minor"] else "major"]
            writers["all"].writerow(row)
            writers[split].writerow(row)
            table.write("\t".join(str(v) for v in [piece["id"], piece["source"], split, piece["genre"], piece["style"],
                                                   piece["bpm"], row[3], row[4], piece["cents"], piece["seconds"],
                                                   piece["description"]]) + "\n")
    for handle in files.values():
        handle.close()


if __name__ == "__main__":
    main()
