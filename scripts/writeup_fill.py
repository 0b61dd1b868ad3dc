"""Fills docs/REPORT.template.md with figures computed by tonearm, so REPORT.md has no hand-typed number.

usage: python writeup_fill.py --work DIR --shared DIR TEMPLATE OUT

Placeholders are `{{ name }}` or `{{ name | format }}` (formats: pct, 0f, 1f, 2f, 3f). Names:
- `debian.<figure>`, `audio.<figure>`: a `data-figure` of that store's report page (as the page shows it);
- `eval.<set>.<path>`: a value of `tonearm evaluate`'s summary.json for set synthetic, audio or debian
  (dotted path into the JSON);
- `table.<name>`: a Markdown table built from every row summary.json holds (new estimators or key
  profiles that a later tonearm version writes appear without a change here);
- `x.<name>`: a figure or list computed below from the exports (named examples, neighbour lists).
An unknown name stops the script, so a figure that tonearm stops writing cannot vanish silently.
"""
import argparse
import csv
import html
import json
import math
import pathlib
import re
import sys

import numpy as np

PLACEHOLDER = re.compile(r"\{\{\s*([^}|]+?)\s*(?:\|\s*(\w+)\s*)?\}\}")
OCTAVE = {2.0: "×2", 0.5: "×½", 3.0: "×3", 1 / 3: "×⅓"}


def page_figures(page):
    text = page.read_text(encoding="utf-8")
    return {name: html.unescape(value) for name, value in
            re.findall(r'data-figure="([^"]+)">([^<]*)<', text)}


def page_table(page, table_id):
    text = page.read_text(encoding="utf-8")
    match = re.search(rf'<table id="{table_id}">(.*?)</table>', text, re.S)
    if not match:
        return []
    return [[html.unescape(re.sub("<[^>]+>", "", cell)) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", match.group(1), re.S) if "<td>" in row]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def number(row, column):
    value = row.get(column) or ""
    return float(value) if value else None


def pct(value):
    return f"{100 * value:.1f} %"


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


class Figures:
    def __init__(self, work, shared):
        self.work, self.shared = work, shared
        self.pages = {name: page_figures(work / f"report-{name}" / "index.html") for name in ("debian", "audio")}
        self.evals = {name: json.loads((work / f"eval-{name}" / "summary.json").read_text())
                      for name in ("synthetic", "audio", "debian")}
        self.tracks = {name: read_csv(work / f"{name}-tracks.csv") for name in ("debian", "audio")}
        self.labels = {row["path"]: row["genre"] for row in read_csv(work / "debian-labels.csv")}

    def lookup(self, name):
        head, _, rest = name.partition(".")
        if head in self.pages:
            return self.pages[head][rest]
        if head == "eval":
            value = self.evals
            for part in rest.split("."):
                value = value[part]
            return value
        if head == "table":
            return getattr(self, "table_" + rest.replace("-", "_"))()
        if head == "x":
            return getattr(self, "x_" + rest.replace("-", "_"))()
        raise KeyError(name)

    # Tables over every row evaluate wrote.

    def tempo_table(self, name):
        scores = self.evals[name]["tempo"]
        return markdown_table(["estimator", "tracks", "Accuracy1 (±4 %)", "Accuracy2 (also ×2, ×3, ×½, ×⅓)"],
                              [[key, value["tracks"], pct(value["accuracy1"]), pct(value["accuracy2"])]
                               for key, value in sorted(scores.items())])

    def table_synthetic_tempo(self):
        return self.tempo_table("synthetic")

    def table_synthetic_key(self):
        scores = self.evals["synthetic"]["key"]
        relations = ["exact", "fifth", "relative", "parallel", "other"]
        return markdown_table(["profile", "tracks", "accuracy", "MIREX weighted"] + relations,
                              [[key, value["tracks"], pct(value["accuracy"]), f"{value['weighted']:.2f}"]
                               + [value["relations"].get(relation, 0) for relation in relations]
                               for key, value in sorted(scores.items())])

    def neighbour_table(self, name):
        genre = self.evals[name].get("genre") or {}
        precision = genre.get("neighbourPrecision", {})
        rows = [[kind, pct(value)] for kind, value in sorted(precision.items())]
        rows.append(["chance (random neighbours)", pct(self.chance(name))])
        return markdown_table([f"embedding (k = {genre.get('neighbours', 10)})", "neighbours with the query's label"], rows)

    def table_debian_neighbours(self):
        return self.neighbour_table("debian")

    def table_audio_neighbours(self):
        return self.neighbour_table("audio")

    def chance(self, name):
        """Expected precision of k random other tracks: P(a random other track shares the label)."""
        labels = [row["labelGenre"] for row in self.evals[name]["tracks"] if row.get("labelGenre")]
        counts = {label: labels.count(label) for label in set(labels)}
        total = len(labels)
        return sum(n * (n - 1) for n in counts.values()) / (total * (total - 1))

    # Figures computed from the exports and evaluate's per-track rows.

    def short(self, path):
        """`package/file` for the Debian collection, `folder/file` for the shared audio."""
        parts = pathlib.PurePath(path).parts
        return "/".join(parts[-2:])

    def audio_row(self, suffix):
        rows = [row for row in self.tracks["audio"] if row["path"].endswith(suffix)]
        if len(rows) != 1:
            raise KeyError(f"no single track ending in {suffix} in the shared-audio export")
        return rows[0]

    def x_observations(self):
        """The report's Observations block, sentence by sentence, as a Markdown list."""
        text = (self.work / "report-debian" / "index.html").read_text(encoding="utf-8")
        block = re.search(r'<ul class="observations">(.*?)</ul>', text, re.S).group(1)
        items = re.findall(r"<li[^>]*>(.*?)</li>", block, re.S)
        def plain(item):
            item = re.sub(r"</?strong>", "**", item)
            return " ".join(html.unescape(re.sub("<[^>]+>", "", item)).split())
        return "\n".join(f"- {plain(item)}" for item in items)

    def x_key_disputed(self):
        agree = float(self.pages["debian"]["keys-all-agree"].rstrip(" %")) / 100
        return pct(1 - agree)

    def x_silent_bpm(self):
        return f"{number(self.audio_row('bad/silent_10s.wav'), 'bpm'):.0f}"

    def x_silent_loudness(self):
        value = self.audio_row("bad/silent_10s.wav")["loudness_lufs"]
        return "empty (undefined)" if not value else value

    def x_failures(self):
        rows = page_table(self.work / "report-audio" / "index.html", "failed-files")
        return "\n".join(f"  - `{self.short(path)}`: {stage}, “{reason}”" for path, stage, reason in rows)

    def x_failure_count(self):
        return str(len(page_table(self.work / "report-audio" / "index.html", "failed-files")))

    def describe(self, row, columns):
        return ", ".join(f"{label} {row[column]}" for label, column in columns if row.get(column))

    def x_non_music(self):
        lines = []
        for suffix, what in (("nps_glacier_bay_humpback_whale.ogg", "whale song"),
                             ("librispeech_198-209-0000_speech.flac", "read speech")):
            row = self.audio_row(suffix)
            lines.append(f"  - {what} (`{self.short(row['path'])}`): tempo {number(row, 'bpm'):.1f} BPM "
                         f"(confidence {number(row, 'bpm_confidence'):.2f}), TempoCNN {number(row, 'tempocnn_bpm'):.1f} BPM, "
                         f"key {row['key_temperley']} {row['scale_temperley']} (strength {number(row, 'key_strength_temperley'):.2f}), "
                         f"arousal {number(row, 'arousal'):.1f} / valence {number(row, 'valence'):.1f}")
        return "\n".join(lines)

    def x_low_rate(self):
        original = self.audio_row("brahms_hungarian_dance_no5_us_army_strings.ogg")
        low = self.audio_row("bad/mono_8khz_brahms.wav")
        def line(row, what):
            return (f"{what}: tempo {number(row, 'bpm'):.1f} BPM, keys {row['key_temperley']} {row['scale_temperley']} / "
                    f"{row['key_krumhansl']} {row['scale_krumhansl']} / {row['key_edma']} {row['scale_edma']}, "
                    f"{number(row, 'loudness_lufs'):.1f} LUFS, arousal {number(row, 'arousal'):.1f}")
        return line(original, "original (first 30 s, stereo)") + "; " + line(low, "8 kHz mono (first 15 s)")

    def eval_rows(self, name):
        return self.evals[name]["tracks"]

    def x_synthetic_tempo_misses(self):
        lines = []
        for row in self.eval_rows("synthetic"):
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
        for row in self.eval_rows("synthetic"):
            wrong = {profile: relation for profile, relation in row.get("keyRelations", {}).items() if relation != "exact"}
            if row.get("labelKey") and wrong:
                lines.append(f"- `{pathlib.PurePath(row['path']).name}` (label {row['labelKey']}): "
                             + "; ".join(f"{profile} {row['keys'][profile]} ({relation})" for profile, relation in sorted(wrong.items())))
        return "\n".join(lines) or "- none: every profile finds every labelled key"

    def x_brahms_keys(self):
        row = next(row for row in self.eval_rows("audio") if row.get("labelKey"))
        return ", ".join(f"{profile} {row['keys'][profile]} ({row['keyRelations'][profile]})"
                         for profile in sorted(row["keys"]))

    def octave_pairs(self, name):
        pairs = []
        for row in self.tracks[name]:
            bpm, cnn = number(row, "bpm"), number(row, "tempocnn_bpm")
            if bpm and cnn:
                ratio = cnn / bpm
                for target, sign in OCTAVE.items():
                    if abs(ratio / target - 1) <= 0.04:
                        pairs.append((row, bpm, cnn, sign))
        return pairs

    def x_debian_octave_count(self):
        return str(len(self.octave_pairs("debian")))

    def x_debian_octave_examples(self):
        pairs = self.octave_pairs("debian")[:4]
        return "; ".join(f"`{self.short(row['path'])}` {bpm:.0f} vs {cnn:.0f} BPM" for row, bpm, cnn, _ in pairs)

    def x_audio_octave_examples(self):
        pairs = self.octave_pairs("audio")
        return "; ".join(f"`{self.short(row['path'])}` {bpm:.0f} (RhythmExtractor2013) vs {cnn:.0f} BPM (TempoCNN)"
                         for row, bpm, cnn, _ in pairs) or "none"

    def loudness_extremes(self, quietest):
        rows = [row for row in self.tracks["debian"] if row["loudness_lufs"]]
        rows.sort(key=lambda row: float(row["loudness_lufs"]), reverse=not quietest)
        return ", ".join(f"`{self.short(row['path'])}` ({float(row['loudness_lufs']):.1f} LUFS)" for row in rows[:3])

    def x_debian_quietest(self):
        return self.loudness_extremes(True)

    def x_debian_loudest(self):
        return self.loudness_extremes(False)

    def package_medians(self, column):
        by = {}
        for row in self.tracks["debian"]:
            if row[column]:
                by.setdefault(self.labels[row["path"]], []).append(float(row[column]))
        return {package: float(np.median(values)) for package, values in by.items()}

    def x_debian_package_emotion(self):
        arousal, valence = self.package_medians("arousal"), self.package_medians("valence")
        return markdown_table(["package", "median arousal", "median valence"],
                              [[package, f"{arousal[package]:.1f}", f"{valence[package]:.1f}"]
                               for package in sorted(arousal, key=lambda p: -arousal[p])])

    def package_extreme(self, column, pick):
        medians = self.package_medians(column)
        package = pick(medians, key=medians.get)
        return f"{package} ({medians[package]:.1f})"

    def x_debian_arousal_top(self):
        return self.package_extreme("arousal", max)

    def x_debian_arousal_bottom(self):
        return self.package_extreme("arousal", min)

    def x_debian_valence_bottom(self):
        return self.package_extreme("valence", min)

    def emotion_range(self, column, pick):
        values = [float(row[column]) for row in self.tracks["debian"] if row[column]]
        return f"{pick(values):.2f}"

    def x_debian_valence_min(self):
        return self.emotion_range("valence", min)

    def x_debian_arousal_max(self):
        return self.emotion_range("arousal", max)

    def x_debian_largest_quadrant(self):
        shares = {name: self.pages["debian"][f"obs-quadrant-{key}"] for key, name in
                  (("excited", "happy/excited"), ("tense", "tense/angry"), ("sad", "sad/depressed"), ("calm", "calm/relaxed"))}
        name = max(shares, key=lambda n: float(shares[n].rstrip(" %")))
        return f"{name} ({shares[name]})"

    def x_debian_minor_shares(self):
        rows = self.tracks["debian"]
        return ", ".join(f"{profile} {pct(sum(row[f'scale_{profile}'] == 'minor' for row in rows) / len(rows))}"
                         for profile in ("temperley", "krumhansl", "edma"))

    def x_debian_tempocnn_floor(self):
        rows = [row for row in self.tracks["debian"] if row["tempocnn_bpm"] and float(row["tempocnn_bpm"]) <= 30]
        return str(len(rows))

    def x_debian_package_loudness_range(self):
        medians = self.package_medians("loudness_lufs")
        loud, quiet = max(medians, key=medians.get), min(medians, key=medians.get)
        return f"from {medians[quiet]:.1f} LUFS ({quiet}) to {medians[loud]:.1f} LUFS ({loud})"

    # Neighbours from the exported MusiCNN matrix, checked against evaluate's figure.

    def musicnn(self, name):
        matrix = np.load(self.work / f"{name}-musicnn" / "musicnn.npy")
        order = read_csv(self.work / f"{name}-musicnn" / "tracks.csv")
        unit = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
        return [row["path"] for row in order], unit @ unit.T

    def debian_neighbours(self, k=10):
        """Each track's k nearest (k = evaluate's 10, so the overall precision can be checked against it)."""
        paths, similarity = self.musicnn("debian")
        np.fill_diagonal(similarity, -np.inf)
        nearest = {}
        for index, path in enumerate(paths):
            # Ties by row (the export's path order), as tonearm's index breaks them by id.
            ranked = sorted(range(len(paths)), key=lambda j: (-similarity[index, j], j))[:k]
            nearest[path] = [(paths[j], float(similarity[index, j])) for j in ranked]
        precision = {path: sum(self.labels[p] == self.labels[path] for p, _ in near) / k for path, near in nearest.items()}
        overall = sum(precision.values()) / len(precision)
        reported = self.evals["debian"]["genre"]["neighbourPrecision"]["musicnn"]
        if abs(overall - reported) > 0.02:
            sys.exit(f"writeup: MusiCNN neighbour precision from the export ({overall:.4f}) differs from evaluate's ({reported:.4f})")
        return nearest, precision

    def x_debian_package_precision(self):
        _, precision = self.debian_neighbours()
        by = {}
        for path, value in precision.items():
            by.setdefault(self.labels[path], []).append(value)
        sizes = {package: len(values) for package, values in by.items()}
        rows = sorted(((package, sizes[package], sum(values) / len(values)) for package, values in by.items()),
                      key=lambda item: -item[2])
        # A package of n tracks can fill at most n - 1 of the 10 places.
        return markdown_table(["package (soundtrack)", "tracks", "MusiCNN neighbours from the same package (k = 10)",
                               "ceiling"],
                              [[package, size, pct(value), pct(min(size - 1, 10) / 10)] for package, size, value in rows])

    def x_debian_neighbour_lists(self):
        nearest, _ = self.debian_neighbours()
        queries = []
        for package in sorted(set(self.labels.values())):
            queries.append(next(path for path in sorted(nearest) if self.labels[path] == package))
        rows = []
        for query in queries:
            near = "; ".join(f"{'✓' if self.labels[p] == self.labels[query] else '✗'} `{self.short(p)}` {score:.2f}"
                             for p, score in nearest[query][:3])
            rows.append([f"`{self.short(query)}`", near])
        return markdown_table(["query", "3 nearest by MusiCNN (✓ same package, cosine)"], rows)


def fill(template, figures):
    missing = []

    def replace(match):
        name, form = match.group(1), match.group(2)
        try:
            value = figures.lookup(name)
        except (KeyError, IndexError, StopIteration, AttributeError) as error:
            missing.append(f"{name} ({error})")
            return match.group(0)
        if form == "pct":
            return pct(float(value))
        if form and form.endswith("f"):
            return f"{float(value):.{int(form[:-1])}f}"
        return str(value)

    text = PLACEHOLDER.sub(replace, template)
    if missing:
        sys.exit("writeup: figures not found: " + ", ".join(missing))
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=pathlib.Path, required=True)
    parser.add_argument("--shared", type=pathlib.Path, required=True)
    parser.add_argument("template", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    args = parser.parse_args()
    figures = Figures(args.work, args.shared)
    text = fill(args.template.read_text(encoding="utf-8"), figures)
    header = "<!-- Generated by scripts/writeup from docs/REPORT.template.md: edit the template, not this file. -->\n"
    args.out.write_text(header + text, encoding="utf-8")
    print(f"writeup: filled {args.out}")


if __name__ == "__main__":
    main()
