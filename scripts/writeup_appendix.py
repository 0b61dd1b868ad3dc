"""The appendix's figures and tables: validation on labelled sets, named examples, neighbour lists.

Placeholders of docs/REPORT-appendix.template.md: `{{ table.<name> }}` and `{{ x.<name> }}`, each a
method below; evaluation tables are built from every row `tonearm evaluate`'s summary.json holds, so
estimators a later tonearm adds appear without a change here.
"""
import csv
import pathlib
import sys

from writeup_collection import TEMPO_TOLERANCE, Collection, number, pct

OCTAVES = (2.0, 0.5, 3.0, 1 / 3)


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


class Appendix:
    def __init__(self, work, shared, collection, evals, musicnn):
        self.work, self.c, self.evals, self.musicnn = work, collection, evals, musicnn
        self.audio = Collection(work / "report-audio", shared / "audio" / "SOURCES.md")
        self.audio_failures = self.audio_failed_files(work / "report-audio" / "index.html")

    def lookup(self, name):
        head, _, rest = name.partition(".")
        method = getattr(self, f"{head}_{rest.replace('-', '_')}", None) if head in ("table", "x") else None
        if method is None:
            raise KeyError(name)
        return method()

    @staticmethod
    def audio_failed_files(page):
        import html
        import re
        text = page.read_text(encoding="utf-8")
        match = re.search(r'<table id="failed-files">(.*?)</table>', text, re.S)
        if not match:
            return []
        return [[html.unescape(re.sub("<[^>]+>", "", cell)) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
                for row in re.findall(r"<tr>(.*?)</tr>", match.group(1), re.S) if "<td>" in row]

    # Neighbour precision

    def chance(self, name):
        """Expected precision of random neighbours: P(another random track shares the label)."""
        labels = [row["labelGenre"] for row in self.evals[name].get("tracks", []) if row.get("labelGenre")]
        if len(labels) < 2:
            return None
        counts = {label: labels.count(label) for label in set(labels)}
        return sum(n * (n - 1) for n in counts.values()) / (len(labels) * (len(labels) - 1))

    def neighbours(self, k=10):
        """Each track's k nearest by MusiCNN, from the export (ties by export row, as tonearm breaks them by id)."""
        if self.musicnn is None:
            return {}
        paths, unit = self.musicnn
        similarity = unit @ unit.T
        nearest = {}
        for index, path in enumerate(paths):
            ranked = sorted((j for j in range(len(paths)) if j != index), key=lambda j: (-similarity[index, j], j))[:k]
            nearest[path] = [(paths[j], float(similarity[index, j])) for j in ranked]
        return nearest

    def package_of(self, path):
        return pathlib.PurePath(path).parent.name

    def package_precision(self):
        nearest = self.neighbours()
        by = {}
        for path, near in nearest.items():
            share = sum(self.package_of(p) == self.package_of(path) for p, _ in near) / len(near)
            by.setdefault(self.package_of(path), []).append(share)
        if nearest:
            overall = sum(sum(v) for v in by.values()) / len(nearest)
            reported = self.evals["debian"].get("genre", {}).get("neighbourPrecision", {}).get("musicnn")
            if reported is not None and abs(overall - reported) > 0.02:
                sys.exit(f"writeup: MusiCNN precision from the export ({overall:.4f}) differs from evaluate's ({reported:.4f})")
        return {package: sum(values) / len(values) for package, values in by.items()}

    def package_precision_extremes(self):
        precision = self.package_precision()
        if len(precision) < 2:
            return None, None
        best, worst = max(precision, key=precision.get), min(precision, key=precision.get)
        return (best, precision[best]), (worst, precision[worst])

    def table_debian_package_precision(self):
        precision = self.package_precision()
        sizes = {}
        for row in self.c.tracks:
            sizes[self.c.package(row)] = sizes.get(self.c.package(row), 0) + 1
        rows = [[package, sizes[package], pct(value), pct(min(sizes[package] - 1, 10) / 10)]
                for package, value in sorted(precision.items(), key=lambda item: -item[1])]
        return markdown_table(["package", "tracks", "MusiCNN neighbours from the same package (k = 10)",
                               "ceiling (n − 1 of 10)"], rows)

    def x_debian_neighbour_lists(self):
        nearest = self.neighbours()
        rows = []
        for package in sorted({self.package_of(p) for p in nearest}):
            query = min(p for p in nearest if self.package_of(p) == package)
            near = "; ".join(f"{'✓' if self.package_of(p) == package else '✗'} `{self.short(p)}` {score:.2f}"
                             for p, score in nearest[query][:3])
            rows.append([f"`{self.short(query)}`", near])
        return markdown_table(["query (first of its package)", "3 nearest by MusiCNN (✓ same package, cosine)"], rows)

    # Evaluation tables

    def tempo_table(self, name):
        scores = self.evals[name].get("tempo", {})
        return markdown_table(["estimator", "tracks", "Accuracy1 (±4 %)", "Accuracy2 (also ×2, ×3, ×½, ×⅓)"],
                              [[key, value["tracks"], pct(value["accuracy1"]), pct(value["accuracy2"])]
                               for key, value in sorted(scores.items())])

    def table_synthetic_tempo(self):
        return self.tempo_table("synthetic")

    def table_synthetic_key(self):
        scores = self.evals["synthetic"].get("key", {})
        relations = ["exact", "fifth", "relative", "parallel", "other"]
        return markdown_table(["profile", "tracks", "accuracy", "MIREX weighted"] + relations,
                              [[key, value["tracks"], pct(value["accuracy"]), f"{value['weighted']:.2f}"]
                               + [value["relations"].get(relation, 0) for relation in relations]
                               for key, value in sorted(scores.items())])

    def x_synthetic_tempo_misses(self):
        lines = []
        for row in self.evals["synthetic"].get("tracks", []):
            if row.get("labelBpm") is None:
                continue
            misses = [f"{estimator} {row[bpm]:.1f} BPM ({row[outcome]})"
                      for estimator, bpm, outcome in (("RhythmExtractor2013", "bpm", "tempoOutcome"),
                                                       ("TempoCNN", "tempoCNNBpm", "tempoCNNOutcome"))
                      if row.get(outcome) not in (None, "correct")]
            if misses:
                lines.append(f"- `{pathlib.PurePath(row['path']).name}` (label {row['labelBpm']:.0f} BPM): " + "; ".join(misses))
        return "\n".join(lines) or "- none: every estimate is within 4 % of its label"

    def x_synthetic_key_misses(self):
        lines = []
        for row in self.evals["synthetic"].get("tracks", []):
            wrong = {p: r for p, r in row.get("keyRelations", {}).items() if r != "exact"}
            if row.get("labelKey") and wrong:
                lines.append(f"- `{pathlib.PurePath(row['path']).name}` (label {row['labelKey']}): "
                             + "; ".join(f"{p} {row['keys'][p]} ({r})" for p, r in sorted(wrong.items())))
        return "\n".join(lines) or "- none: every profile finds every labelled key"

    # Named examples

    def short(self, path):
        return "/".join(pathlib.PurePath(path).parts[-2:])

    def audio_row(self, suffix):
        rows = [row for row in self.audio_rows() if row["path"].endswith(suffix)]
        if len(rows) != 1:
            raise KeyError(f"no single track ending in {suffix} in the shared-audio report")
        return rows[0]

    def audio_rows(self):
        with open(self.work / "report-audio" / "tracks.csv", newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    def x_silent(self):
        row = self.audio_row("bad/silent_10s.wav")
        loudness = row.get("loudness_lufs") or "empty (undefined below −70 LUFS, where R128 gates everything)"
        return f"tempo {number(row, 'bpm'):.0f} BPM, loudness {loudness}"

    def x_failures(self):
        return "\n".join(f"  - `{self.short(path)}`: {stage}, “{reason}”" for path, stage, reason in self.audio_failures)

    def x_brahms_keys(self):
        rows = [row for row in self.evals["audio"].get("tracks", []) if row.get("labelKey")]
        if not rows:
            return "no key label in the set"
        row = rows[0]
        return ", ".join(f"{p} {row['keys'][p]} ({row['keyRelations'][p]})" for p in sorted(row["keys"]))

    def x_low_rate(self):
        def line(row, what):
            return (f"{what}: shown tempo {number(row, 'shown_bpm'):.1f} BPM, shown key {row['shown_key']} "
                    f"{row['shown_scale']}, {number(row, 'loudness_lufs'):.1f} LUFS, arousal {number(row, 'arousal'):.1f}")
        return (line(self.audio_row("brahms_hungarian_dance_no5_us_army_strings.ogg"), "original (first 30 s, stereo)")
                + "; " + line(self.audio_row("bad/mono_8khz_brahms.wav"), "8 kHz mono (first 15 s)"))

    def x_non_music(self):
        lines = []
        for suffix, what in (("nps_glacier_bay_humpback_whale.ogg", "whale song"),
                             ("librispeech_198-209-0000_speech.flac", "read speech")):
            row = self.audio_row(suffix)
            lines.append(f"  - {what} (`{self.short(row['path'])}`): shown tempo {number(row, 'shown_bpm'):.1f} BPM "
                         f"(RhythmExtractor2013 confidence {number(row, 'bpm_confidence'):.2f}), shown key "
                         f"{row['shown_key']} {row['shown_scale']}, arousal {number(row, 'arousal'):.1f} / valence "
                         f"{number(row, 'valence'):.1f}")
        return "\n".join(lines)

    def octave_pairs(self, rows):
        pairs = []
        for row in rows:
            bpm, cnn = number(row, "bpm"), number(row, "tempocnn_bpm")
            if bpm and cnn and any(abs(cnn / bpm / r - 1) <= TEMPO_TOLERANCE for r in OCTAVES):
                pairs.append(f"`{self.short(row['path'])}` {bpm:.0f} (RhythmExtractor2013) vs {cnn:.0f} (TempoCNN), "
                             f"shown {number(row, 'shown_bpm'):.0f}")
        return pairs

    def x_debian_octaves(self):
        return "\n".join(f"- {pair}" for pair in self.octave_pairs(self.c.tracks)) or "- none"

    def x_audio_octaves(self):
        return "; ".join(self.octave_pairs(self.audio_rows())) or "none"

    def table_debian_package_emotion(self):
        arousal, valence = self.c.package_medians("arousal"), self.c.package_medians("valence")
        return markdown_table(["package", "median arousal", "median valence"],
                              [[p, f"{arousal[p]:.2f}", f"{valence[p]:.2f}"] for p in sorted(arousal, key=lambda p: -arousal[p])])

    def x_loudness_extremes(self):
        rows = sorted(self.c.values("loudness_lufs"), key=lambda item: item[1])
        def names(items):
            return ", ".join(f"`{self.c.short(row)}` ({value:.1f})" for row, value in items)
        return f"quietest {names(rows[:3])}; loudest {names(rows[-3:][::-1])} (LUFS)"
