"""Figures and sentences about one analyzed collection, read from `tonearm report`'s folder.

usage: python writeup_collection.py REPORT_DIR [SOURCES.md]   # prints {"rule": "sentence", ...} as JSON

The input is what tonearm itself writes: REPORT_DIR/tracks.csv (the export's columns, `shown_*`
included) and REPORT_DIR/index.html (its `data-figure` values). A track's package is its folder.
Every sentence that compares, ranks or judges exists only when its rule's condition holds on these
figures; `sentences()` returns them keyed by rule, which is what ReportTests' WriteupProseTests check
on two contrasting stores. Facts about how music sounds come only from a named source: the
collection's SOURCES.md (its per-file notes and GENRE tags) or a listening-notes file.
"""
import csv
import html
import json
import math
import pathlib
import re
import sys

import numpy as np

PROFILES = ("temperley", "krumhansl", "edma")
PITCH = {"C": 0, "B#": 0, "C#": 1, "Db": 1, "D": 2, "D#": 3, "Eb": 3, "E": 4, "Fb": 4, "F": 5, "E#": 5,
         "F#": 6, "Gb": 6, "G": 7, "G#": 8, "Ab": 8, "A": 9, "A#": 10, "Bb": 10, "B": 11, "Cb": 11}
TEMPO_TOLERANCE = 0.04
LOW_CONFIDENCE = 1.5
TEMPOCNN_FLOOR = 30.5
EMOTION_MIDPOINT = 5.0
NUMBERS = {2: "two", 3: "three", 4: "four"}
QUADRANTS = (("happy/excited", True, True), ("tense/angry", True, False),
             ("sad/depressed", False, False), ("calm/relaxed", False, True))


def pct(value):
    return f"{100 * value:.1f} %"


def signed(value, digits=1):
    """A number with a typographic minus, as the report writes LUFS."""
    return f"{value:.{digits}f}".replace("-", "−")


def number(row, column):
    value = (row.get(column) or "").strip()
    try:
        result = float(value)
    except ValueError:
        return None
    return result if math.isfinite(result) else None


def quartiles(values):
    q1, median, q3 = np.percentile(values, [25, 50, 75])
    return float(q1), float(median), float(q3)


def ranks(values):
    order = np.argsort(values, kind="stable")
    result = np.empty(len(values))
    result[order] = np.arange(len(values))
    # Ties share their mean rank.
    for value in set(values):
        where = [i for i, v in enumerate(values) if v == value]
        if len(where) > 1:
            result[where] = result[where].mean()
    return result


def spearman(a, b):
    if len(a) < 3:
        return None
    ra, rb = ranks(list(a)), ranks(list(b))
    if ra.std() == 0 or rb.std() == 0:
        return None
    return float(np.corrcoef(ra, rb)[0, 1])


def package_share(values, groups):
    """Eta squared: the share of the variance between group means (1: groups explain everything)."""
    values = np.asarray(values, dtype=float)
    total = ((values - values.mean()) ** 2).sum()
    if total == 0 or len(set(groups)) < 2:
        return None
    between = 0.0
    for group in set(groups):
        part = values[[g == group for g in groups]]
        between += len(part) * (part.mean() - values.mean()) ** 2
    return float(between / total)


def key_relation(a, b):
    """How key b relates to key a, as mir_eval names it (both (pitch class, minor))."""
    (pa, ma), (pb, mb) = a, b
    interval = (pb - pa) % 12
    if a == b:
        return "same"
    if ma == mb and interval in (5, 7):
        return "fifth"
    if not ma and mb and interval == 9 or ma and not mb and interval == 3:
        return "relative"
    if ma != mb and interval == 0:
        return "parallel"
    return "other"


def histogram_peaks(lower, width, counts, prominence=0.25, dip=0.5):
    """Peaks of a histogram as the report draws it: local maxima holding at least `prominence` × the
    highest bin, kept only when the lowest bin between two of them is at most `dip` × the lower peak.
    Returns the peaks' bin centres, lowest first."""
    candidates = [i for i, count in enumerate(counts)
                  if count >= prominence * max(counts)
                  and (i == 0 or count > counts[i - 1]) and (i == len(counts) - 1 or count >= counts[i + 1])]
    kept = []
    for peak in sorted(candidates, key=lambda i: -counts[i]):
        if all(min(counts[min(peak, other):max(peak, other) + 1]) <= dip * min(counts[peak], counts[other])
               for other in kept):
            kept.append(peak)
    return sorted(lower + width * (i + 0.5) for i in kept)


def page_charts(page):
    if not page.exists():
        return {}
    match = re.search(r'<script type="application/json" id="report-charts">(.*?)</script>',
                      page.read_text(encoding="utf-8"), re.S)
    return {spec["id"]: spec for spec in json.loads(match.group(1))} if match else {}


def page_figures(page):
    if not page.exists():
        return {}
    text = page.read_text(encoding="utf-8")
    return {name: html.unescape(value) for name, value in re.findall(r'data-figure="([^"]+)">([^<]*)<', text)}


def source_notes(sources):
    """path (package/file) → its note in a SOURCES.md table whose first column is the path."""
    notes = {}
    if sources and pathlib.Path(sources).exists():
        for line in pathlib.Path(sources).read_text(encoding="utf-8").splitlines():
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if len(cells) >= 5 and cells[0].startswith("`") and "/" in cells[0]:
                notes[cells[0].strip("`")] = cells[-1]
    return notes


def genre_tag(note):
    match = re.search(r'GENRE tag "([^"]+)"', note or "")
    return match.group(1) if match else None


class Collection:
    """One report folder's tracks and figures."""

    def __init__(self, report_dir, sources=None):
        report_dir = pathlib.Path(report_dir)
        with open(report_dir / "tracks.csv", newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        self.tracks = [row for row in rows if row.get("state") == "analyzed" and number(row, "bpm") is not None]
        self.figures = page_figures(report_dir / "index.html")
        self.charts = page_charts(report_dir / "index.html")
        self.notes = source_notes(sources)

    @staticmethod
    def package(row):
        return pathlib.PurePath(row["path"]).parent.name

    @staticmethod
    def short(row):
        return "/".join(pathlib.PurePath(row["path"]).parts[-2:])

    def note(self, row):
        return self.notes.get(self.short(row), "")

    def values(self, column, rows=None):
        return [(row, value) for row in (rows or self.tracks) if (value := number(row, column)) is not None]

    def key(self, row, profile):
        prefix = "shown" if profile == "shown" else None
        tonic = row.get(f"{prefix}_key" if prefix else f"key_{profile}") or ""
        scale = row.get(f"{prefix}_scale" if prefix else f"scale_{profile}") or ""
        if tonic not in PITCH or scale not in ("major", "minor"):
            return None
        return PITCH[tonic], scale == "minor"

    def package_medians(self, column):
        by = {}
        for row, value in self.values(column):
            by.setdefault(self.package(row), []).append(value)
        return {package: float(np.median(values)) for package, values in by.items()}


class Sentences:
    """Each method adds the sentences of one question; `rules` maps a rule id to its sentence."""

    def __init__(self, collection):
        self.c = collection
        self.rules = {}
        self.numbers = {}
        for question in (self.tempo, self.danceability, self.keys, self.loudness, self.emotion, self.voice,
                         self.diversity):
            question()

    def say(self, rule, sentence):
        self.rules[rule] = sentence

    def say_either(self, condition, if_true, if_false):
        """One of two (rule, sentence) pairs, as the condition on the data decides."""
        self.say(*(if_true if condition else if_false))

    # Tempo

    def tempo(self):
        c = self.c
        shown = [value for _, value in c.values("shown_bpm") if value > 0]
        if shown:
            q1, median, q3 = quartiles(shown)
            self.numbers.update(bpm_q1=q1, bpm_median=median, bpm_q3=q3, bpm_tracks=len(shown))
            self.say("tempo-spread", f"The shown tempo has median {median:.1f} BPM, middle half {q1:.1f}–{q3:.1f} BPM "
                                     f"({len(shown)} tracks with a beat).")
        pairs = [(row, bpm, cnn) for row, bpm in c.values("bpm") if bpm > 0
                 and (cnn := number(row, "tempocnn_bpm")) is not None]
        if not pairs:
            return
        same = [p for p in pairs if abs(p[2] / p[1] - 1) <= TEMPO_TOLERANCE]
        octave = [p for p in pairs if any(abs(p[2] / p[1] / r - 1) <= TEMPO_TOLERANCE for r in (2, 0.5))]
        floor = [p for p in pairs if p[2] <= TEMPOCNN_FLOOR]
        low = [row for row, confidence in c.values("bpm_confidence") if confidence < LOW_CONFIDENCE]
        share_same, share_octave = len(same) / len(pairs), len(octave) / len(pairs)
        self.numbers.update(tempo_same=share_same, tempo_octave=share_octave, tempo_pairs=len(pairs),
                            tempo_low_confidence=len(low), tempocnn_floor=len(floor))
        self.octave_examples = octave
        if share_same >= 0.5:
            self.say("tempo-estimators-agree",
                     f"RhythmExtractor2013 and TempoCNN, estimators of different families, agree within 4 % on "
                     f"{pct(share_same)} of the tracks: mostly the tempo does not hinge on the estimator.")
        else:
            self.say("tempo-estimators-disagree",
                     f"RhythmExtractor2013 and TempoCNN agree within 4 % on only {pct(share_same)} of the tracks: "
                     f"mostly the tempo depends on which estimator is believed.")
        if octave:
            self.say("tempo-octaves", f"They are an octave apart on {pct(share_octave)}, a metrical-level choice the "
                                      f"shown tempo's fitted decision settles.")
        if low:
            self.say("tempo-low-confidence", f"{len(low)} tracks have a RhythmExtractor2013 confidence below "
                                             f"{LOW_CONFIDENCE} of 5.32, low by Essentia's documentation.")
        if floor:
            self.say("tempo-cnn-floor", f"TempoCNN answers its lowest class, 30 BPM, on {len(floor)}: no pulse found.")

    # Danceability

    def danceability(self):
        c = self.c
        values = c.values("shown_danceability")
        if not values:
            self.say("danceability-absent", "No track has a danceability value.")
            return
        dsp = [row for row, _ in values if row.get("shown_danceability_source") == "dsp"]
        q1, median, q3 = quartiles([value for _, value in values])
        self.numbers.update(dance_median=median, dance_q1=q1, dance_q3=q3, dance_dsp=len(dsp), dance_tracks=len(values))
        if dsp:
            self.say("danceability-dsp",
                     f"**Danceability** is the DSP fallback on {len(dsp)} of {len(values)} tracks (no EffNet head): "
                     f"Essentia's Danceability (detrended fluctuation analysis, 0–3) divided by 3, median {median:.2f}, "
                     f"middle half {q1:.2f}–{q3:.2f}.")
        else:
            self.say("danceability-head", f"**Danceability** is the EffNet head's probability on every track: median "
                                          f"{median:.2f}, middle half {q1:.2f}–{q3:.2f}.")
        pairs = [(value, bpm) for row, value in values if (bpm := number(row, "shown_bpm"))]
        rho = spearman([p[0] for p in pairs], [p[1] for p in pairs])
        if rho is not None:
            self.numbers["dance_tempo_rho"] = rho
            strength = "barely" if abs(rho) < 0.3 else "moderately" if abs(rho) < 0.6 else "strongly"
            self.say("danceability-tempo", f"It follows the shown tempo {strength} (Spearman ρ = {rho:.2f}).")
        medians = c.package_medians("shown_danceability")
        if len(medians) >= 2:
            top, bottom = max(medians, key=medians.get), min(medians, key=medians.get)
            self.say("danceability-packages", f"By package, the median is highest for {top} ({medians[top]:.2f}) and "
                                              f"lowest for {bottom} ({medians[bottom]:.2f}).")

    # Keys

    def keys(self):
        c = self.c
        rows = [row for row in c.tracks if all(c.key(row, p) for p in PROFILES)]
        if not rows:
            return
        n = len(rows)
        keys = {p: [c.key(row, p) for row in rows] for p in PROFILES}
        all_agree = sum(keys["temperley"][i] == keys["krumhansl"][i] == keys["edma"][i] for i in range(n)) / n
        pairs = {(a, b): sum(keys[a][i] == keys[b][i] for i in range(n)) / n
                 for a, b in (("temperley", "krumhansl"), ("temperley", "edma"), ("krumhansl", "edma"))}
        minor = {p: sum(k[1] for k in keys[p]) / n for p in PROFILES}
        self.numbers.update(keys_all_agree=all_agree, key_tracks=n,
                            **{f"minor_{p}": share for p, share in minor.items()},
                            **{f"agree_{a}_{b}": share for (a, b), share in pairs.items()})
        self.say("key-agreement", f"All three profiles name the same key on {pct(all_agree)} of {n} tracks (pairwise "
                 + ", ".join(f"{a} = {b} {pct(share)}" for (a, b), share in pairs.items()) + ").")
        ordered = sorted(minor, key=minor.get)
        gap = minor[ordered[1]] - minor[ordered[0]]
        shares = ", ".join(f"{p} {pct(minor[p])}" for p in PROFILES)
        if gap >= 0.05:
            degree = "far fewer" if gap >= 0.15 else "fewer"
            self.say("key-fewest-minor", f"{ordered[0].capitalize()} hears {degree} minor keys than the others (minor: {shares}).")
        else:
            self.say("key-minor-similar", f"The three profiles hear about as many minor keys (minor: {shares}).")
        for odd in PROFILES:
            others = [p for p in PROFILES if p != odd]
            with_odd = [share for pair, share in pairs.items() if odd in pair]
            between = pairs[tuple(p for p in PROFILES if p in others)]
            if max(with_odd) < between - 0.1:
                self.say("key-odd-one-out", f"{odd.capitalize()} is the odd one out: {others[0]} and {others[1]} agree on "
                                            f"{pct(between)}, {odd} with either on at most {pct(max(with_odd))}.")
        relations = {}
        for a, b in pairs:
            for i in range(n):
                if keys[a][i] != keys[b][i]:
                    relation = key_relation(keys[a][i], keys[b][i])
                    relations[relation] = relations.get(relation, 0) + 1
        total = sum(relations.values())
        if total:
            mode = relations.get("relative", 0) + relations.get("parallel", 0)
            self.numbers["key_mode_share"] = mode / total
            counts = ", ".join(f"{relations.get(r, 0)} {label}" for r, label in
                               (("relative", "relative keys"), ("parallel", "parallel keys"),
                                ("fifth", "a fifth apart"), ("other", "otherwise related")))
            share_word = "most" if mode / total >= 0.5 else "a minority"
            self.say("key-disagreement-kinds", f"Of the {total} pairwise disagreements, {counts}: mode confusions "
                                               f"are {share_word} ({pct(mode / total)}).")
        shown = [(row, c.key(row, "shown")) for row in rows if c.key(row, "shown")]
        if shown:
            match = {p: sum(key == c.key(row, p) for row, key in shown) / len(shown) for p in PROFILES}
            best = max(match, key=match.get)
            self.numbers.update(shown_key_tracks=len(shown), **{f"shown_is_{p}": share for p, share in match.items()})
            self.shown_closest = best
            tied = [p for p in PROFILES if p != best and match[p] == match[best]]
            comparison = f"as often as {' and '.join(tied)}'s" if tied else "more than any other stock profile's"
            others = ", ".join(f"{p} {pct(match[p])}" for p in PROFILES if p != best)
            deciders = {row.get("shown_key_decided_by") or "" for row, _ in shown}
            # A decision whose fit never overrules one profile names it alone on every track.
            only = deciders.pop() if len(deciders) == 1 else ""
            self.shown_by = only if only.isalpha() else None
            if self.shown_by:
                self.say("key-shown-closest", f"The key users are shown is {self.shown_by}'s on every track (the fitted "
                                              f"model did not beat it on held-out pieces); it is {best}'s on "
                                              f"{pct(match[best])}, {comparison} ({others}).")
            else:
                self.say("key-shown-closest", f"The key users are shown, chosen among the profiles' keys by the decision "
                                              f"fitted on the development set, is {best}'s on "
                                              f"{pct(match[best])} of the tracks, {comparison} ({others}).")

    # Loudness

    def loudness(self):
        c = self.c
        values = c.values("loudness_lufs")
        if not values:
            return
        lufs = [value for _, value in values]
        q1, median, q3 = quartiles(lufs)
        lra = [value for _, value in c.values("loudness_range_lu")]
        self.numbers.update(lufs_median=median, lufs_q1=q1, lufs_q3=q3, lufs_tracks=len(lufs),
                            lra_median=float(np.median(lra)) if lra else None,
                            louder_14=sum(v > -14 for v in lufs) / len(lufs),
                            louder_9=sum(v > -9 for v in lufs) / len(lufs), quieter_23=sum(v < -23 for v in lufs) / len(lufs))
        self.say("loudness-spread", f"Integrated loudness (EBU R128) has median {signed(median)} LUFS, middle half "
                                    f"{signed(q1)} to {signed(q3)}; {pct(self.numbers['louder_14'])} of the tracks are louder "
                                    f"than −14 LUFS (streaming normalisation), {pct(self.numbers['quieter_23'])} quieter than "
                                    f"−23 LUFS (EBU R128 broadcast target).")
        chart = c.charts.get("chart-loudness")
        peaks = (histogram_peaks(chart["bins"]["lowerBound"], chart["bins"]["width"], chart["datasets"][0]["values"])
                 if chart else [])
        self.numbers["lufs_peaks"] = peaks
        if len(peaks) >= 2:
            # Each package under the peak nearest to most of its tracks.
            nearest = {}
            for row, value in values:
                nearest.setdefault(c.package(row), []).append(min(peaks, key=lambda p: abs(p - value)))
            under = {peak: sorted(package for package, near in nearest.items()
                                  if max(peaks, key=near.count) == peak) for peak in peaks}
            self.say("loudness-peaks", f"The histogram has {NUMBERS.get(len(peaks), len(peaks))} peaks, not one: "
                     + "; ".join(f"near {signed(peak)} LUFS sit most tracks of {', '.join(under[peak]) or 'no package'}"
                                 for peak in peaks) + ".")
            home = {package: max(peaks, key=near.count) for package, near in nearest.items()}
            at_home = sum(near.count(home[package]) for package, near in nearest.items()) / len(values)
            self.numbers["lufs_tracks_at_package_peak"] = at_home
            self.say_either(at_home >= 0.75,
                            ("loudness-peaks-by-source", f"{pct(at_home)} of the tracks sit at their soundtrack's peak: "
                                                         f"the two-peaked shape comes from how the sources were mastered, "
                                                         f"which makes sense, not from the measure."),
                            ("loudness-peaks-across-sources", f"Only {pct(at_home)} of the tracks sit at their "
                                                              f"soundtrack's peak: the peaks cut across soundtracks."))
        else:
            self.say("loudness-one-peak", "The histogram has a single peak.")
        share = package_share(lufs, [c.package(row) for row, _ in values])
        if share is not None:
            self.numbers["lufs_package_share"] = share
            self.say_either(share >= 0.5,
                            ("loudness-by-source", f"The package alone explains {pct(share)} of its variance: loudness "
                                                   f"is a property of the soundtrack more than of the track."),
                            ("loudness-by-track", f"The package explains only {pct(share)} of its variance: tracks differ "
                                                  f"more within a soundtrack than the soundtracks differ."))

    # Emotion

    def emotion(self):
        c = self.c
        points = [(row, a, v) for row, a in c.values("arousal") if (v := number(row, "valence")) is not None]
        if not points:
            return
        counts = {name: 0 for name, _, _ in QUADRANTS}
        for _, arousal, valence in points:
            for name, high_arousal, high_valence in QUADRANTS:
                if (arousal >= EMOTION_MIDPOINT) == high_arousal and (valence >= EMOTION_MIDPOINT) == high_valence:
                    counts[name] += 1
        shares = {name: count / len(points) for name, count in counts.items()}
        largest = max(shares, key=shares.get)
        self.numbers.update(emotion_tracks=len(points), **{f"quadrant_{name}": share for name, share in shares.items()})
        self.say("emotion-largest-quadrant", f"Split at 5, the neutral middle of the heads' 1–9 rating scale, the largest "
                                             f"quadrant is {largest} with {pct(shares[largest])} of {len(points)} tracks ("
                 + ", ".join(f"{name} {pct(share)}" for name, share in shares.items() if name != largest) + ").")
        arousal = [a for _, a, _ in points]
        valence = [v for _, _, v in points]
        self.numbers.update(arousal_min=min(arousal), arousal_max=max(arousal), valence_min=min(valence),
                            valence_max=max(valence))
        if np.median(arousal) < EMOTION_MIDPOINT and np.median(valence) < EMOTION_MIDPOINT:
            self.say("emotion-below-neutral", f"Both medians lie below neutral (arousal {np.median(arousal):.1f}, "
                                              f"valence {np.median(valence):.1f}).")
        off = [p for p in points if not (1 <= p[1] <= 9 and 1 <= p[2] <= 9)]
        if off:
            self.say("emotion-off-scale", f"{len(off)} {'track falls' if len(off) == 1 else 'tracks fall'} outside the 1–9 scale (valence {min(valence):.2f}–"
                                          f"{max(valence):.2f}, arousal {min(arousal):.2f}–{max(arousal):.2f}): the "
                                          f"regressors are not clipped and extrapolate there.")
        medians_a, medians_v = c.package_medians("arousal"), c.package_medians("valence")
        if len(medians_a) >= 2:
            top, bottom = max(medians_a, key=medians_a.get), min(medians_a, key=medians_a.get)
            self.say("emotion-packages", f"By package, median arousal is highest for {top} ({medians_a[top]:.1f}) and "
                                         f"lowest for {bottom} ({medians_a[bottom]:.1f}).")
        tagged = {}
        for row, _, _ in points:
            tag = genre_tag(c.note(row))
            if tag:
                tagged.setdefault(tag, set()).add(c.package(row))
        for tag, packages in sorted(tagged.items()):
            if "metal" not in tag.lower() or len(medians_a) < 3:
                continue
            for package in sorted(packages):
                rank_a = sorted(medians_a, key=lambda p: -medians_a[p]).index(package) + 1
                rank_v = sorted(medians_v, key=lambda p: medians_v[p]).index(package) + 1
                verdict = ("as a high-arousal genre would predict" if rank_a <= len(medians_a) / 3 else
                           "below what a high-arousal genre predicts: with the tag as a weak label, an arousal miss")
                self.say("emotion-tag-check", f"The package {package}, tagged \"{tag}\" (SOURCES.md), ranks {rank_a} of "
                                              f"{len(medians_a)} by median arousal, "
                                              f"{verdict}; it has the {nth_lowest(rank_v)} median valence.")

    # Voice

    def voice(self):
        values = self.c.values("voice")
        if not values:
            self.say("voice-absent", "No track has a voice/instrumental estimate (the EffNet voice head is absent), "
                                     "so the vocal share is not measured.")
            return
        vocal = sum(value >= 0.5 for _, value in values) / len(values)
        self.numbers["vocal_share"] = vocal
        self.say("voice-share", f"{pct(vocal)} of {len(values)} tracks are vocal (P(voice) ≥ 0.5).")

    # Diversity

    def diversity(self):
        c = self.c
        packages = [c.package(row) for row in c.tracks]
        sizes = {p: packages.count(p) for p in set(packages)}
        if len(sizes) < 2:
            return
        shares = np.array(list(sizes.values())) / len(packages)
        effective = float(np.exp(-(shares * np.log(shares)).sum()))
        self.numbers.update(packages=len(sizes), packages_effective=effective)
        explained = {}
        for column, label in (("shown_bpm", "tempo"), ("loudness_lufs", "loudness"), ("arousal", "arousal"),
                              ("valence", "valence"), ("shown_danceability", "danceability")):
            values = [(row, v) for row, v in c.values(column) if not (column == "shown_bpm" and v <= 0)]
            if len(values) >= 3:
                share = package_share([v for _, v in values], [c.package(row) for row, _ in values])
                if share is not None:
                    explained[label] = share
        self.numbers["package_shares"] = explained
        self.say("diversity-packages", f"The tracks come from {len(sizes)} packages of {min(sizes.values())}–"
                                       f"{max(sizes.values())} tracks (as diverse as {effective:.1f} equal ones, exp of "
                                       f"the Shannon entropy).")
        if explained:
            strong = [label for label, share in explained.items() if share >= 0.5]
            weak = [label for label, share in explained.items() if share < 0.5]
            listing = ", ".join(f"{label} {pct(share)}" for label, share in explained.items())
            if strong:
                self.say("diversity-between-packages", f"The package explains at least half the variance of "
                                                       f"{', '.join(strong)} (all: {listing}): there the collection's "
                                                       f"diversity is its sources'.")
            if weak:
                self.say("diversity-within-packages", f"For {', '.join(weak)} the spread within packages is "
                                                      f"larger than between them.")


def nth_lowest(n):
    return {1: "lowest", 2: "second-lowest", 3: "third-lowest"}.get(n, f"{n}th-lowest")


def main(argv):
    collection = Collection(argv[0], argv[1] if len(argv) > 1 else None)
    print(json.dumps(Sentences(collection).rules, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
