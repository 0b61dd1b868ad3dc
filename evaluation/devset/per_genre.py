"""Per-genre figures from `tonearm evaluate`'s tracks.tsv: tempo Accuracy1 / Accuracy2 of every
estimator and of the shown tempo, and the MIREX weighted key score of every profile and of the shown
key, as Markdown tables (the figures of docs/tempo-and-key.md's per-genre section).

Usage: python3 evaluation/devset/per_genre.py EVAL_DIR/tracks.tsv
"""
import csv
import sys
from collections import defaultdict

TEMPI = (("RE2013", "tempo"), ("TempoCNN", "tempocnn_tempo"), ("shown", "shown_tempo"))
MIREX = {"exact": 1.0, "fifth": 0.5, "relative": 0.3, "parallel": 0.2}


def table(rows, columns, cell):
    by_genre = defaultdict(list)
    for row in rows:
        by_genre[row["label_genre"] or "(none)"].append(row)
    lines = ["| genre | n | " + " | ".join(name for name, _ in columns) + " |", "|---|---|" + "---|" * len(columns)]
    for genre in sorted(by_genre) + ["all"]:
        part = rows if genre == "all" else by_genre[genre]
        lines.append(f"| {genre} | {len(part)} | " + " | ".join(cell(part, column) for _, column in columns) + " |")
    return "\n".join(lines)


def tempo_cell(part, column):
    a1 = sum(row[column] == "correct" for row in part) / len(part)
    a2 = sum(row[column] in ("correct", "octave") for row in part) / len(part)
    return f"{a1:.3f} / {a2:.3f}"


def key_cell(part, column):
    return f"{sum(MIREX.get(row[column], 0.0) for row in part) / len(part):.3f}"


def main():
    with open(sys.argv[1]) as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    tempo_rows = [row for row in rows if row["label_bpm"]]
    key_rows = [row for row in rows if row["label_key"]]
    profiles = [(c[len("key_"):-len("_relation")], c) for c in rows[0] if c.startswith("key_") and c.endswith("_relation")]
    print("Tempo, Accuracy1 / Accuracy2\n")
    print(table(tempo_rows, TEMPI, tempo_cell))
    print("\nKey, MIREX weighted\n")
    print(table(key_rows, profiles + [("shown", "shown_key_relation")], key_cell))


if __name__ == "__main__":
    main()
