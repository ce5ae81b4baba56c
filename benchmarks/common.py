"""What every part of the benchmark shares: the repository, the loopback host, progress on stderr, the error that
ends a run and a plain HTTP request."""

from __future__ import annotations

import http.client
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def finish(result: dict[str, Any], t0: float) -> int:
    """Prints the run's JSON document with its wall time and the load average at its end; the exit code 0."""
    result["took_s"] = round(time.perf_counter() - t0, 1)
    result["machine"]["loadavg_at_end"] = os.getloadavg()[0]
    print(json.dumps(result, indent=2))
    log(f"done in {result['took_s']} s")
    return 0


class BenchError(Exception):
    """The benchmark cannot go on; the message says why."""

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
