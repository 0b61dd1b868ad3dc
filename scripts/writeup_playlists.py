"""The report's playlists: made by tonearm itself (`playlist`, `similar`, `path`), then judged from facts.

Nobody listened to them. A track's fit is judged only from what can be checked: its package and the
GENRE tag, title or comment SOURCES.md quotes, a listening note if the user wrote one, and the
descriptors of other estimators (does a second tempo estimator confirm the beat?). Title and tag words
are weak labels: a battle theme is not necessarily energetic, but a high-arousal list made mostly of
tracks titled "Sad" or tagged as love themes is the arousal model's miss, not the listener's.
"""
import pathlib
import subprocess

import numpy as np

from writeup_collection import TEMPO_TOLERANCE, LOW_CONFIDENCE, TEMPOCNN_FLOOR, genre_tag, number, pct

# Words of titles, tags and comments (as SOURCES.md quotes them) read as weak arousal labels.
HIGH_AROUSAL = ("battle", "frantic", "siege", "intense", "metal", "madness", "chaos", "war ", "strike", "blast",
                "vengeful", "dangerous", "fast, tense")
LOW_AROUSAL = ("sad", "love", "tragic", "sombre", "nunc dimittis", "broken dreams", "calm", "lullaby")
SEEDS = ("wesnoth-1.16-music/aleksi_aubry_carlson_battle_music.ogg", "fretsonfire-songs-muldjord/muldjord_armygeddon.mp3")
PATH_ENDS = ("wesnoth-1.16-music/tyler_johnson_sad.ogg", "fretsonfire-songs-muldjord/muldjord_chaos_god.ogg")
LENGTH = 6


def read_m3u8(path):
    return [line.strip() for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def words(note, vocabulary):
    text = note.lower()
    return [word.strip() for word in vocabulary if word in text]


class Playlist:
    def __init__(self, key, title, command, kind, paths, query=None):
        self.key, self.title, self.command, self.kind, self.paths, self.query = key, title, command, kind, paths, query
        self.checks = {}    # path -> (fits: True/False/None, reason)
        self.blame = []
        self.notes = []


class Playlists:
    def __init__(self, tonearm, db, work, collection, notes, musicnn):
        self.tonearm, self.db, self.work, self.c = tonearm, db, pathlib.Path(work) / "playlists", collection
        self.listening = notes
        self.musicnn = musicnn          # (paths, unit matrix) or None
        self.work.mkdir(parents=True, exist_ok=True)
        self.rows = {row["path"]: row for row in collection.tracks}
        self.by_short = {collection.short(row): row["path"] for row in collection.tracks}
        self.lists = []
        self.make()

    # Running tonearm

    def run(self, key, arguments):
        out = self.work / f"{key}.m3u8"
        command = [self.tonearm, *arguments, "--db", str(self.db), "-o", str(out)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        shown = "tonearm " + " ".join(arguments)
        return shown, [path for path in read_m3u8(out)]

    def quantile(self, column, q):
        values = [value for _, value in self.c.values(column)]
        return float(np.percentile(values, q)) if values else None

    def make(self):
        arousal = self.quantile("arousal", 75)
        if arousal is not None:
            threshold = f"{np.floor(arousal * 10) / 10:.1f}"
            command, paths = self.run("energetic", ["playlist", "--arousal", f"{threshold}-", "--sort", "arousal",
                                                    "--order", "desc", "-n", str(LENGTH)])
            self.lists.append(self.judge_arousal(Playlist(
                "energetic", f"Most aroused: arousal ≥ {threshold} (the collection's upper quartile)", command,
                "descriptor", paths)))
        dance = self.quantile("shown_danceability", 75)
        if dance is not None:
            threshold = f"{np.floor(dance * 100) / 100:.2f}"
            command, paths = self.run("danceable", ["playlist", "--dance", f"{threshold}-", "--bpm", "100-140",
                                                    "--sort", "dance", "--order", "desc", "-n", str(LENGTH)])
            self.lists.append(self.judge_danceable(Playlist(
                "danceable", f"Danceable at 100–140 BPM: danceability ≥ {threshold} (upper quartile)", command,
                "descriptor", paths)))
        if self.musicnn is not None:
            for index, seed in enumerate(SEEDS):
                if seed not in self.by_short:
                    continue
                command, paths = self.run(f"similar-{index + 1}", ["similar", self.by_short[seed], "--by", "musicnn",
                                                                   "-n", str(LENGTH)])
                self.lists.append(self.judge_similar(Playlist(
                    f"similar-{index + 1}", f"More like `{seed}` (MusiCNN)", command, "similar", paths, seed)))
            if all(end in self.by_short for end in PATH_ENDS):
                command, paths = self.run("path", ["path", self.by_short[PATH_ENDS[0]], self.by_short[PATH_ENDS[1]],
                                                   "--by", "musicnn", "-n", str(LENGTH + 1)])
                self.lists.append(self.judge_path(Playlist(
                    "path", f"Song path from `{PATH_ENDS[0]}` to `{PATH_ENDS[1]}` (MusiCNN)", command, "path", paths)))

    # Facts per track

    def note(self, path):
        row = self.rows[path]
        return self.c.note(row)

    def listening_note(self, path):
        return self.listening.get(self.c.short(self.rows[path]))

    def tempo_confirmed(self, row):
        """A beat confirmed by a second estimator: RhythmExtractor2013 confident and TempoCNN within 4 %."""
        bpm, confidence = number(row, "bpm"), number(row, "bpm_confidence")
        others = [number(row, column) for column in ("tempocnn_bpm",)]
        if not bpm or confidence is None or confidence < LOW_CONFIDENCE:
            return False
        return any(other and abs(other / bpm - 1) <= TEMPO_TOLERANCE for other in others)

    def cosine(self, a, b):
        paths, unit = self.musicnn
        return float(unit[paths.index(a)] @ unit[paths.index(b)])

    # Judging

    def judge_arousal(self, playlist):
        for path in playlist.paths:
            note = self.listening_note(path) or self.note(path)
            high, low = words(note, HIGH_AROUSAL), words(note, LOW_AROUSAL)
            if low and not high:
                playlist.checks[path] = (False, f"SOURCES.md note: “{low[0]}”")
            elif high and not low:
                playlist.checks[path] = (True, f"SOURCES.md note: “{high[0]}”")
            else:
                playlist.checks[path] = (None, "no label")
        misses = [p for p, (fits, _) in playlist.checks.items() if fits is False]
        if misses:
            playlist.blame.append("the arousal regressor (emomusic head on MSD-MusiCNN)")
        return playlist

    def judge_danceable(self, playlist):
        for path in playlist.paths:
            row = self.rows[path]
            floor = (number(row, "tempocnn_bpm") or 99) <= TEMPOCNN_FLOOR
            if floor:
                playlist.checks[path] = (False, "TempoCNN finds no pulse")
            elif self.tempo_confirmed(row):
                playlist.checks[path] = (True, "beat confirmed by two estimators")
            else:
                playlist.checks[path] = (False, "beat not confirmed by a second estimator")
        misses = [p for p, (fits, _) in playlist.checks.items() if fits is False]
        if misses:
            source = {self.rows[p].get("shown_danceability_source") for p in misses}
            playlist.blame.append("DSP Danceability" if source == {"dsp"} else "the danceability head")
            playlist.blame.append("the shown tempo that placed them in 100–140 BPM")
        return playlist

    def judge_similar(self, playlist):
        seed = self.by_short[playlist.query]
        seed_row = self.rows[seed]
        seed_tag = genre_tag(self.c.note(seed_row))
        for path in playlist.paths:
            row = self.rows[path]
            same_package = self.c.package(row) == self.c.package(seed_row)
            tag = genre_tag(self.c.note(row))
            if same_package:
                playlist.checks[path] = (True, "same soundtrack")
            elif seed_tag and tag == seed_tag:
                playlist.checks[path] = (True, f"same GENRE tag “{tag}”")
            else:
                playlist.checks[path] = (False, f"other soundtrack{f', tag “{tag}”' if tag else ''}")
        if any(fits is False for fits, _ in playlist.checks.values()):
            playlist.blame.append("the MusiCNN embedding (or the label: a soundtrack is not a sound)")
        return playlist

    def judge_path(self, playlist):
        steps = [self.cosine(a, b) for a, b in zip(playlist.paths, playlist.paths[1:])]
        for index, path in enumerate(playlist.paths):
            playlist.checks[path] = (None, f"step cosine {steps[index - 1]:.2f}" if index else "start")
        if steps:
            worst = int(np.argmin(steps))
            playlist.checks[playlist.paths[worst + 1]] = (False, f"largest jump: step cosine {steps[worst]:.2f}")
            playlist.steps = steps
            playlist.worst = worst
        return playlist
