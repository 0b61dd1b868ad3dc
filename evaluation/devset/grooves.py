"""Band arrangements in genre-typical grooves: drum kit (GM channel 10), bass, chords and a lead line,
in a known key and at an exactly known tempo.

Each style is a drum grid at a counting tempo, `steps` grid steps per counted beat, and the factor
from that count to the labelled tempo (the tempo a listener taps: the beat on which the backbeat
snare falls on 2 and 4, the dotted quarter in compound meters). A half-time feel (snare once a bar)
is therefore labelled at half its counting tempo, and double-time hi-hats do not change the label.
"""
import math

import tempo_prior
from midi_song import DRUM_CHANNEL, Song

KICK, SNARE, RIM, CLAP, HAT, PEDAL_HAT, OPEN_HAT, RIDE, CRASH, TAMBOURINE = 36, 38, 37, 39, 42, 44, 46, 51, 49, 54

MAJOR = [0, 2, 4, 5, 7, 9, 11]
MINOR = [0, 2, 3, 5, 7, 8, 10]
# Chords as (root in semitones above the tonic, intervals).
TRIAD = {"maj": (0, 4, 7), "min": (0, 3, 7), "dim": (0, 3, 6), "7": (0, 4, 7, 10), "m7": (0, 3, 7, 10),
         "maj7": (0, 4, 7, 11), "m7b5": (0, 3, 6, 10)}
PROGRESSIONS = {
    False: [[(0, "maj"), (7, "maj"), (9, "min"), (5, "maj")], [(0, "maj"), (5, "maj"), (7, "maj"), (0, "maj")],
            [(0, "maj"), (9, "min"), (5, "maj"), (7, "maj")], [(0, "maj"), (5, "maj"), (0, "maj"), (7, "7")]],
    True: [[(0, "min"), (8, "maj"), (3, "maj"), (10, "maj")], [(0, "min"), (5, "min"), (7, "maj"), (0, "min")],
           [(0, "min"), (10, "maj"), (8, "maj"), (7, "maj")], [(0, "min"), (5, "min"), (0, "min"), (7, "7")]],
}
BLUES = [(0, "7")] * 4 + [(5, "7")] * 2 + [(0, "7")] * 2 + [(7, "7"), (5, "7"), (0, "7"), (7, "7")]
JAZZ = {False: [(2, "m7"), (7, "7"), (0, "maj7"), (9, "m7")], True: [(2, "m7b5"), (7, "7"), (0, "m7"), (0, "m7")]}

CHORD_PROGRAMS = {"keys": [0, 1, 4, 5, 7], "organ": [16, 17, 18], "guitar": [24, 25, 26, 27], "dist": [29, 30],
                  "strings": [48, 49, 50], "pad": [88, 89, 90], "brass": [61, 62]}
LEAD_PROGRAMS = {"wind": [56, 65, 66, 73, 71, 68], "string": [40], "voice": [52, 53, 54], "synth": [80, 81],
                 "guitar": [26, 27, 29], "keys": [0, 11, 4], "harmonica": [22]}
BASS_PROGRAMS = {"acoustic": [32], "electric": [33, 34, 35], "slap": [36], "synth": [38, 39]}

# name: genre, beats per bar, steps per beat, label factor, swing (0 straight,
# 1 full triplet swing of the off-steps), drum grids {drum: grid}, bass grid, chord grid, pools.
STYLES = {
    "rock": ("rock", 4, 4, 1, 0, {HAT: "x.x.x.x.x.x.x.x.", KICK: "x.......x.x.....", SNARE: "....x.......x..."},
             "x.x.x.x.x.x.x.x.", "x.......x.......", ("dist", "guitar", "keys"), ("guitar", "voice", "synth"), ("electric",)),
    "rock-sixteenths": ("rock", 4, 4, 1, 0, {HAT: "xxxxxxxxxxxxxxxx", KICK: "x.....x...x.....", SNARE: "....x.......x..."},
                        "x.....x...x.....", "x...............", ("dist", "guitar"), ("guitar", "voice"), ("electric",)),
    "rock-halftime": ("rock", 4, 4, 0.5, 0, {HAT: "x.x.x.x.x.x.x.x.", KICK: "x.....x.........", SNARE: "........x......."},
                      "x.......x.......", "x...............", ("dist", "guitar", "strings"), ("guitar", "voice"), ("electric",)),
    "metal": ("metal", 4, 4, 1, 0, {RIDE: "x...x...x...x...", KICK: "x.x.x.x.x.x.x.x.", SNARE: "....x.......x..."},
              "x.x.x.x.x.x.x.x.", "x.x.x.x.x.x.x.x.", ("dist",), ("guitar",), ("electric",)),
    "metal-halftime": ("metal", 4, 4, 0.5, 0, {CRASH: "x.......x.......", KICK: "x.x.x.x.x.x.x.x.", SNARE: "........x......."},
                       "x.x.x.x.x.x.x.x.", "x.x.x.x.x.x.x.x.", ("dist",), ("guitar", "synth"), ("electric",)),
    "disco": ("disco", 4, 4, 1, 0, {KICK: "x...x...x...x...", SNARE: "....x.......x...", HAT: "x...x...x...x...",
                                               OPEN_HAT: "..x...x...x...x."},
              "x.x.x.x.x.x.x.x.", "..x...x...x...x.", ("strings", "keys", "guitar", "brass"), ("string", "wind", "voice"), ("electric", "slap")),
    "dance-pop": ("pop", 4, 4, 1, 0, {KICK: "x...x...x...x...", CLAP: "....x.......x...", HAT: "xxxxxxxxxxxxxxxx"},
                  "..x...x...x...x.", "x.......x.......", ("pad", "keys", "strings"), ("synth", "voice"), ("synth",)),
    "pop": ("pop", 4, 4, 1, 0, {HAT: "x.x.x.x.x.x.x.x.", KICK: "x.....x.x.......", SNARE: "....x.......x...",
                                         TAMBOURINE: "....x.......x..."},
            "x.....x.x.......", "x...x...x...x...", ("keys", "guitar", "strings", "pad"), ("voice", "keys", "synth"), ("electric", "synth")),
    "pop-ballad": ("pop", 4, 4, 1, 0, {HAT: "x.x.x.x.x.x.x.x.", KICK: "x.........x.....", SNARE: "....x.......x..."},
                   "x.......x.......", "x.x.x.x.x.x.x.x.", ("keys", "strings"), ("voice", "string", "wind"), ("electric", "acoustic")),
    "funk": ("disco", 4, 4, 1, 0, {HAT: "xxxxxxxxxxxxxxxx", KICK: "x.....x...x..x..", SNARE: "....x..x.x..x..."},
             "x..x..x...x.x...", ".x.x.x.x.x.x.x.x", ("keys", "guitar", "brass"), ("wind", "synth"), ("slap", "electric")),
    "hiphop": ("hiphop", 4, 4, 1, 0.6, {HAT: "x.x.x.x.x.x.x.x.", KICK: "x......x..x.....", SNARE: "....x.......x..."},
               "x......x..x.....", "x...............", ("keys", "pad", "strings"), ("keys", "voice", "synth"), ("synth", "electric")),
    "hiphop-sixteenths": ("hiphop", 4, 4, 1, 0.5, {HAT: "xxxxxxxxxxxxxxxx", KICK: "x.....x..x......", SNARE: "....x.......x..."},
                          "x.....x..x......", "x.......x.......", ("keys", "pad"), ("keys", "synth"), ("synth",)),
    "reggae": ("reggae", 4, 4, 1, 0.5, {HAT: "x.x.x.x.x.x.x.x.", KICK: "........x.......", RIM: "........x......."},
               "x.....x.x.......", "..x...x...x...x.", ("organ", "guitar", "keys"), ("keys", "wind", "voice"), ("electric",)),
    "reggae-steppers": ("reggae", 4, 4, 1, 0.5, {HAT: "..x...x...x...x.", KICK: "x...x...x...x...", RIM: "........x......."},
                        "x.x...x.x.......", "..x...x...x...x.", ("organ", "guitar"), ("keys", "wind"), ("electric",)),
    "blues-shuffle": ("blues", 4, 3, 1, 0, {HAT: "x.xx.xx.xx.x", KICK: "x.....x.....", SNARE: "...x.....x.."},
                      "x.xx.xx.xx.x", "...x.....x..", ("keys", "guitar", "organ"), ("harmonica", "guitar", "wind"), ("electric", "acoustic")),
    "slow-blues": ("blues", 4, 3, 1, 0, {HAT: "xxxxxxxxxxxx", KICK: "x.....x.....", SNARE: "...x.....x.."},
                   "x..x..x..x..", "x.xx.xx.xx.x", ("keys", "guitar", "organ"), ("guitar", "harmonica", "wind"), ("electric",)),
    "country-train": ("country", 4, 4, 1, 0, {SNARE: "xxxxxxxxxxxxxxxx", KICK: "x.......x......."},
                      "x.......x.......", "....x.......x...", ("guitar",), ("string", "harmonica", "guitar"), ("electric", "acoustic")),
    "country-two-step": ("country", 4, 4, 1, 0, {HAT: "x.x.x.x.x.x.x.x.", KICK: "x.......x.......", SNARE: "....x.......x..."},
                         "x.......x.......", "....x.......x...", ("guitar", "keys"), ("string", "guitar"), ("electric", "acoustic")),
    "jazz-swing": ("jazz", 4, 3, 1, 0, {RIDE: "x..x.xx..x.x", PEDAL_HAT: "...x.....x..", KICK: "x..x..x..x.."},
                   "x..x..x..x..", "..x.....x...", ("keys", "guitar"), ("wind", "keys"), ("acoustic",)),
    "jazz-ballad": ("jazz", 4, 3, 1, 0, {RIDE: "x..x.xx..x.x", PEDAL_HAT: "...x.....x.."},
                    "x..x..x..x..", "x.....x.....", ("keys",), ("wind", "keys", "string"), ("acoustic",)),
    "waltz": ("country", 3, 2, 1, 0, {KICK: "x.....", SNARE: "..x.x.", HAT: "x.x.x."},
              "x.....", "..x.x.", ("keys", "guitar", "strings"), ("string", "wind", "harmonica"), ("acoustic", "electric")),
    "six-eight": ("pop", 2, 3, 1, 0, {HAT: "xxxxxx", KICK: "x.....", SNARE: "...x.."},
                  "x.....", "x..x..", ("keys", "guitar", "strings"), ("voice", "string", "wind"), ("electric", "acoustic")),
    "drum-and-bass": ("hiphop", 4, 4, 1, 0, {HAT: "x.x.x.x.x.x.x.x.", KICK: "x.........x.....", SNARE: "....x.......x..."},
                      "x.........x.....", "x...............", ("pad",), ("synth", "voice"), ("synth",)),
}


def hits(grid, steps, swing):
    """Onsets in beats of the counting tempo; `swing` delays each off-step towards the triplet position."""
    onsets = []
    for index, char in enumerate(grid):
        if char != "x":
            continue
        beat, step = divmod(index, steps)
        position = step / steps
        if swing and steps in (2, 4) and step % 2 == 1:
            # Off-eighths (2 steps) or off-sixteenths (4 steps) move from 1/2 (1/4) towards 2/3 (1/3).
            straight = 1 / (steps // 2) / 2
            position += swing * straight * (1 / 3)
        onsets.append(beat + position)
    return onsets


def arrange(rng, tonic, minor):
    """A random piece: (Song, label bpm, genre, style name, description of the instruments)."""
    name = tempo_prior.style(rng, rng.choice(tempo_prior.genres()))
    genre, beats, steps, factor, swing, drums, bass_grid, chord_grid, chord_pools, lead_pools, bass_pools = STYLES[name]
    label = tempo_prior.tempo(rng, name)
    count_bpm = round(label / factor, 2)
    song = Song(bpm=count_bpm)
    programs = {0: rng.choice(CHORD_PROGRAMS[rng.choice(chord_pools)]),
                1: rng.choice(BASS_PROGRAMS[rng.choice(bass_pools)]),
                2: rng.choice(LEAD_PROGRAMS[rng.choice(lead_pools)])}
    song.programs = programs
    if name.startswith("blues") or name == "slow-blues":
        progression = BLUES
    elif name.startswith("jazz"):
        progression = JAZZ[minor]
    else:
        progression = rng.choice(PROGRESSIONS[minor])
    bars_per_chord = 2 if count_bpm * factor < 75 and progression is not BLUES else 1
    seconds = 34.0
    bars = math.ceil(seconds * count_bpm / 60 / beats)
    scale = MINOR if minor else MAJOR
    lead_pitch = 60 + (tonic + 7) % 12
    density = rng.uniform(0.3, 0.8)
    for bar in range(bars):
        start = bar * beats
        root, quality = progression[(bar // bars_per_chord) % len(progression)]
        chord = [(tonic + root + interval) for interval in TRIAD[quality]]
        for drum, grid in drums.items():
            for onset in hits(grid, steps, swing):
                accent = 1.0 if abs(onset - round(onset)) < 1e-6 else 0.8
                song.add(start + onset, 0.1, DRUM_CHANNEL, drum, rng.gauss(95, 8) * accent)
        if bar % 4 == 0:
            song.add(start, 0.5, DRUM_CHANNEL, CRASH, rng.gauss(90, 8))
        bass_root = 36 + (tonic + root) % 12
        for index, onset in enumerate(hits(bass_grid, steps, swing)):
            pitch = bass_root
            if name.startswith("jazz") or name.startswith("country"):
                pitch = bass_root + [0, 7, 4, 7, 0, 12][index % 6] * (index % 2)  # root on the beat, fifth/third between
            elif name.startswith("disco"):
                pitch = bass_root + 12 * (index % 2)
            song.add(start + onset, min(0.9, beats / 4), 1, pitch, rng.gauss(95, 6))
        for onset in hits(chord_grid, steps, swing):
            length = 0.4 if chord_grid.count("x") > beats else beats / max(1, chord_grid.count("x"))
            for pitch in chord:
                song.add(start + onset, length, 0, 55 + (pitch - 55) % 12, rng.gauss(72, 6))
        position = 0.0
        while position < beats:
            step = rng.choice([0.5, 1, 1, 1.5, 2]) * (1 if factor == 1 else 2)
            if rng.random() < density:
                if abs(position - round(position)) < 1e-6:
                    target = rng.choice(chord)
                else:
                    target = tonic + rng.choice(scale)
                candidates = [p for p in range(55, 84) if (p - target) % 12 == 0]
                lead_pitch = min(candidates, key=lambda p: abs(p - lead_pitch))
                song.add(start + position, step * 0.9, 2, lead_pitch, rng.gauss(85, 6))
            position += step
    if beats == 2 and steps == 3:
        steps_note = "compound (6/8)"
    else:
        steps_note = f"{beats}/4"
    return song, label, genre, name, f"{steps_note}; programs {programs}"
