"""Search latency of a running `tonearm serve`: search3 and /api/search for typed prefixes (what a
player sends on each keystroke), and an empty-query search3 paging through the whole library in pages
of 500 songs (how some players sync). Stdlib only."""
import argparse
import hashlib
import json
import statistics
import time
import urllib.parse
import urllib.request

QUERIES = ["t", "tr", "tra", "track 1", "track 12", "track 123", "artist 9", "album 42", "artist 1 track", "zzz"]


def timed(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        body = json.load(response)
    return time.perf_counter() - start, body


def summary(name, times):
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"{name:34} p50 {statistics.median(ordered) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  max {ordered[-1] * 1000:7.1f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--songs", type=int, required=True)
    args = parser.parse_args()
    salt = "s3arch"
    auth = {"u": args.user, "t": hashlib.md5((args.password + salt).encode()).hexdigest(), "s": salt,
            "v": "1.16.1", "c": "bench", "f": "json"}
    rest = f"{args.base}/rest/search3?"
    timed(rest + urllib.parse.urlencode(dict(auth, query="warm")))
    search3, api = [], []
    for _ in range(5):
        for query in QUERIES:
            search3.append(timed(rest + urllib.parse.urlencode(dict(auth, query=query)))[0])
            api.append(timed(f"{args.base}/api/search?" + urllib.parse.urlencode({"q": query}))[0])
    summary("search3 (20 artists, albums, songs)", search3)
    summary("/api/search (20 tracks)", api)
    pages, seen, offset = [], 0, 0
    while True:
        elapsed, body = timed(rest + urllib.parse.urlencode(dict(auth, query="", songCount=500, songOffset=offset,
                                                                  artistCount=0, albumCount=0)))
        songs = body["subsonic-response"]["searchResult3"].get("song", [])
        pages.append(elapsed)
        seen += len(songs)
        offset += 500
        if len(songs) < 500:
            break
    summary(f"search3 '' sync, {len(pages)} pages of 500", pages)
    print(f"  synced {seen} of {args.songs} songs in {sum(pages):.1f} s")


if __name__ == "__main__":
    main()
