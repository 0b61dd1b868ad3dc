"""Saves charts of tonearm's pages as PNG: each `<canvas id=...>` cut out by headless Chromium.

usage: python writeup_figures.py OUT_DIR PAGE.html:CHART_ID:NAME ...

Drives Debian's chromedriver through the W3C WebDriver HTTP API on loopback (as the web tests do),
waits until the page has drawn all its charts, and writes OUT_DIR/NAME.png per chart with the
element-screenshot command, so every figure is exactly one chart at the page's own size.
"""
import base64
import json
import pathlib
import re
import subprocess
import sys
import time
import urllib.request

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class Driver:
    def __init__(self):
        self.process = subprocess.Popen([CHROMEDRIVER, "--port=0"], stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True)
        line = ""
        while "started successfully on port" not in line:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("chromedriver exited before it listened")
        port = int(re.search(r"on port (\d+)", line).group(1))
        self.base = f"http://127.0.0.1:{port}"
        options = {"binary": CHROMIUM,
                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=1150,1000", "--hide-scrollbars"]}
        created = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options}}})
        self.session = f"/session/{created['sessionId']}"

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.load(response)["value"]

    def open(self, page):
        self.call("POST", f"{self.session}/url", {"url": page.resolve().as_uri()})
        for _ in range(200):
            drawn = self.call("POST", f"{self.session}/execute/sync", {
                "script": "const d = document.documentElement.dataset; "
                          "return [d.chartsDrawn, document.querySelectorAll('canvas').length];", "args": []})
            if drawn[0] is not None and int(drawn[0]) == drawn[1]:
                return
            time.sleep(0.1)
        raise RuntimeError(f"{page}: the charts were not drawn")

    def screenshot(self, element_id, png):
        found = self.call("POST", f"{self.session}/element", {"using": "css selector", "value": f"#{element_id}"})
        self.call("POST", f"{self.session}/execute/sync",
                  {"script": "arguments[0].scrollIntoView({block: 'center'});", "args": [found]})
        png.write_bytes(base64.b64decode(self.call("GET", f"{self.session}/element/{found[ELEMENT]}/screenshot")))

    def quit(self):
        try:
            self.call("DELETE", self.session)
        finally:
            self.process.terminate()
            self.process.wait()


def main(argv):
    out = pathlib.Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    driver = Driver()
    try:
        opened = None
        for spec in argv[1:]:
            page, chart, name = spec.rsplit(":", 2)
            if page != opened:
                driver.open(pathlib.Path(page))
                opened = page
            driver.screenshot(chart, out / f"{name}.png")
            print(f"figure: {out / name}.png ({chart} of {page})")
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1:])
