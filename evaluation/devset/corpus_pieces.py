"""Pieces from music21's corpus (Bach chorales and other Bach, Beethoven, Mozart and Haydn quartets and
sonatas, Joplin) with a key that is known, not estimated.

The key is the one the score itself states: its first key signature names a major key and its
relative minor, and the piece's final bass note says which of the two (a chorale ends on its tonic).
A piece whose last bass note is neither (a Phrygian or half-cadence ending, a modal tune) is skipped,
so no label rests on a key-finding algorithm. The tempo label is the notated beat (music21's
`beatDuration`: the quarter in 4/4 and 3/4, the dotted quarter in 6/8, the half in 2/2) at the
metronome mark we set, drawn from `tempo_prior` (chorales as hymns are sung, the rest as classical
movements are played).
"""
import os

from music21 import corpus, key, meter

import tempo_prior
from midi_song import DRUM_CHANNEL, Song

COMPOSERS = ("bach", "beethoven", "mozart", "haydn", "joplin")
ENSEMBLES = [  # GM programs, soprano part first
    ("organ", [19, 19, 19, 19]), ("strings", [48, 48, 48, 48]), ("quartet", [40, 40, 41, 42]),
    ("woodwinds", [73, 68, 71, 70]), ("brass", [56, 60, 57, 58]), ("choir", [52, 52, 52, 52]),
    ("piano", [0, 0, 0, 0]), ("guitars", [24, 25, 24, 32]), ("epiano", [4, 4, 4, 33]),
]


def sources():
    paths = []
    for composer in COMPOSERS:
        paths += sorted(str(p) for p in corpus.getComposer(composer))
    return paths


def is_chorale(path):
    return os.path.basename(path).startswith("bwv")


def stated_key(score):
    signatures = list(score.recurse().getElementsByClass(key.KeySignature))
    if not signatures:
        return None
    lowest = score.parts[-1].flatten().notes
    if not lowest:
        return None
    last = lowest[-1]
    bass = min(last.pitches, key=lambda p: p.ps).pitchClass
    signature = signatures[0]
    major, minor = signature.asKey("major"), signature.asKey("minor")
    if bass == major.tonic.pitchClass:
        return major.tonic.pitchClass, False
    if bass == minor.tonic.pitchClass:
        return minor.tonic.pitchClass, True
    return None


def beat_quarters(score):
    signatures = list(score.recurse().getElementsByClass(meter.TimeSignature))
    return float(signatures[0].beatDuration.quarterLength) if signatures else 1.0


def piece(path, rng, seconds=34.0):
    """(Song, label bpm, (pitch class, minor), description) or None when the key is not stated."""
    score = corpus.parse(path)
    if isinstance(score, list) or not hasattr(score, "parts") or not score.parts:
        return None
    stated = stated_key(score)
    if stated is None:
        return None
    beat = beat_quarters(score)
    label = tempo_prior.tempo(rng, "chorale" if is_chorale(path) else "classical")
    quarter_bpm = label * beat
    ensemble, programs = rng.choice(ENSEMBLES)
    song = Song(bpm=quarter_bpm)
    horizon = seconds * quarter_bpm / 60
    for index, part in enumerate(score.parts[:8]):
        channel = index if index < DRUM_CHANNEL else index + 1
        song.programs[channel] = programs[min(index, len(programs) - 1)]
        for note in part.flatten().notes:
            offset = float(note.getOffsetInHierarchy(part))
            if offset > horizon:
                break
            for pitch in note.pitches:
                song.add(offset, float(note.quarterLength) * 0.95, channel, pitch.midi, rng.gauss(80, 8))
    if not song.notes:
        return None
    return song, round(label, 2), stated, f"{ensemble}; beat {beat} quarters"
