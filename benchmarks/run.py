"""targ's benchmark: start time, reset time, memory and requests/s, against a bare uvicorn baseline.

Allegro order routes are measured over a store of --orders (10 000) checkout forms bought through the admin API.

    python benchmarks/run.py            # or: make bench

Prints one JSON document on stdout; progress goes to stderr. Not part of CI or the test suite.
See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import quote, urlencode

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).resolve().parent / "baseline_app.py"
ALLEGRO_MEDIA = "application/vnd.allegro.public.v1+json"
LISTENING = re.compile(r"targ listening on (http://\S+)")
SERVER_CPU, WRK_CPU = 0, 1
CONNECTIONS = (1, 16)
START_TIMEOUT_S = 60.0
# Example-backed Allegro POSTs with small bodies and no path parameters, tried first (any other /sale/ one will do).
PREFERRED_POSTS = ("createOfferBundleUsingPOST", "createTagPOST_1", "createAutomaticPricingRulesUsingPost")
# Order routes (docs/orders.md). Tracking numbers: targ takes at most 20 per order (one waybill on at most 10 orders).
WAYBILLS_PER_ORDER = 20
SHIPMENT_CARRIER = "INPOST"
LIST_QUERY = {"limit": "100", "status": "READY_FOR_PROCESSING", "fulfillment.status": "NEW",
              "sort": "-lineItems.boughtAt"}
DETAIL, SHIPMENTS, LIST = ("GET /order/checkout-forms/{id}", "POST /order/checkout-forms/{id}/shipments",
                           "GET /order/checkout-forms")
GOALS = {"GET /me": 0.30, DETAIL: 0.30, SHIPMENTS: 0.20}  # the issues' targets: ratio >= goal at 1 and 16 connections


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


class BenchError(Exception):
    """The benchmark cannot go on; the message says why."""


# ---------------------------------------------------------------------------------------------- servers


@dataclass
class Server:
    """One server process (targ or the baseline), pinned to SERVER_CPU, whose stdout we drain."""

    name: str
    proc: subprocess.Popen[bytes]
    url: str = ""
    stdout_tail: list[str] = field(default_factory=list)
    stderr_file: Any = None

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, re.M)
        if not match:
            raise BenchError(f"no VmRSS for {self.name} (pid {self.proc.pid})")
        return round(int(match.group(1)) / 1024, 1)

    def cpu_s(self) -> float:
        """User + system CPU seconds the server has used so far (/proc/PID/stat)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stderr_text(self) -> str:
        if self.stderr_file is None:
            return ""
        self.stderr_file.seek(0)
        return self.stderr_file.read().decode(errors="replace")[-4000:]


RUNNING: list[Server] = []


def pin(cpu: int | None, argv: list[str]) -> list[str]:
    return ["taskset", "-c", str(cpu), *argv] if cpu is not None else argv


def server_argv(kind: str) -> list[str]:
    if kind == "targ":
        return [sys.executable, "-m", "targ", "serve", "--host", HOST, "--port", "0", "--frozen"]
    return [sys.executable, str(BASELINE), "--host", HOST, "--port", "0"]


def start_server(kind: str, cpu: int | None) -> tuple[Server, float]:
    """Starts a server; returns it and the ms from spawn to the first 200 of GET /__targ/health."""
    stderr_file = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server; stop_server closes it
    t0 = time.perf_counter()
    proc = subprocess.Popen(pin(cpu, server_argv(kind)), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=stderr_file, cwd=ROOT)
    srv = Server(kind, proc, stderr_file=stderr_file)
    RUNNING.append(srv)
    assert proc.stdout is not None
    deadline = t0 + START_TIMEOUT_S
    # The line comes out before uvicorn runs; a reader thread keeps readline from blocking past the deadline.
    found: list[str] = []
    seen = threading.Event()
    threading.Thread(target=_drain_stdout, args=(srv, found, seen), daemon=True).start()
    seen.wait(timeout=START_TIMEOUT_S)
    if not found:
        stop_server(srv)
        raise BenchError(f"{kind} did not print 'targ listening on ...' within {START_TIMEOUT_S:.0f} s "
                         f"(exit code {proc.poll()}):\n{srv.stderr_text()}")
    srv.url = found[0]
    while True:
        if proc.poll() is not None:
            raise BenchError(f"{kind} exited with {proc.returncode} while starting:\n{srv.stderr_text()}")
        try:
            status, _, _ = request(srv.port, "GET", "/__targ/health", timeout=max(0.1, deadline - time.perf_counter()))
            if status == 200:
                return srv, (time.perf_counter() - t0) * 1000
        except OSError:
            pass
        if time.perf_counter() > deadline:
            stop_server(srv)
            raise BenchError(f"{kind}: GET /__targ/health gave no 200 within {START_TIMEOUT_S:.0f} s")
        time.sleep(0.002)


def _drain_stdout(srv: Server, found: list[str], seen: threading.Event) -> None:
    stdout = srv.proc.stdout
    assert stdout is not None
    with stdout:  # keeps draining after the line, so the server never blocks on a full pipe; ends at its exit
        for raw in stdout:
            line = raw.decode(errors="replace").rstrip()
            srv.stdout_tail = [*srv.stdout_tail[-20:], line]
            if not found and (match := LISTENING.search(line)):
                found.append(match.group(1))
                seen.set()
    seen.set()  # EOF: the server exited (found stays empty if it never printed the line)


def stop_server(srv: Server) -> None:
    proc = srv.proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown
        try:
            proc.wait(timeout=8)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
    if srv.stderr_file is not None:
        srv.stderr_file.close()
        srv.stderr_file = None
    if srv in RUNNING:
        RUNNING.remove(srv)


def stop_all() -> None:
    for srv in list(RUNNING):
        with contextlib.suppress(Exception):
            stop_server(srv)


# ---------------------------------------------------------------------------------------------- HTTP


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None,
            timeout: float = 10.0, conn: http.client.HTTPConnection | None = None,
            ) -> tuple[int, dict[str, str], bytes]:
    own = conn is None
    c = conn or http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=headers or {})
        resp = c.getresponse()
        data = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data
    finally:
        if own:
            c.close()


# ---------------------------------------------------------------------------------------------- routes


@dataclass
class Route:
    label: str
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None = None
    feed: ShipmentFeed | None = None  # a request() per call (new order and waybill) instead of one fixed request

    def lua(self) -> str:
        if self.feed is not None:
            return self.feed.lua(self.headers)
        lines = [f"wrk.method = {lua_str(self.method)}"]
        if self.body is not None:
            lines.append(f"wrk.body = {lua_str(self.body.decode('utf-8'))}")
        lines += [f"wrk.headers[{lua_str(k)}] = {lua_str(v)}" for k, v in self.headers.items()]
        return "\n".join(lines) + "\n"


@dataclass
class ShipmentFeed:
    """Tracking numbers to add, each request a new waybill (`TB<n>`) on order `n mod len(orders)`.

    `cursor` is the next `n`. Each of targ's wrk runs (warmups included) starts there and wrk's done() hook reports
    how far the run got, so no waybill is sent to targ twice; the baseline's runs are sent the same requests and do
    not move it. Every order gets at most ceil(cursor / len(orders)) of them, which must stay within targ's 20 per
    order (else BenchError; every answer must be 2xx anyway)."""

    orders: list[str]
    cursor: int = 0

    def body(self, n: int) -> bytes:
        return json.dumps({"carrierId": SHIPMENT_CARRIER, "waybill": f"TB{n}"}, separators=(",", ":")).encode()

    def path(self, n: int) -> str:
        return f"/order/checkout-forms/{self.orders[n % len(self.orders)]}/shipments"

    def lua(self, headers: dict[str, str]) -> str:
        ids = ",\n".join(lua_str(o) for o in self.orders)
        hdrs = ", ".join(f"[{lua_str(k)}] = {lua_str(v)}" for k, v in headers.items())
        return f"""local orders = {{
{ids}
}}
local headers = {{{hdrs}}}
local threads = {{}}
n = {self.cursor}  -- global: done() reads it through thread:get

function setup(thread)
  table.insert(threads, thread)
end

function request()
  local i = n
  n = n + 1
  local body = '{{"carrierId":"{SHIPMENT_CARRIER}","waybill":"TB' .. string.format("%d", i) .. '"}}'
  return wrk.format("POST", "/order/checkout-forms/" .. orders[(i % #orders) + 1] .. "/shipments", headers, body)
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    io.write(string.format("targ-bench-next %d\\n", thread:get("n")))
  end
end
"""

    def advance(self, wrk_stdout: str) -> None:
        found = re.findall(r"^targ-bench-next (\d+)$", wrk_stdout, re.M)
        if len(found) != 1:
            raise BenchError(f"wrk did not report the shipment cursor:\n{wrk_stdout}")
        self.cursor = max(self.cursor, int(found[0]))
        if self.cursor > WAYBILLS_PER_ORDER * len(self.orders):
            raise BenchError(f"{self.cursor} tracking numbers over {len(self.orders)} orders: more than "
                             f"{WAYBILLS_PER_ORDER} per order; seed more orders (--orders)")

    def max_per_order(self) -> int:
        return -(-self.cursor // len(self.orders))


def lua_str(text: str) -> str:
    """A Lua string literal: printable ASCII as is, everything else as decimal byte escapes."""
    out = []
    for b in text.encode("utf-8"):
        ch = chr(b)
        out.append(ch if 32 <= b < 127 and ch not in '"\\' else f"\\{b:03d}")
    return '"' + "".join(out) + '"'


def build_routes(targ: Server) -> tuple[list[Route], dict[str, Any]]:
    status, _, data = request(targ.port, "GET", "/__targ/demo")
    if status != 200:
        raise BenchError(f"GET /__targ/demo answered {status}: {data[:300]!r}")
    token = json.loads(data)["accessToken"]
    auth = {"Authorization": f"Bearer {token}"}
    me = Route("GET /me", "GET", "/me", {**auth, "Accept": ALLEGRO_MEDIA})
    health = Route("GET /__targ/health", "GET", "/__targ/health", {"Accept": "application/json"})
    post, info = pick_post(targ, auth)
    routes = [me, health, post, *voucherify_routes(targ, json.loads(data))]
    for route in routes:  # once by hand before loading: a benchmark of error pages measures nothing
        status, _, data = request(targ.port, route.method, route.path, route.body, route.headers)
        if not 200 <= status < 300:
            raise BenchError(f"{route.label} answered {status} before the load: {data[:500]!r}")
        log(f"checked {route.label} -> {status}")
    return routes, info


def voucherify_routes(targ: Server, demo: dict[str, Any]) -> list[Route]:
    """Orders API of the demo project: create (an upsert of one source id, so the store does not grow), get, list."""
    keys = {"X-App-Id": demo["voucherifyApplicationId"], "X-App-Token": demo["voucherifySecretKey"],
            "Accept": "application/json"}
    body = json.dumps({"source_id": "bench-1", "status": "PAID", "items": [
        {"source_id": "bench-product", "related_object": "product", "quantity": 2, "price": 1250}]}).encode()
    create = Route("POST /v1/orders", "POST", "/v1/orders", {**keys, "Content-Type": "application/json"}, body)
    status, _, data = request(targ.port, create.method, create.path, create.body, create.headers)
    if status != 200:
        raise BenchError(f"POST /v1/orders answered {status}: {data[:300]!r}")
    order_id = json.loads(data)["id"]
    return [create, Route("GET /v1/orders/{id}", "GET", f"/v1/orders/{order_id}", keys),
            Route("GET /v1/orders", "GET", "/v1/orders?limit=10", keys)]


def seed_orders(targ: Server, n: int) -> tuple[list[str], dict[str, Any]]:
    """`n` checkout forms of the demo seller, each one unit of demo offer A bought (filled in and paid, so
    READY_FOR_PROCESSING) through `POST /__targ/buyer/purchases` on one keep-alive connection; the offer's stock is
    raised first with the seller's `PATCH /sale/product-offers/{id}`. Returns the ids and the seeding figures."""
    status, _, data = request(targ.port, "GET", "/__targ/demo")
    if status != 200:
        raise BenchError(f"GET /__targ/demo answered {status}: {data[:300]!r}")
    demo = json.loads(data)
    offer = next((o for o in demo["offers"] if not o["oneFulfillment"]), None)
    if offer is None:
        raise BenchError("the demo world has no seller-fulfilled offer to buy")
    headers = {"Authorization": f"Bearer {demo['accessToken']}", "Accept": ALLEGRO_MEDIA, "Content-Type": ALLEGRO_MEDIA}
    stock = n + 100  # a unit is left at the end: an offer whose stock reaches 0 ends
    body = json.dumps({"stock": {"available": stock}}).encode()
    status, _, data = request(targ.port, "PATCH", f"/sale/product-offers/{offer['id']}", body, headers)
    if status != 200:
        raise BenchError(f"PATCH /sale/product-offers/{offer['id']} (stock {stock}) answered {status}: {data[:300]!r}")
    purchase = json.dumps({"lineItems": [{"offerId": offer["id"], "quantity": 1}]}).encode()
    ids: list[str] = []
    conn = http.client.HTTPConnection(HOST, targ.port, timeout=30)
    t0 = time.perf_counter()
    try:
        for i in range(n):
            status, _, data = request(targ.port, "POST", "/__targ/buyer/purchases", purchase,
                                      {"Content-Type": "application/json"}, conn=conn)
            if status != 201:
                raise BenchError(f"purchase {i + 1}/{n} answered {status}: {data[:300]!r}")
            ids.append(json.loads(data)["checkoutFormId"])
    finally:
        conn.close()
    took = time.perf_counter() - t0
    log(f"seeded {n} orders in {took:.1f} s ({took * 1000 / max(n, 1):.2f} ms each)")
    return ids, {"orders": n, "offerId": offer["id"], "stock_set": stock, "seconds": round(took, 2),
                 "ms_per_order": round(took * 1000 / max(n, 1), 3), "purchases_per_s": round(n / took, 1)}


def order_routes(targ: Server, orders: list[str]) -> tuple[list[Route], dict[str, Any]]:
    """Details of one order, the list over every order, adding tracking numbers (each request a new one)."""
    status, _, data = request(targ.port, "GET", "/__targ/demo")
    token = json.loads(data)["accessToken"]
    auth = {"Authorization": f"Bearer {token}", "Accept": ALLEGRO_MEDIA}
    order_id = orders[len(orders) // 2]
    detail = Route(DETAIL, "GET", f"/order/checkout-forms/{order_id}", auth)
    listing = Route(LIST, "GET", f"/order/checkout-forms?{urlencode(LIST_QUERY)}", auth)
    feed = ShipmentFeed(orders)
    shipments = Route(SHIPMENTS, "POST", feed.path(0), {**auth, "Content-Type": ALLEGRO_MEDIA}, feed=feed)
    info: dict[str, Any] = {"detail_id": order_id, "list_query": listing.path.split("?", 1)[1]}
    for route in (detail, listing):
        status, _, data = request(targ.port, route.method, route.path, None, route.headers)
        if status != 200:
            raise BenchError(f"{route.label} answered {status} before the load: {data[:500]!r}")
        info[f"{'list' if route is listing else 'detail'}_response_bytes"] = len(data)
        if route is listing:
            page = json.loads(data)
            if page["count"] != min(100, len(orders)) or page["totalCount"] < len(orders):
                raise BenchError(f"{route.label}: count {page['count']}, totalCount {page['totalCount']} "
                                 f"over {len(orders)} seeded orders")
            info["list_total_count"] = page["totalCount"]
        log(f"checked {route.label} -> {status}")
    status, _, data = request(targ.port, "POST", feed.path(0), feed.body(0), shipments.headers)  # the feed's first
    if status != 201:
        raise BenchError(f"{SHIPMENTS} answered {status} before the load: {data[:500]!r}")
    feed.cursor = 1
    log(f"checked {SHIPMENTS} -> {status}")
    info["shipments"] = {"orders": len(orders), "carrierId": SHIPMENT_CARRIER, "body": feed.body(0).decode()}
    return [detail, listing, shipments], info


def pick_post(targ: Server, auth: dict[str, str]) -> tuple[Route, dict[str, Any]]:
    """An Allegro POST answered from the spec's example (no handler yet), with a body synthesized from its schema."""
    from targ.spec.bundle import load_bundle
    from targ.spec.synth import synthesize_request

    status, _, data = request(targ.port, "GET", "/__targ/coverage")
    if status != 200:
        raise BenchError(f"GET /__targ/coverage answered {status}")
    example = {r["operationId"] for r in json.loads(data)["operations"]
               if r["vendor"] == "allegro" and r["method"] == "POST" and r["backing"] == "example"
               and r["path"].startswith("/sale/")}
    bundle = load_bundle("allegro")
    ordered = [bundle.by_id[o] for o in PREFERRED_POSTS if o in example]
    ordered += sorted((bundle.by_id[o] for o in example if o not in PREFERRED_POSTS and o in bundle.by_id),
                      key=lambda op: ("{" in op.path, op.path))
    tried: list[str] = []
    candidates: list[tuple[bool, bool, str, str, bytes, dict[str, str]]] = []
    for op in ordered:
        try:
            path_params, query, headers, media_type, body = synthesize_request(op)
        except Exception as exc:  # a schema synth cannot fill: try the next operation
            tried.append(f"{op.operation_id}: synth failed ({exc})")
            continue
        if media_type is None or not media_type.endswith("json") or body is None:
            tried.append(f"{op.operation_id}: no JSON body")
            continue
        path = op.path
        for name, value in path_params.items():
            path = path.replace("{" + name + "}", quote(value, safe=""))
        if query:
            path += "?" + urlencode(query)
        raw = json.dumps(body, separators=(",", ":")).encode()
        hdrs = {"Accept": ALLEGRO_MEDIA, **headers, **auth, "Content-Type": media_type}
        # Preferred: a body with something in it to validate, then no path parameters; else the PREFERRED order.
        candidates.append((len(raw) <= 2, "{" in op.path, op.operation_id, path, raw, hdrs))
    rank = {op.operation_id: i for i, op in enumerate(ordered)}
    for _, _, op_id, path, raw, hdrs in sorted(candidates, key=lambda c: (c[0], c[1], rank[c[2]])):
        status, _, reply = request(targ.port, "POST", path, raw, hdrs)
        if 200 <= status < 300:
            log(f"POST route: {op_id} {path} -> {status} ({len(raw)} B body)")
            return Route(f"POST {path.split('?')[0]}", "POST", path, hdrs, raw), {
                "operationId": op_id, "path": path, "status": status, "requestBytes": len(raw),
                "responseBytes": len(reply)}
        tried.append(f"{op_id}: {status} {reply[:200]!r}")
    raise BenchError("no example-backed Allegro /sale/ POST answered 2xx:\n  " + "\n  ".join(tried[:20]))


# ---------------------------------------------------------------------------------------------- wrk

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("wrk is missing; installing it with apt-get (Debian package wrk)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-q", "wrk"]
        if subprocess.run(install, env=env, stdout=sys.stderr, timeout=300).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], env=env, stdout=sys.stderr, timeout=300)
            subprocess.run(install, env=env, stdout=sys.stderr, timeout=300, check=True)
        found = shutil.which("wrk")
        if found:
            return found
    raise BenchError("wrk is not installed. Install it with `sudo apt-get install -y wrk` "
                     "(Debian/Ubuntu; `brew install wrk` on macOS), or run this script as root to let it do so.")


def parse_wrk(text: str) -> dict[str, Any]:
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    dist = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+(?:us|ms|s|m))\s*$", text, re.M))
    total = re.search(r"^\s+(\d+) requests in", text, re.M)
    if not rps or "50" not in dist or "99" not in dist or not total:
        raise BenchError(f"cannot read wrk's output:\n{text}")

    def ms(value: str) -> float:
        num, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
        return round(float(num) * _UNITS[unit], 3)

    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {
        "rps": round(float(rps.group(1)), 1),
        "p50_ms": ms(dist["50"]),
        "p99_ms": ms(dist["99"]),
        "requests": int(total.group(1)),
        "errors": (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
    }


def run_wrk(wrk: str, port: int, route: Route, connections: int, seconds: int, cpu: int | None,
            script: Path, stateful: bool) -> dict[str, Any]:
    """One wrk run. A route with a feed gets its script written here, from the feed's cursor; only a `stateful`
    server's run moves the cursor on (the baseline is sent the same requests and stores nothing)."""
    if route.feed is not None or not script.exists():
        script.write_text(route.lua())
    argv = pin(cpu, [wrk, "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency",
                     "-s", str(script), f"http://{HOST}:{port}{route.path}"])
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 60, stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        raise BenchError(f"wrk failed ({proc.returncode}): {proc.stderr}{proc.stdout}")
    if route.feed is not None and stateful:
        route.feed.advance(proc.stdout)
    point = parse_wrk(proc.stdout)
    if point["non2xx"]:  # every route answered 2xx when checked: an error now means the load is not what it claims
        raise BenchError(f"{route.label} c={connections}: {point['non2xx']} of {point['requests']} answers were not "
                         f"2xx/3xx on port {port}:\n{proc.stdout}")
    return point


def load(wrk: str, servers: list[Server], routes: list[Route], args: argparse.Namespace, cpu: int | None,
         tmp: Path) -> dict[str, dict[str, dict[str, dict[str, Any]]]]:
    """Every (route, connections) point on each server in turn, back to back, so that a ratio compares figures taken
    seconds apart (a shared VM's speed drifts over a minute). After every wrk run the server is let finish what wrk
    left in flight (`settle`). Returns {server: {route: {connections: point}}}."""
    out: dict[str, dict[str, dict[str, dict[str, Any]]]] = {srv.name: {} for srv in servers}
    for i, route in enumerate(routes):
        script = tmp / f"route{i}.lua"
        for conns in CONNECTIONS:
            for srv in servers:
                stateful = srv.name == "targ"
                # Warmed up before the route's first point; the first point warms the next (and the run stays short).
                if args.warmup > 0 and conns == CONNECTIONS[0]:
                    run_wrk(wrk, srv.port, route, conns, args.warmup, cpu, script, stateful)
                    settle(srv)
                cpu0 = srv.cpu_s()
                point = run_wrk(wrk, srv.port, route, conns, args.duration, cpu, script, stateful)
                used = srv.cpu_s() - cpu0
                point["cpu_us_per_req"] = round(used * 1e6 / point["requests"], 1) if point["requests"] else None
                point["settle_ms"] = settle(srv)
                log(f"{srv.name:8} {route.label:42} c={conns:<2} {point['rps']:>9.1f} req/s  "
                    f"p50 {point['p50_ms']:.3f} ms  p99 {point['p99_ms']:.3f} ms  "
                    f"cpu {point['cpu_us_per_req'] or 0:.1f} us/req  errors {point['errors']}"
                    + (f"  settled in {point['settle_ms']:.0f} ms" if point["settle_ms"] > 100 else ""))
                if srv.proc.poll() is not None:
                    raise BenchError(f"{srv.name} exited ({srv.proc.returncode}) under load:\n{srv.stderr_text()}")
                out[srv.name].setdefault(route.label, {})[str(conns)] = point
    return out


def settle(srv: Server) -> float:
    """Waits for the server to answer `GET /__targ/health` and returns the ms it took: requests still in flight when
    wrk stopped are served first (one at a time, in arrival order), so a slow route's queue does not spill into the
    next point. Under 1 ms for every fast route; seconds after the order list at 16 connections."""
    t0 = time.perf_counter()
    status, _, data = request(srv.port, "GET", "/__targ/health", timeout=300)
    if status != 200:
        raise BenchError(f"{srv.name}: GET /__targ/health answered {status} after a load point: {data[:300]!r}")
    return round((time.perf_counter() - t0) * 1000, 1)

# ---------------------------------------------------------------------------------------------- figures


def startup(kind: str, runs: int, cpu: int | None) -> tuple[dict[str, Any], Server]:
    """`runs` cold starts; the last server is left running (and returned) for the rest of the benchmark."""
    times: list[float] = []
    srv: Server | None = None
    for i in range(runs):
        srv, ms = start_server(kind, cpu)
        times.append(round(ms, 1))
        log(f"{kind} start {i + 1}/{runs}: {ms:.1f} ms")
        if i < runs - 1:
            stop_server(srv)
    assert srv is not None
    return {"median": round(statistics.median(times), 1), "min": min(times), "runs": times}, srv


def reset_times(srv: Server, n: int) -> dict[str, Any]:
    client: list[float] = []
    server: list[float] = []
    conn = http.client.HTTPConnection(HOST, srv.port, timeout=30)
    try:
        for _ in range(n):
            t0 = time.perf_counter()
            status, headers, data = request(srv.port, "POST", "/__targ/reset", b"", conn=conn)
            client.append((time.perf_counter() - t0) * 1000)
            if not 200 <= status < 300:
                raise BenchError(f"POST /__targ/reset answered {status}: {data[:300]!r}")
            if "x-targ-reset-ms" in headers:
                server.append(float(headers["x-targ-reset-ms"]))
    finally:
        conn.close()
    return {
        "client_median": round(statistics.median(client), 2),
        "client_min": round(min(client), 2),
        "server_median": round(statistics.median(server), 2) if server else None,
        "n": n,
    }


def machine() -> dict[str, Any]:
    model = ""
    with contextlib.suppress(OSError):
        match = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        model = match.group(1).strip() if match else ""
    wrk = shutil.which("wrk")
    wrk_version = ""
    if wrk:
        proc = subprocess.run([wrk, "--version"], capture_output=True, text=True, timeout=10)
        wrk_version = (proc.stdout or proc.stderr).splitlines()[0] if (proc.stdout or proc.stderr) else ""
    import uvicorn

    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "uvicorn": uvicorn.__version__,
        "wrk": wrk_version,
        "loadavg_at_start": os.getloadavg()[0],
    }


def git_commit() -> dict[str, Any]:
    def git(*a: str) -> str:
        proc = subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True, timeout=20)
        return proc.stdout.strip() if proc.returncode == 0 else ""

    return {"commit": git("rev-parse", "HEAD") or None, "dirty": bool(git("status", "--porcelain", "--", "src"))}


def cpus() -> tuple[int | None, int | None, str]:
    if not shutil.which("taskset"):
        return None, None, "none (taskset missing)"
    available = sorted(os.sched_getaffinity(0))
    if SERVER_CPU in available and WRK_CPU in available:
        return SERVER_CPU, WRK_CPU, f"server on CPU {SERVER_CPU}, wrk on CPU {WRK_CPU}"
    return None, None, f"none (only CPUs {available} available)"


def bench(args: argparse.Namespace) -> dict[str, Any]:
    wrk = ensure_wrk()
    server_cpu, wrk_cpu, pinning = cpus()
    log(f"pinning: {pinning}")
    result: dict[str, Any] = {
        "machine": machine(),
        "git": git_commit(),
        "settings": {"warmup_s": args.warmup, "duration_s": args.duration, "connections": list(CONNECTIONS),
                     "startup_runs": args.starts, "reset_runs": args.resets, "orders": args.orders,
                     "pinning": pinning,
                     "wrk_threads": 1},
    }
    # Both servers stay up through the load (each is idle while the other is measured), both pinned to the same CPU.
    targ_start, targ = startup("targ", args.starts, server_cpu)
    base_start, base = startup("baseline", args.starts, server_cpu)
    rss_idle = {"targ": targ.rss_mb(), "baseline": base.rss_mb()}
    reset = reset_times(targ, args.resets)
    log(f"reset: client median {reset['client_median']} ms, server median {reset['server_median']} ms")
    # The routes are built (demo token, coverage) after the resets, so they hold for the world the load meets.
    routes, post_info = build_routes(targ)
    with tempfile.TemporaryDirectory(prefix="targ-bench-") as tmpdir:
        # The baseline gets the same routes (paths, headers, bodies) as targ.
        loads = load(wrk, [targ, base], routes, args, wrk_cpu, Path(tmpdir))
        # The order routes run over a store of --orders checkout forms, seeded after the routes above are measured.
        rss_before_orders = targ.rss_mb()
        orders, seeding = seed_orders(targ, args.orders)
        seeding["rss_mb_after"] = targ.rss_mb()
        seeding["rss_mb_before"] = rss_before_orders
        o_routes, orders_info = order_routes(targ, orders)
        (Path(tmpdir) / "orders").mkdir()
        o_loads = load(wrk, [targ, base], o_routes, args, wrk_cpu, Path(tmpdir) / "orders")
        for name, by_route in o_loads.items():
            loads[name].update(by_route)
        feed = o_routes[-1].feed
        assert feed is not None
        orders_info["shipments"].update({"waybills_sent": feed.cursor, "max_per_order": feed.max_per_order()})
        orders_info = {"seeding": seeding, **orders_info}
    rss_after = {"targ": targ.rss_mb(), "baseline": base.rss_mb()}
    stop_server(targ)
    stop_server(base)
    targ_load, base_load = loads["targ"], loads["baseline"]

    for label, points in targ_load.items():
        for conns, point in points.items():
            base_rps = base_load[label][conns]["rps"]
            point["ratio"] = sig3(point["rps"] / base_rps) if base_rps else None
            base_cpu = base_load[label][conns]["cpu_us_per_req"]
            point["cpu_ratio"] = sig3(base_cpu / point["cpu_us_per_req"]) if point["cpu_us_per_req"] and base_cpu \
                else None
    goals: dict[str, Any] = {}
    for label, goal in GOALS.items():
        ratios = {c: p["ratio"] for c, p in targ_load[label].items()}
        goals[f"{label} ratio >= {goal:.2f}"] = all(r is not None and r >= goal for r in ratios.values())
        goals[f"{label} ratio"] = ratios
    result.update({
        "startup_ms": {"targ": targ_start, "baseline": base_start},
        "reset_ms": reset,
        "rss_mb": {name: {"idle": rss_idle[name], "after_load": rss_after[name]} for name in ("targ", "baseline")},
        "post_route": post_info,
        "orders": orders_info,
        "load": {"targ": targ_load, "baseline": base_load},
        "ratio": {label: {c: p["ratio"] for c, p in points.items()} for label, points in targ_load.items()},
        "cpu_ratio": {label: {c: p["cpu_ratio"] for c, p in points.items()} for label, points in targ_load.items()},
        "goal": goals,
    })
    return result


def sig3(x: float) -> float:
    """Three significant digits: 0.586, and 0.000112 for the order list rather than 0.0."""
    return float(f"{x:.3g}")


def _on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main() -> int:
    parser = argparse.ArgumentParser(description="targ's benchmark; prints one JSON document on stdout.")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of wrk warmup before each route's first point")
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk measurement per point")
    parser.add_argument("--starts", type=int, default=5, help="cold starts timed per server")
    parser.add_argument("--resets", type=int, default=50, help="POST /__targ/reset calls timed")
    parser.add_argument("--orders", type=int, default=10_000, help="orders seeded for the order routes")
    parser.add_argument("--budget", type=int, default=420, help="hard limit of the whole run, in seconds")
    args = parser.parse_args()
    if args.starts < 1 or args.resets < 1 or args.duration <= 0 or args.orders < 1:
        parser.error("--starts, --resets, --duration and --orders must be positive")

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGHUP, _on_signal)
    signal.signal(signal.SIGALRM, _on_signal)
    signal.alarm(args.budget)  # bounded in time: SIGALRM ends the run (and the finally below stops the servers)
    t0 = time.perf_counter()
    try:
        result = bench(args)
    except BenchError as exc:
        log(f"error: {exc}")
        return 1
    except SystemExit as exc:
        if exc.code == 128 + signal.SIGALRM:
            log(f"error: the run took longer than --budget {args.budget} s")
        raise
    finally:
        signal.alarm(0)
        stop_all()
    result["took_s"] = round(time.perf_counter() - t0, 1)
    result["machine"]["loadavg_at_end"] = os.getloadavg()[0]
    print(json.dumps(result, indent=2))
    log(f"done in {result['took_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
