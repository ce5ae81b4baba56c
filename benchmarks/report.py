"""The run and its JSON document: the servers started and timed, every route loaded on both, then the ratios of
targ to the baseline and the issues' goals, with the machine and the commit they were measured on."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from common import ROOT, BenchError, log, request
from routes import DETAIL, SHIPMENTS, build_routes, order_routes, seed_orders
from servers import Server, cpus, reset_times, startup, stop_server
from wrk import CONNECTIONS, ensure_wrk, load

GOALS = {"GET /me": 0.30, DETAIL: 0.30, SHIPMENTS: 0.20}  # the issues' targets: ratio >= goal at 1 and 16 connections
Points = dict[str, dict[str, dict[str, Any]]]  # {route: {connections: point}}


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
        o_loads, orders_info = load_orders(wrk, targ, base, args, wrk_cpu, Path(tmpdir) / "orders")
        for name, by_route in o_loads.items():
            loads[name].update(by_route)
    rss_after = {"targ": targ.rss_mb(), "baseline": base.rss_mb()}
    status, _, data = request(targ.port, "GET", "/__targ/caches")
    if status != 200:
        raise BenchError(f"GET /__targ/caches answered {status}")
    caches = json.loads(data)["caches"]
    stop_server(targ)
    stop_server(base)
    targ_load, base_load = loads["targ"], loads["baseline"]
    add_ratios(targ_load, base_load)
    result.update({
        "startup_ms": {"targ": targ_start, "baseline": base_start},
        "reset_ms": reset,
        "rss_mb": {name: {"idle": rss_idle[name], "after_load": rss_after[name]} for name in ("targ", "baseline")},
        "post_route": post_info,
        "caches": caches,
        "orders": orders_info,
        "load": {"targ": targ_load, "baseline": base_load},
        "ratio": {label: {c: p["ratio"] for c, p in points.items()} for label, points in targ_load.items()},
        "cpu_ratio": {label: {c: p["cpu_ratio"] for c, p in points.items()} for label, points in targ_load.items()},
        "goal": goals(targ_load),
    })
    return result


def load_orders(wrk: str, targ: Server, base: Server, args: argparse.Namespace, cpu: int | None,
                tmp: Path) -> tuple[dict[str, Points], dict[str, Any]]:
    """The order routes, over a store of --orders checkout forms seeded after every other route is measured.
    Returns their load points ({server: {route: {connections: point}}}) and the `orders` figures."""
    rss_before_orders = targ.rss_mb()
    orders, seeding = seed_orders(targ, args.orders)
    seeding["rss_mb_after"] = targ.rss_mb()
    seeding["rss_mb_before"] = rss_before_orders
    o_routes, orders_info = order_routes(targ, orders)
    tmp.mkdir()
    o_loads = load(wrk, [targ, base], o_routes, args, cpu, tmp)
    feed = o_routes[-1].feed
    assert feed is not None
    orders_info["shipments"].update({"waybills_sent": feed.cursor, "max_per_order": feed.max_per_order()})
    return o_loads, {"seeding": seeding, **orders_info}


def add_ratios(targ_load: Points, base_load: Points) -> None:
    """Sets `ratio` (requests/s) and `cpu_ratio` (CPU µs per request) of targ to the baseline on targ's points."""
    for label, points in targ_load.items():
        for conns, point in points.items():
            base_rps = base_load[label][conns]["rps"]
            point["ratio"] = sig3(point["rps"] / base_rps) if base_rps else None
            base_cpu = base_load[label][conns]["cpu_us_per_req"]
            point["cpu_ratio"] = sig3(base_cpu / point["cpu_us_per_req"]) if point["cpu_us_per_req"] and base_cpu \
                else None


def goals(targ_load: Points) -> dict[str, Any]:
    """Each goal met (at every connection count) or not, and the ratios it was judged on."""
    out: dict[str, Any] = {}
    for label, goal in GOALS.items():
        ratios = {c: p["ratio"] for c, p in targ_load[label].items()}
        out[f"{label} ratio >= {goal:.2f}"] = all(r is not None and r >= goal for r in ratios.values())
        out[f"{label} ratio"] = ratios
    return out


def sig3(x: float) -> float:
    """Three significant digits: 0.586, and 0.000112 for the order list rather than 0.0."""
    return float(f"{x:.3g}")


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
