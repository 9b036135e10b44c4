#!/usr/bin/env python3
"""Where the web process's memory goes (issue 21): JavaScriptCore's live heap
by class, and the processes' PSS before and after a full collection.

Start the app with WebKit's remote inspector on a local port, then run this:

    WEBKIT_INSPECTOR_HTTP_SERVER=127.0.0.1:9333 target/release/zhibu --data-dir D &
    pip install websocket-client
    python3 scripts/heap-snapshot.py --screens all --out /tmp/every.json

It speaks WebKit's inspector protocol (Target → Runtime, Heap) over the
inspector's WebSocket, opens each screen as the release figures do (waits
until no command is in flight, `window.__zhibuPending`), prints the PSS of
the app's processes, asks for a full garbage collection, prints them again,
takes a heap snapshot and sums its cells by class. Nothing of it ships: the
inspector is on only when that variable is set.
"""
import argparse
import collections
import json
import os
import re
import time

import websocket  # websocket-client, from PyPI

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def screens_of_figures():
    """The routes tests/figures.rs times, in its order."""
    src = open(os.path.join(ROOT, "tests", "figures.rs"), encoding="utf-8").read()
    block = src[src.index("const SCREENS") :]
    block = block[: block.index("];")]
    return re.findall(r'"(/[^"]*)"', block)


class Page:
    def __init__(self, port):
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}/socket/1/1/WebPage", timeout=60)
        self.next_id = 0
        self.target = self._until(
            lambda m: m["params"]["targetInfo"]["targetId"] if m.get("method") == "Target.targetCreated" else None
        )

    def _until(self, pick, limit=300):
        end = time.time() + limit
        while time.time() < end:
            got = pick(json.loads(self.ws.recv()))
            if got is not None:
                return got
        raise SystemExit("no answer from the inspector")

    def send(self, method, params=None, limit=300):
        self.next_id += 1
        want = self.next_id
        inner = json.dumps({"id": want, "method": method, "params": params or {}})
        self.ws.send(
            json.dumps(
                {"id": want, "method": "Target.sendMessageToTarget", "params": {"targetId": self.target, "message": inner}}
            )
        )

        def pick(m):
            if m.get("method") != "Target.dispatchMessageFromTarget":
                return None
            answer = json.loads(m["params"]["message"])
            return answer if answer.get("id") == want else None

        answer = self._until(pick, limit)
        if "error" in answer:
            raise SystemExit(f"{method}: {answer['error']}")
        return answer["result"]

    def eval(self, expr):
        """The value of `expr`, waiting for it when it is a promise."""
        r = self.send("Runtime.evaluate", {"expression": expr})
        obj = r["result"]
        if obj.get("className") == "Promise" or obj.get("subtype") == "promise":
            r = self.send("Runtime.awaitPromise", {"promiseObjectId": obj["objectId"], "returnByValue": True})
            obj = r["result"]
        else:
            r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True})
        return obj.get("value")

    def open(self, route):
        # As tests/figures.rs: shown, nothing in flight, two frames painted.
        self.eval(
            """new Promise((done) => {
                 window.location.hash = '#%s';
                 let quiet = 0;
                 const tick = () => {
                   quiet = (window.__zhibuPending || 0) === 0 ? quiet + 1 : 0;
                   if (quiet >= 2) setTimeout(done, 200); else requestAnimationFrame(tick);
                 };
                 requestAnimationFrame(tick);
               })"""
            % route
        )


def pss(app_name):
    pids = [p for p in os.listdir("/proc") if p.isdigit() and open(f"/proc/{p}/comm").read().strip() == app_name]
    if not pids:
        return "no process named " + app_name
    app = pids[0]
    kids = [p for p in os.listdir("/proc") if p.isdigit() and _ppid(p) == app]
    parts, total = [], 0
    for p in [app] + kids:
        kb = _field(f"/proc/{p}/smaps_rollup", "Pss:")
        total += kb
        name = open(f"/proc/{p}/comm").read().strip()
        line = f"{name} {kb // 1024}"
        if name.startswith("WebKitWebProces"):
            line += f" (anonymous {_anonymous(p) // 1024})"
        parts.append(line)
    return f"{total // 1024} MB: " + ", ".join(parts)


def _ppid(p):
    try:
        return open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[1]
    except OSError:
        return None


def _field(path, key):
    for line in open(path):
        if line.startswith(key):
            return int(line.split()[1])
    return 0


def _anonymous(p):
    kb, anon = 0, False
    for line in open(f"/proc/{p}/smaps"):
        head = line.split()
        if re.match(r"^[0-9a-f]+-[0-9a-f]+$", head[0]):
            anon = len(head) < 6
        elif head[0] == "Pss:" and anon:
            kb += int(head[1])
    return kb


def summary(snapshot, top):
    nodes, names = snapshot["nodes"], snapshot["nodeClassNames"]
    size, count = collections.Counter(), collections.Counter()
    for i in range(0, len(nodes), 4):  # id, size, class, flags
        size[names[nodes[i + 2]]] += nodes[i + 1]
        count[names[nodes[i + 2]]] += 1
    print(f"live JavaScript heap: {sum(size.values()) / 1048576:.1f} MB in {sum(count.values())} cells")
    for cls, s in size.most_common(top):
        print(f"  {cls:<30} {s / 1048576:6.2f} MB {count[cls]:>8}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", default=9333)
    ap.add_argument("--app", default="zhibu", help="the app's process name (as in /proc/PID/comm)")
    ap.add_argument("--screens", default="", help="'all' (the release figures' routes) or /a,/b")
    ap.add_argument("--out", help="where to write the snapshot (JSON)")
    ap.add_argument("--top", type=int, default=12)
    a = ap.parse_args()
    page = Page(a.port)
    routes = screens_of_figures() if a.screens == "all" else [r for r in a.screens.split(",") if r]
    for r in routes:
        page.open(r)
    print(f"after opening {len(routes)} screens, PSS {pss(a.app)}")
    page.send("Heap.enable")
    page.send("Heap.gc")
    time.sleep(3)
    print(f"after a full garbage collection, PSS {pss(a.app)}")
    snap = page.send("Heap.snapshot")["snapshotData"]
    if a.out:
        open(a.out, "w").write(snap)
    summary(json.loads(snap), a.top)


if __name__ == "__main__":
    main()
