"""Drives a running `tonearm serve` with concurrent clients on loopback: a mix of what players and the
web app ask (Subsonic browsing, search, mixes, scrobbles, stars; web pages and JSON; bad requests),
bounded in request count and in time. Prints throughput, p50/p99 per request kind, errors, and the
server's RSS before and after each round. Stdlib only."""
import argparse
import hashlib
import json
import random
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Load:
    def __init__(self, base, user, password, seed):
        self.base, self.random = base, random.Random(seed)
        salt = "b3nch"
        self.auth = {"u": user, "t": hashlib.md5((password + salt).encode()).hexdigest(), "s": salt,
                     "v": "1.16.1", "c": "load", "f": "json"}
        self.lock = threading.Lock()

    def rest(self, method, **params):
        return f"/rest/{method}?" + urllib.parse.urlencode(dict(self.auth, **params), doseq=True)

    def prepare(self):
        """Ids to ask about: songs, albums and artists from the API itself."""
        songs = self.get_json(self.rest("getRandomSongs", size="500"))["subsonic-response"]["randomSongs"]["song"]
        self.songs = [s["id"] for s in songs]
        self.albums = sorted({s["albumId"] for s in songs})
        self.artists = sorted({s["artistId"] for s in songs})
        self.words = sorted({word for s in songs for word in s["title"].split()} | {"artist", "album", "track"})

    def get_json(self, path):
        with urllib.request.urlopen(self.base + path, timeout=60) as response:
            return json.load(response)

    def request(self):
        """One request of a kind drawn by weight: (kind, path, expected HTTP status)."""
        r = self.random
        with self.lock:
            song, album, artist = r.choice(self.songs), r.choice(self.albums), r.choice(self.artists)
            prefix = r.choice(self.words)[: r.randint(2, 5)].lower()
            kind = r.choices(list(KINDS), weights=[w for w, _ in KINDS.values()])[0]
            offset = r.randrange(0, 200) * 500
        path = KINDS[kind][1](self, song=song, album=album, artist=artist, prefix=prefix, offset=offset)
        return kind, path, 400 if kind == "bad request" else 200


KINDS = {
    "page /": (2, lambda l, **a: "/"),
    "page /similar": (2, lambda l, **a: f"/similar?q={a['prefix']}"),
    "/api/playlist": (6, lambda l, **a: "/api/playlist?bpm=110-130&sort=bpm&count=100"),
    "/api/search": (10, lambda l, **a: f"/api/search?q={a['prefix']}"),
    "search3": (12, lambda l, **a: l.rest("search3", query=a["prefix"], songCount="20", albumCount="20", artistCount="20")),
    "search3 sync page": (4, lambda l, **a: l.rest("search3", query="", songCount="500", songOffset=str(a["offset"]),
                                                   artistCount="0", albumCount="0")),
    "getSimilarSongs2": (8, lambda l, **a: l.rest("getSimilarSongs2", id=a["song"], count="50")),
    "getSonicSimilarTracks": (6, lambda l, **a: l.rest("getSonicSimilarTracks", id=a["song"], count="20")),
    "getRandomSongs": (6, lambda l, **a: l.rest("getRandomSongs", size="50")),
    "getAlbumList2": (8, lambda l, **a: l.rest("getAlbumList2", type="newest", size="50")),
    "getAlbum": (10, lambda l, **a: l.rest("getAlbum", id=a["album"])),
    "getArtistInfo2": (4, lambda l, **a: l.rest("getArtistInfo2", id=a["artist"], count="10")),
    "scrobble": (8, lambda l, **a: l.rest("scrobble", id=a["song"], submission="true")),
    "star": (4, lambda l, **a: l.rest("star", id=a["song"])),
    "getStarred2": (4, lambda l, **a: l.rest("getStarred2")),
    "bad request": (6, lambda l, **a: "/api/playlist?bpm=fast"),
}


def round_of(load, clients, count, seconds):
    deadline = time.monotonic() + seconds
    samples, errors, remaining = {}, [], [count]
    lock = threading.Lock()

    def client():
        while True:
            with lock:
                if remaining[0] == 0 or time.monotonic() > deadline:
                    return
                remaining[0] -= 1
            kind, path, wanted = load.request()
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(load.base + path, timeout=60) as response:
                    body, status = response.read(), response.status
            except urllib.error.HTTPError as error:
                body, status = error.read(), error.code
            except Exception as error:  # a refused or dropped connection is an error too
                body, status = repr(error).encode(), -1
            elapsed = time.perf_counter() - start
            ok = status == wanted and (not path.startswith("/rest/") or b'"status":"ok"' in body)
            with lock:
                samples.setdefault(kind, []).append(elapsed)
                if not ok:
                    errors.append(f"{kind}: HTTP {status} {body[:120]!r}")

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for _ in range(clients):
            pool.submit(client)
    return time.perf_counter() - started, samples, errors


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--pid", type=int, required=True, help="the server's process id, for its RSS")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=3000, help="per round")
    parser.add_argument("--seconds", type=float, default=120, help="per round, at most")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    load = Load(args.base.rstrip("/"), args.user, args.password, seed=7)
    load.prepare()
    print(f"RSS before: {rss_mib(args.pid):.0f} MiB")
    for number in range(1, args.rounds + 1):
        elapsed, samples, errors = round_of(load, args.clients, args.requests, args.seconds)
        every = [s for values in samples.values() for s in values]
        print(f"round {number}: {len(every)} requests by {args.clients} clients in {elapsed:.1f} s = "
              f"{len(every) / elapsed:.1f} req/s; p50 {statistics.median(every) * 1000:.0f} ms, "
              f"p99 {percentile(every, 0.99) * 1000:.0f} ms; {len(errors)} errors; RSS after {rss_mib(args.pid):.0f} MiB")
        for kind in KINDS:
            values = samples.get(kind, [])
            if values:
                print(f"  {kind:22} {len(values):5}  p50 {statistics.median(values) * 1000:7.1f} ms  "
                      f"p99 {percentile(values, 0.99) * 1000:7.1f} ms")
        for error in errors[:10]:
            print("  error: " + error)


if __name__ == "__main__":
    main()
