"""targ's benchmark: start time, reset time, memory and requests/s, against a bare uvicorn baseline.

Allegro order routes are measured over a store of --orders (10 000) checkout forms bought through the admin API.

    python benchmarks/run.py            # or: make bench

Prints one JSON document on stdout; progress goes to stderr. Not part of CI or the test suite.
See benchmarks/README.md for what each figure means. The parts: servers.py (the processes under test), wrk.py
(the load), routes.py (what is loaded), report.py (the run and its JSON); this file is the command line.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from types import FrameType

from common import BenchError, finish, log
from report import bench
from servers import stop_all


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
    return finish(result, t0)


if __name__ == "__main__":
    sys.exit(main())
