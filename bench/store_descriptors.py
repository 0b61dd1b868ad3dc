"""Reads a tonearm store into the reference script's flat per-track form, and compares the two."""
import sqlite3

import numpy as np

PROFILES = ("temperley", "krumhansl", "edma")
# Absolute tolerance for every number; keys and scales must be identical. TensorFlow alone differs
# by ~1e-7 between thread counts, so anything near 1e-4 would be a real difference.
TOLERANCE = 1e-4


def read_store(db_path):
    """{path: {descriptor: value}} with the reference's names; vectors as float32 arrays."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    tracks = {}
    query = """SELECT t.path, s.*, c.bpm AS tempocnn_bpm, c.localAgreement, m.embedding AS musicnn_embedding,
                      m.valence, m.arousal, e.embedding AS effnet_embedding, e.styles, e.voice, e.danceability
               FROM track t JOIN signal_features s ON s.trackId = t.id
               LEFT JOIN tempocnn_features c ON c.trackId = t.id
               LEFT JOIN musicnn_features m ON m.trackId = t.id
               LEFT JOIN effnet_features e ON e.trackId = t.id"""
    db.row_factory = sqlite3.Row
    for row in db.execute(query):
        out = {"bpm": row["bpm"], "bpm_confidence": row["bpmConfidence"],
               "loudness_lufs": row["loudnessLufs"], "loudness_range_lu": row["loudnessRangeLu"],
               "tempocnn_bpm": row["tempocnn_bpm"], "tempocnn_local_agreement": row["localAgreement"],
               "valence": row["valence"], "arousal": row["arousal"], "voice": row["voice"],
               "danceability": row["danceability"]}
        for profile in PROFILES:
            suffix = profile.capitalize()
            out[f"key_{profile}"], out[f"scale_{profile}"] = row[f"key{suffix}"], row[f"scale{suffix}"]
            out[f"strength_{profile}"] = row[f"strength{suffix}"]
        for name in ("musicnn_embedding", "effnet_embedding", "styles"):
            out[name] = None if row[name] is None else np.frombuffer(row[name], dtype="<f4")
        tracks[row["path"]] = out
    return tracks


def compare(reference, stored):
    """Largest absolute difference per descriptor, and the list of mismatches beyond TOLERANCE."""
    worst, mismatches = {}, []
    for path, expected in reference.items():
        actual = stored.get(path)
        if actual is None:
            mismatches.append(f"{path}: not in the store")
            continue
        for name, want in expected.items():
            if name == "path":
                continue
            have = actual.get(name)
            if isinstance(want, str):
                difference = 0.0 if have == want else float("inf")
            elif have is None:
                difference = float("inf")
            else:
                difference = float(np.max(np.abs(np.asarray(have, dtype=float) - np.asarray(want, dtype=float))))
            worst[name] = max(worst.get(name, 0.0), difference)
            if not difference <= TOLERANCE:
                mismatches.append(f"{path}: {name} {have!r:.60} != {want!r:.60}")
    return worst, mismatches
