"""Times the store's full-text search alone, at any size: the query `TrackStore.searchTrackIds` runs
(FTS5 prefix terms, id order, the first 20), through Python's sqlite3 on the same SQLite version, over
a store tonearm made (`tonearm scan` of an empty folder makes an empty one). With --add-tracks N it
first inserts N track rows named as `similarity-bench fill` names them (Artist N, Album N, Track N),
which the store's triggers index as they do for every writer. Stdlib only."""
import argparse
import sqlite3
import statistics
import time

QUERIES = ["t", "tr", "tra", "track 1", "track 12", "track 123", "artist 9", "album 42", "artist 1 track", "zzz"]


def fts_query(text):
    words = "".join(c.lower() if c.isalnum() else " " for c in text).split()
    return " ".join(f'"{word}"*' for word in words)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--add-tracks", type=int, default=0)
    args = parser.parse_args()
    db = sqlite3.connect(args.db)
    if args.add_tracks:
        start = time.perf_counter()
        rows = ((f"/music/{i // 1000:04d}/t{i:07d}.mp3", f"Artist {i // 40}", f"Album {i // 10}", f"Track {i}")
                for i in range(args.add_tracks))
        db.executemany("INSERT INTO track (path, size, mtime, state, artist, album, title) VALUES (?, 0, 0, 'pending', ?, ?, ?)", rows)
        db.commit()
        print(f"added {args.add_tracks} tracks (indexed by the triggers) in {time.perf_counter() - start:.1f} s, "
              f"store {__import__('os').path.getsize(args.db) / 2**20:.0f} MiB")
    times = []
    for _ in range(5):
        for text in QUERIES:
            start = time.perf_counter()
            cursor = db.execute("SELECT rowid FROM track_text WHERE track_text MATCH ? ORDER BY rowid", (fts_query(text),))
            found = cursor.fetchmany(20)
            times.append(time.perf_counter() - start)
            assert text == "zzz" or found, text
    times.sort()
    print(f"{db.execute('SELECT count(*) FROM track').fetchone()[0]} tracks: first 20 matches p50 "
          f"{statistics.median(times) * 1000:.2f} ms, p95 {times[round(0.95 * (len(times) - 1))] * 1000:.2f} ms, "
          f"max {times[-1] * 1000:.2f} ms")


if __name__ == "__main__":
    main()
