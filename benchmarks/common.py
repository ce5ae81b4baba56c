"""What every part of the benchmark shares: the repository, the loopback host, progress on stderr, the error that
ends a run and a plain HTTP request."""

from __future__ import annotations

import http.client
import sys
from pathlib import Path

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parent.parent


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


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
