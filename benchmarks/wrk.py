"""Loading a route with wrk: the Lua script of a route (one fixed request, or the shipment feed's request() that
adds a new tracking number each call), installing, running and reading wrk, and the load points of every route."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import HOST, BenchError, log, request
from servers import Server, pin

CONNECTIONS = (1, 16)
# Tracking numbers: targ takes at most 20 per order (one waybill on at most 10 orders); docs/orders.md.
WAYBILLS_PER_ORDER = 20
SHIPMENT_CARRIER = "INPOST"
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


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
