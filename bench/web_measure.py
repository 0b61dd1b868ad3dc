"""Measures a running `tonearm serve`: JSON endpoint latencies, page time and size, and (with
--browser) the playlists page's load in headless Chromium through chromedriver. Stdlib only."""
import argparse
import json
import socket
import statistics
import subprocess
import time
import urllib.request

QUERIES = {
    "everything": "",
    "tempo band": "bpm=120-128",
    "house-ish": "bpm=118-130&dance=0.6-&sort=bpm",
    "calm minor": "arousal=-4&scale=minor&sort=valence&order=desc",
    "loud, page 5": "loudness=-10-&sort=loudness&offset=400&count=100",
}

PAGES = ["/", "/?page=500", "/api/collection", "/similar", "/path", "/saved", "/map", "/api/map?by=musicnn",
         "/api/map?by=effnet"]


def fetch(url):
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        body = response.read()
    return time.perf_counter() - start, len(body)


def latencies(base, runs):
    for name, query in QUERIES.items():
        url = f"{base}/api/playlist?{query}"
        fetch(url)  # warm-up
        times = sorted(fetch(url)[0] * 1000 for _ in range(runs))
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(f"/api/playlist {name:14} median {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms")
    # The first request of a page is reported too: the map fits its projection then (once per collection).
    for path in PAGES:
        first = fetch(base + path)[0]
        samples = [fetch(base + path) for _ in range(5)]
        print(f"{path:15} median {statistics.median(s[0] for s in samples) * 1000:7.1f} ms  "
              f"{samples[0][1] / 1e6:.2f} MB  (first request {first * 1000:.0f} ms)")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def webdriver(port, method, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/session{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.load(response)["value"]


# The page is ready when the document finished loading and the live filters module drew its first
# data (it sets body.dataset.ready to "1").
READY = """return document.readyState === 'complete' && document.body.dataset.ready === '1';"""

MAP_DRAWN = """const c = document.querySelector('#map-canvas');
return c && c.dataset.points ? {points: c.dataset.points, ms: c.dataset.drawMs} : null;"""


def browser_load(base, runs):
    port = free_port()
    driver = subprocess.Popen(["/usr/bin/chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/status")
                break
            except OSError:
                time.sleep(0.1)
        session = webdriver(port, "POST", "", {"capabilities": {"alwaysMatch": {"browserName": "chrome",
            "goog:chromeOptions": {"binary": "/usr/bin/chromium",
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                            "--disable-dev-shm-usage", "--window-size=1400,1000"]}}}})
        sid = f"/{session['sessionId']}"
        times = []
        for _ in range(runs + 1):
            webdriver(port, "POST", f"{sid}/url", {"url": "about:blank"})
            start = time.perf_counter()
            webdriver(port, "POST", f"{sid}/url", {"url": base + "/"})
            while not webdriver(port, "POST", f"{sid}/execute/sync", {"script": READY, "args": []}):
                time.sleep(0.01)
            times.append(time.perf_counter() - start)
            timing = webdriver(port, "POST", f"{sid}/execute/sync", {"script":
                "const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime;",
                "args": []})
        times = times[1:]  # the first includes Chromium's own start-up
        print(f"Chromium: / ready in median {statistics.median(times) * 1000:.0f} ms "
              f"(max {max(times) * 1000:.0f} ms, {runs} loads; last navigation timing {timing:.0f} ms)")
        # The map is drawn once its canvas says how many points it drew (music-map.js sets data-points).
        loads, draws = [], []
        for _ in range(runs + 1):
            webdriver(port, "POST", f"{sid}/url", {"url": "about:blank"})
            start = time.perf_counter()
            webdriver(port, "POST", f"{sid}/url", {"url": base + "/map"})
            while not (drawn := webdriver(port, "POST", f"{sid}/execute/sync", {"script": MAP_DRAWN, "args": []})):
                time.sleep(0.01)
            loads.append(time.perf_counter() - start)
            draws.append(float(drawn["ms"]))
        points = drawn["points"]
        print(f"Chromium: /map with {points} points drawn in median {statistics.median(loads[1:]) * 1000:.0f} ms "
              f"from navigation, one full redraw median {statistics.median(draws[1:]):.1f} ms")
        webdriver(port, "DELETE", sid)
    finally:
        driver.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--browser", action="store_true")
    args = parser.parse_args()
    if args.browser:
        browser_load(args.base, 10)
    else:
        latencies(args.base, args.runs)


main()
