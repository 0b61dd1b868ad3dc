"""Renders a harder labelled set: exact truth, but the ambiguities real music has.

Tempo (the label is the notated beat, the one the pattern is written in):
  swing eighths; half-time drums (snare on 3 only); a double-time drum-and-bass break; a slow ballad
  with sixteenth hi-hats; a 3/4 waltz; rubato piano (tempo drifting ±8 % around the label); sparse
  onsets (a bass note per beat and one chord per bar, no drums).
Key: progressions off 440 Hz tuning (+30 and -32 cents), modal mixture (borrowed iv and bVI), a
  modulation to the dominant for the last third (labelled with the opening, main key), an Aeolian
  i-bVII-bVI-bVII loop, and a progression under drums.
The easy set (synthesize_labelled_set.py) stays as it is; this one only adds files.

usage: python synthesize_hard_set.py OUT_DIR
"""
import csv
import os
import sys

import numpy as np

from synthesize_labelled_set import PITCH, RATE, place, write_wav

SECONDS = 30.0


def tone(midi, seconds, a4=440.0, decay=2.5):
    t = np.arange(int(seconds * RATE)) / RATE
    frequency = a4 * 2 ** ((midi - 69) / 12)
    sound = sum(np.sin(2 * np.pi * frequency * h * t) / h ** 1.5 for h in range(1, 7))
    return sound * np.exp(-t * decay) * np.minimum(1, t * 200)


class Kit:
    def __init__(self, seed):
        rng = np.random.default_rng(seed)
        t = np.arange(int(0.25 * RATE)) / RATE
        self.kick = np.sin(2 * np.pi * (50 + 90 * np.exp(-t * 40)) * t) * np.exp(-t * 12)
        self.snare = rng.standard_normal(len(t)) * np.exp(-t * 25) * 0.5 + np.sin(2 * np.pi * 190 * t) * np.exp(-t * 30) * 0.4
        short = np.arange(int(0.05 * RATE)) / RATE
        self.hat = rng.standard_normal(len(short)) * np.exp(-short * 90) * 0.2


def pattern(bpm, hits, beats_per_bar=4, seconds=SECONDS, seed=1):
    """`hits`: (instrument, position in beats within the bar) pairs, repeated every bar."""
    kit, out = Kit(seed), np.zeros(int(seconds * RATE))
    beat = 60.0 / bpm
    for bar in range(int(seconds / (beat * beats_per_bar)) + 1):
        for instrument, position in hits:
            place(out, getattr(kit, instrument), int((bar * beats_per_bar + position) * beat * RATE))
    return out


def swing(bpm):
    hats = [("hat", b + offset) for b in range(4) for offset in (0, 2 / 3)]
    return pattern(bpm, [("kick", 0), ("snare", 1), ("kick", 2), ("snare", 3)] + hats)


def half_time(bpm):
    hats = [("hat", b / 2) for b in range(8)]
    return pattern(bpm, [("kick", 0), ("kick", 2.5), ("snare", 2)] + hats)


def drum_and_bass(bpm):
    hats = [("hat", b / 2) for b in range(8)]
    return pattern(bpm, [("kick", 0), ("snare", 1), ("kick", 2.5), ("snare", 3)] + hats)


def ballad(bpm):
    hats = [("hat", b / 4) for b in range(16)]
    return pattern(bpm, [("kick", 0), ("snare", 1), ("kick", 2), ("snare", 3)] + hats)


def waltz(bpm):
    return pattern(bpm, [("kick", 0), ("snare", 1), ("snare", 2), ("hat", 0), ("hat", 1), ("hat", 2)], beats_per_bar=3)


def rubato(bpm, tonic="F"):
    """Piano chords on every beat, the beat period drifting ±8 % over a 12 s cycle."""
    out, time, index = np.zeros(int(SECONDS * RATE)), 0.0, 0
    root = 48 + PITCH[tonic]
    degrees = [0, 5, 7, 0]
    while time < SECONDS:
        offset = degrees[(index // 4) % 4]
        for note in (root + offset, root + offset + 4, root + offset + 7):
            place(out, tone(note, 0.6) * 0.3, int(time * RATE))
        local = bpm * (1 + 0.08 * np.sin(2 * np.pi * time / 12))
        time += 60.0 / local
        index += 1
    return out


def sparse(bpm, tonic="D"):
    """A bass note on each beat and one chord per bar, nothing else."""
    out, beat = np.zeros(int(SECONDS * RATE)), 60.0 / bpm
    root = 36 + PITCH[tonic]
    for index in range(int(SECONDS / beat)):
        place(out, tone(root + (0, 7, 12, 7)[index % 4], beat, decay=4) * 0.5, int(index * beat * RATE))
        if index % 4 == 0:
            for note in (root + 24, root + 28, root + 31):
                place(out, tone(note, 4 * beat) * 0.2, int(index * beat * RATE))
    return out


def progression(tonic, chords, a4=440.0, seconds=24.0, octave=48):
    """`chords`: (semitones above the tonic, intervals of the chord) per bar, looped over `seconds`."""
    out, bar = np.zeros(int(seconds * RATE)), seconds / 8
    root = octave + PITCH[tonic]
    for index in range(8):
        offset, intervals = chords[index % len(chords)]
        notes = [root + offset + i for i in intervals]
        start = int(index * bar * RATE)
        for note in notes + [root + offset - 12]:
            place(out, tone(note, bar, a4) * 0.25, start)
        for step, note in enumerate(notes[1:] + [notes[0] + 12, notes[1] + 12]):
            place(out, tone(note + 12, bar / 4, a4) * 0.15, start + int(step * bar / 4 * RATE))
    return out


MAJOR, MINOR = (0, 4, 7), (0, 3, 7)
CADENCE = [(0, MAJOR), (5, MAJOR), (7, MAJOR), (0, MAJOR)]


def modulation(tonic):
    """Two thirds in the tonic, the last third in its dominant (V of V on the way)."""
    first = progression(tonic, CADENCE, seconds=16)
    dominant = list(PITCH)[list(PITCH.values()).index((PITCH[tonic] + 7) % 12)]
    second = progression(dominant, CADENCE, seconds=8)
    return np.concatenate([first, second])


TEMPO_CASES = [
    ("swing", swing, 96), ("swing", swing, 132), ("halftime", half_time, 140), ("halftime", half_time, 150),
    ("dnb", drum_and_bass, 174), ("ballad", ballad, 66), ("ballad", ballad, 72), ("waltz", waltz, 150),
    ("rubato", rubato, 100), ("sparse", sparse, 84), ("sparse", sparse, 120),
]

KEY_CASES = [
    ("tuned_up_E_major", "E", "major", lambda: progression("E", CADENCE, a4=440 * 2 ** (30 / 1200))),
    ("tuned_down_Bb_minor", "Bb", "minor",
     lambda: progression("Bb", [(0, MINOR), (5, MINOR), (7, MAJOR), (0, MINOR)], a4=440 * 2 ** (-32 / 1200))),
    ("mixture_C_major", "C", "major",
     lambda: progression("C", [(0, MAJOR), (5, MINOR), (8, MAJOR), (7, MAJOR)])),
    ("modulating_G_major", "G", "major", lambda: modulation("G")),
    ("aeolian_A_minor", "A", "minor",
     lambda: progression("A", [(0, MINOR), (10, MAJOR), (8, MAJOR), (10, MAJOR)])),
    ("drums_Ab_major", "Ab", "major",
     lambda: progression("Ab", CADENCE, seconds=SECONDS) + 0.6 * pattern(100, [("kick", 0), ("snare", 1), ("kick", 2), ("snare", 3)])),
]


def main(folder):
    os.makedirs(folder, exist_ok=True)
    rows = []
    for name, render, bpm in TEMPO_CASES:
        path = f"{name}_{bpm}bpm.wav"
        write_wav(os.path.join(folder, path), render(bpm))
        rows.append({"path": path, "genre": f"synthetic {name}", "bpm": bpm, "key": "", "scale": ""})
    for name, tonic, scale, render in KEY_CASES:
        path = f"{name}.wav"
        write_wav(os.path.join(folder, path), render())
        rows.append({"path": path, "genre": "synthetic harmony", "bpm": "", "key": tonic, "scale": scale})
    with open(os.path.join(folder, "labels.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["path", "genre", "bpm", "key", "scale"])
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1])
