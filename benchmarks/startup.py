"""targ's start-up: exec of `targ serve` → the first 200, against a bare uvicorn app started the same way.

    python benchmarks/startup.py [--runs 10] [--budget 300]

Every start is a fresh process whose FIRST request is the one timed: `GET /__targ/health`, the demo seller's
`GET /me` (Allegro) or the demo project's `GET /v1/orders` (Voucherify); the baseline (baseline_app.py) answers its
first `GET /__targ/health`. The cases take turns within each round, so a ratio compares figures measured seconds
apart. Done twice: `warm` (the normal user case: PYTHONDONTWRITEBYTECODE unset, targ's .pyc files cached by an
untimed start) and `cold` (no .pyc for targ's own modules: a copy of src/ without __pycache__, with
PYTHONDONTWRITEBYTECODE=1; the installed packages keep the .pyc files pip wrote). Prints one JSON document on stdout,
progress on stderr. Not part of CI or the test suite. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import servers
from common import HOST, ROOT, BenchError, finish, log, request
from report import git_commit, machine, sig3
from servers import BASELINE, RUNNING, START_TIMEOUT_S, WRK_CPU, Server, cpus, stop_server

ALLEGRO_MEDIA = "application/vnd.allegro.public.v1+json"
# The demo world, and so the demo token and keys, is the same on every start with the same seed and clock start.
SEED = "0"
CLOCK_START = "2026-01-01T00:00:00Z"
GOAL_MS = 300.0  # exec → first 200, every targ case, warm


@dataclass(frozen=True)
class Case:
    """One kind of start: which server, and the first request it gets."""

    name: str
    server: str  # "targ" or "baseline"
    path: str
    headers: dict[str, str]


def server_argv(kind: str) -> list[str]:
    if kind == "targ":
        return [sys.executable, "-m", "targ", "serve", "--host", HOST, "--port", "0", "--seed", SEED,
                "--clock-start", CLOCK_START, "--frozen"]
    return [sys.executable, str(BASELINE), "--host", HOST, "--port", "0"]


def spawn(kind: str, env: dict[str, str], cpu: int | None) -> tuple[Server, float, float]:
    """`servers.spawn` with this benchmark's command line (its seed and clock start) and environment."""
    return servers.spawn(kind, cpu, server_argv(kind), env)


def timed_start(case: Case, env: dict[str, str], cpu: int | None) -> tuple[float, float]:
    """One start of `case`: ms from exec to the first 200 of its request, and ms from exec to the listening line."""
    srv, t0, listening_ms = spawn(case.server, env, cpu)
    try:
        conn = http.client.HTTPConnection(HOST, srv.port, timeout=START_TIMEOUT_S)
        try:
            conn.request("GET", case.path, headers=case.headers)
            resp = conn.getresponse()
            data = resp.read()
        finally:
            conn.close()
        ms = (time.perf_counter() - t0) * 1000
        if resp.status != 200:
            raise BenchError(f"{case.name}: the first request answered {resp.status}: {data[:300]!r}")
        return ms, listening_ms
    finally:
        stop_server(srv)


def cases(env: dict[str, str], cpu: int | None) -> list[Case]:
    """The credentials come from a start before (GET /__targ/demo): the timed starts' first request is their own."""
    srv, _, _ = spawn("targ", env, cpu)
    try:
        status, _, data = request(srv.port, "GET", "/__targ/demo", timeout=START_TIMEOUT_S)
    finally:
        stop_server(srv)
    if status != 200:
        raise BenchError(f"GET /__targ/demo answered {status}: {data[:300]!r}")
    demo = json.loads(data)
    keys = {"X-App-Id": demo["voucherifyApplicationId"], "X-App-Token": demo["voucherifySecretKey"],
            "Accept": "application/json"}
    return [
        Case("GET /__targ/health", "targ", "/__targ/health", {"Accept": "application/json"}),
        Case("GET /me", "targ", "/me", {"Authorization": f"Bearer {demo['accessToken']}", "Accept": ALLEGRO_MEDIA}),
        Case("GET /v1/orders", "targ", "/v1/orders?limit=10", keys),
        Case("baseline", "baseline", "/__targ/health", {"Accept": "application/json"}),
    ]


@contextmanager
def environment(mode: str) -> Iterator[dict[str, str]]:
    """The servers' environment: this checkout's src/ (not whatever targ the virtualenv points at) on PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    if mode == "warm":
        env["PYTHONPATH"] = str(ROOT / "src")
        yield env
        return
    with tempfile.TemporaryDirectory(prefix="targ-startup-") as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        env["PYTHONPATH"] = str(src)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        yield env


def summary(times: list[float]) -> dict[str, Any]:
    return {"median": round(statistics.median(times), 1), "min": round(min(times), 1),
            "runs": [round(t, 1) for t in times]}


def measure(mode: str, runs: int, cpu: int | None) -> dict[str, Any]:
    with environment(mode) as env:
        the_cases = cases(env, cpu)  # also writes targ's .pyc files in the warm mode
        if mode == "warm":
            timed_start(the_cases[-1], env, cpu)  # and the baseline's
        first: dict[str, list[float]] = {c.name: [] for c in the_cases}
        listening: dict[str, list[float]] = {c.name: [] for c in the_cases}
        for i in range(runs):  # the cases take turns, so a drift of the machine touches every case alike
            for case in the_cases:
                ms, line_ms = timed_start(case, env, cpu)
                first[case.name].append(ms)
                listening[case.name].append(line_ms)
            log(f"{mode} round {i + 1}/{runs}: " + ", ".join(f"{n} {t[-1]:.0f} ms" for n, t in first.items()))
    base = statistics.median(first["baseline"])
    out: dict[str, Any] = {}
    for name, times in first.items():
        out[name] = {**summary(times), "listening_line_median": round(statistics.median(listening[name]), 1)}
        if name != "baseline":
            out[name]["ratio_to_baseline"] = sig3(statistics.median(times) / base)
    return out


def _on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main() -> int:
    parser = argparse.ArgumentParser(description="targ's start-up time; prints one JSON document on stdout.")
    parser.add_argument("--runs", type=int, default=10, help="timed starts per case and mode")
    parser.add_argument("--modes", default="warm,cold", help="comma list of warm (.pyc cached) and cold (no .pyc)")
    parser.add_argument("--budget", type=int, default=600, help="hard limit of the whole run, in seconds")
    args = parser.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    if args.runs < 1 or not modes or any(m not in ("warm", "cold") for m in modes):
        parser.error("--runs must be positive and --modes a comma list of warm and cold")
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGALRM):
        signal.signal(signum, _on_signal)
    signal.alarm(args.budget)
    server_cpu, client_cpu, pinning = cpus()
    if client_cpu is not None:
        os.sched_setaffinity(0, {WRK_CPU})  # the client off the server's CPU
    t0 = time.perf_counter()
    result: dict[str, Any] = {
        "machine": machine(),
        "git": git_commit(),
        "settings": {"runs": args.runs, "modes": modes, "pinning": pinning, "seed": int(SEED),
                     "clock_start": CLOCK_START, "goal_ms": GOAL_MS},
    }
    try:
        for mode in modes:
            result[mode] = measure(mode, args.runs, server_cpu)
    except BenchError as exc:
        log(f"error: {exc}")
        return 1
    finally:
        signal.alarm(0)
        for srv in list(RUNNING):
            stop_server(srv)
    if "warm" in result:
        worst = max(v["median"] for k, v in result["warm"].items() if k != "baseline")
        result["goal"] = {f"warm medians < {GOAL_MS:.0f} ms": worst < GOAL_MS, "worst_warm_median": worst}
    return finish(result, t0)


if __name__ == "__main__":
    sys.exit(main())
