"""Renders audio whose tempo and key are known exactly, with a labels.csv for `tonearm evaluate`.

Tempo: drum patterns (kick on beats 1 and 3, snare on 2 and 4, closed hi-hat on eighths).
Key: a I-IV-V-I (major) or i-iv-V-i (minor) progression of piano-like chords with an arpeggio on top.

usage: python synthesize_labelled_set.py OUT_DIR
"""
import csv
import os
import sys
import wave

import numpy as np

RATE = 44100
TEMPI = (70, 92, 120, 128, 150)
KEYS = (("C", "major"), ("G", "major"), ("Eb", "major"), ("A", "minor"), ("F#", "minor"), ("D", "minor"))
PITCH = {"C": 0, "C#": 1, "Db": 1, "D": 2, "Eb": 3, "E": 4, "F": 5, "F#": 6, "G": 7, "Ab": 8, "A": 9, "Bb": 10, "B": 11}


def drums(bpm, seconds=30.0, seed=0):
    rng = np.random.default_rng(seed)
    out = np.zeros(int(seconds * RATE))
    beat = 60.0 / bpm
    t = np.arange(int(0.25 * RATE)) / RATE
    kick = np.sin(2 * np.pi * (50 + 90 * np.exp(-t * 40)) * t) * np.exp(-t * 12)
    snare = rng.standard_normal(len(t)) * np.exp(-t * 25) * 0.5 + np.sin(2 * np.pi * 190 * t) * np.exp(-t * 30) * 0.4
    hat = rng.standard_normal(int(0.05 * RATE)) * np.exp(-np.arange(int(0.05 * RATE)) / RATE * 90) * 0.2
    for index in range(int(seconds / beat)):
        start = int(index * beat * RATE)
        place(out, kick if index % 2 == 0 else snare, start)
        place(out, hat, start)
        place(out, hat, start + int(beat / 2 * RATE))
    return out


def chords(tonic, scale, seconds=24.0):
    root = 48 + PITCH[tonic]  # MIDI note of the tonic, octave 3
    third = 4 if scale == "major" else 3
    degrees = [(0, third), (5, third), (7, 4), (0, third)]  # I-IV-V-I; the minor V is major (harmonic minor)
    out = np.zeros(int(seconds * RATE))
    bar = seconds / 8
    for index in range(8):
        offset, chord_third = degrees[index % 4]
        notes = [root + offset, root + offset + chord_third, root + offset + 7, root + offset + 12]
        start = int(index * bar * RATE)
        for note in notes:
            place(out, piano(note, bar) * 0.25, start)
        for step, note in enumerate(notes[1:] + [notes[1] + 12]):
            place(out, piano(note + 12, bar / 4) * 0.15, start + int(step * bar / 4 * RATE))
    return out


def piano(midi, seconds):
    t = np.arange(int(seconds * RATE)) / RATE
    frequency = 440.0 * 2 ** ((midi - 69) / 12)
    tone = sum(np.sin(2 * np.pi * frequency * h * t) / h ** 1.5 for h in range(1, 7))
    return tone * np.exp(-t * 2.5) * np.minimum(1, t * 200)


def place(out, sound, start):
    end = min(len(out), start + len(sound))
    if start < end:
        out[start:end] += sound[: end - start]


def write_wav(path, signal):
    signal = signal / max(1e-9, np.max(np.abs(signal))) * 0.8
    with wave.open(path, "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes((signal * 32767).astype("<i2").tobytes())


def main(folder):
    os.makedirs(folder, exist_ok=True)
    rows = []
    for bpm in TEMPI:
        name = f"drums_{bpm}bpm.wav"
        write_wav(os.path.join(folder, name), drums(bpm, seed=bpm))
        rows.append({"path": name, "genre": "synthetic drums", "bpm": bpm, "key": "", "scale": ""})
    for tonic, scale in KEYS:
        name = f"chords_{tonic.replace('#', 'sharp')}_{scale}.wav"
        write_wav(os.path.join(folder, name), chords(tonic, scale))
        rows.append({"path": name, "genre": "synthetic chords", "bpm": "", "key": tonic, "scale": scale})
    with open(os.path.join(folder, "labels.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["path", "genre", "bpm", "key", "scale"])
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1])
