#!/usr/bin/env python3
"""Loads a page of `refs export --html` in headless Chromium and reports what a reader sees.

Usage: page_check.py CHROMIUM PAGE SCREENSHOT [--query TEXT]... [--anchor KEY] [--copy]

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages
ending in NUL, read from fd 3 and written to fd 4), so no port is opened. Prints one JSON object:
console errors, entries shown, what each query leaves shown, where an anchor lands, what the copy
button put on the clipboard, and the page without JavaScript. The test that runs it asserts on it.
"""
import argparse
import fcntl
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, chromium, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # fds 3 and 4 in the child; moved high first so the dup2 calls cannot clobber each other.
        high_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 100)
        high_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 100)

        def wire():  # runs before the child closes the fds not in pass_fds
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--remote-debugging-pipe", "--user-data-dir=" + profile, "--window-size=1000,800",
                "about:blank"]
        self.proc = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=wire,
                                     stdout=subprocess.DEVNULL, stderr=None if os.environ.get("PAGE_CHECK_DEBUG") else subprocess.DEVNULL)
        for fd in (to_chrome_r, from_chrome_w, high_r, high_w):
            os.close(fd)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        if os.environ.get("PAGE_CHECK_DEBUG"):
            print("->", method, file=sys.stderr)
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self.read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_event(self, method, timeout=60):
        deadline = time.time() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self.read(deadline))

    def evaluate(self, expression, await_promise=False):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise, "userGesture": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def navigate(self, url):
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        started = time.time()
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")
        return time.time() - started  # to the second frame after the filter: the list is drawn

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def console_errors(events):
    errors = []
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append(params["exceptionDetails"].get("exception", {}).get("description")
                          or params["exceptionDetails"].get("text"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            errors.append(params["entry"].get("text"))
    return errors


# An entry is shown when its reference is rendered (checkVisibility: neither it nor an ancestor is
# display: none or content-visibility: hidden).
SHOWN = """Array.from(document.querySelectorAll('.refs-entry'))
  .filter(e => e.firstElementChild.checkVisibility()).map(e => e.id || '(repeat)')"""
DISPLAY = "getComputedStyle(document.querySelector('{}')).display"


def type_query(browser, text):
    """Types the query as a reader would; the seconds until the count line says the list was filtered."""
    if browser.evaluate("document.querySelector('.refs-search input').value") == text:
        return 0.0  # typing it would change nothing
    # The count line is blanked here: the page writes it again once it has filtered.
    browser.evaluate("(() => { const i = document.querySelector('.refs-search input');"
                     " i.focus(); i.select(); document.querySelector('.refs-count').textContent = ''; })()")
    started = time.time()
    if text:
        browser.send("Input.insertText", {"text": text})
    else:
        for kind in ("keyDown", "keyUp"):
            browser.send("Input.dispatchKeyEvent", {"type": kind, "key": "Backspace", "code": "Backspace",
                                                    "windowsVirtualKeyCode": 8})
    done = ("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() =>"
            " r(document.querySelector('.refs-count').textContent !== ''))))")
    while not browser.evaluate(done, await_promise=True):
        if time.time() - started > 120:
            raise TimeoutError(f"the query {text!r} did not filter the list")
        time.sleep(0.01)
    return time.time() - started  # to the second frame after the filter: the list is drawn


def click(browser, selector):
    box = browser.evaluate(f"(() => {{ const b = document.querySelector('{selector}'); b.scrollIntoView();"
                           " const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
    for kind in ("mousePressed", "mouseReleased"):
        browser.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                                  "clickCount": 1})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("chromium")
    parser.add_argument("page")
    parser.add_argument("screenshot")
    parser.add_argument("--query", action="append", default=[])
    parser.add_argument("--anchor")
    parser.add_argument("--copy", action="store_true")
    args = parser.parse_args()
    url = pathlib.Path(args.page).resolve().as_uri()
    profile = tempfile.mkdtemp(prefix="refs-chromium-")
    browser = Browser(args.chromium, profile)
    report = {}
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        browser.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                       session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            browser.send(domain + ".enable")
        report["load_seconds"] = round(browser.navigate(url), 3)
        report["first_paint_ms"] = browser.evaluate(
            "Math.round((performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || -1)")
        report["title"] = browser.evaluate("document.title")
        report["entries"] = browser.evaluate("document.querySelectorAll('.refs-entry').length")
        # Asking each entry whether it is drawn lays out the whole page: on a big one the count line
        # is what is read.
        listed = report["entries"] <= 5000
        report["shown"] = len(browser.evaluate(SHOWN)) if listed else None
        report["search_display"] = browser.evaluate(DISPLAY.format(".refs-search"))
        report["copy_display"] = browser.evaluate(DISPLAY.format(".refs-copy"))
        report["queries"] = []
        for query in args.query:
            seconds = type_query(browser, query)
            report["queries"].append({"query": query, "shown": browser.evaluate(SHOWN) if listed else None,
                                      "status": browser.evaluate("document.querySelector('.refs-count').textContent"),
                                      "none_shown": browser.evaluate("!document.querySelector('.refs-none').hidden"),
                                      "seconds": round(seconds, 3)})
        browser.send("Page.captureScreenshot", {"format": "png"})  # warms the compositor
        shot = browser.send("Page.captureScreenshot", {"format": "png"})["data"]
        pathlib.Path(args.screenshot).write_bytes(__import__("base64").b64decode(shot))
        if args.copy:
            type_query(browser, "")
            browser.send("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
                         session=False)
            click(browser, ".refs-copy")
            time.sleep(0.3)
            report["copied"] = browser.evaluate("navigator.clipboard.readText()", await_promise=True)
            report["copy_label"] = browser.evaluate("document.querySelector('.refs-copy').textContent")
        if args.anchor:  # opened afresh, as a link from elsewhere is
            browser.navigate("about:blank")
            browser.navigate(url + "#" + args.anchor)
            time.sleep(0.3)
            report["anchor"] = browser.evaluate("""(() => { const t = document.querySelector(':target');
              return t ? {id: t.id, top: Math.round(t.getBoundingClientRect().top), scrolled: window.scrollY > 0}
                       : null; })()""")
        report["console_errors"] = console_errors(browser.events)
        browser.send("Emulation.setScriptExecutionDisabled", {"value": True})
        browser.navigate(url + "?nojs")
        report["nojs"] = {"shown": len(browser.evaluate(SHOWN)) if listed else None,
                          "search_display": browser.evaluate(DISPLAY.format(".refs-search")),
                          "copy_display": browser.evaluate(DISPLAY.format(".refs-copy"))}
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    sys.exit(main())
