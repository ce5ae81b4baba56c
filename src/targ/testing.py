"""In-process targ for tests: `with TargServer() as srv: ...` serves on a free port from a background thread.

The clock starts frozen at 2026-01-01T00:00:00Z by default, the state lives in memory, and `reset()` brings the
demo world back in milliseconds, so one server can serve a whole test session.
"""

from __future__ import annotations

import http.client
import threading
from typing import Any
from urllib.parse import urlsplit

import orjson

from targ.clock import parse_time
from targ.world import DEFAULT_TEST_START, Options


class AdminClient:
    """Minimal JSON client for /__targ/ (stdlib only, so targ.testing needs no test dependency)."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self._host, self._port = parts.hostname or "127.0.0.1", parts.port or 80
        self._local = threading.local()

    def _conn(self) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = http.client.HTTPConnection(self._host, self._port, timeout=60)
            self._local.conn = conn
        return conn

    def call(self, method: str, path: str, body: Any = None) -> Any:
        data = orjson.dumps(body) if body is not None else None
        headers = {"Content-Type": "application/json"} if data is not None else {}
        for attempt in (1, 2):
            conn = self._conn()
            try:
                conn.request(method, "/__targ" + path, body=data, headers=headers)
                resp = conn.getresponse()
                raw = resp.read()
                break
            except (ConnectionError, http.client.HTTPException):
                conn.close()
                self._local.conn = None
                if attempt == 2:
                    raise
        if resp.status >= 400:
            raise RuntimeError(f"targ admin {method} {path} → {resp.status}: {raw.decode(errors='replace')}")
        return orjson.loads(raw) if raw else None


class Clock:
    def __init__(self, admin: AdminClient) -> None:
        self._admin = admin

    def now(self) -> str:
        return self._admin.call("GET", "/clock")["now"]

    def advance(self, duration: str) -> dict[str, Any]:
        return self._admin.call("POST", "/clock", {"advance": duration})

    def set(self, when: str) -> dict[str, Any]:
        return self._admin.call("POST", "/clock", {"set": when})

    def freeze(self, frozen: bool = True) -> dict[str, Any]:
        return self._admin.call("POST", "/clock", {"freeze": frozen})


class TargServer:
    def __init__(self, seed: int = 0, data: str | None = None, validate_responses: bool = False,
                 frozen: bool = True, clock_start: int | str | None = DEFAULT_TEST_START,
                 strict_requests: bool = False, port: int = 0, examples: bool = True) -> None:
        """`clock_start`: epoch milliseconds or an RFC 3339 time (None: wall time); `port`: 0 picks a free one;
        `examples=False`: operations targ answers only from the spec's example answer 501 instead."""
        start = parse_time(clock_start) if isinstance(clock_start, str) else clock_start
        self.options = Options(seed=seed, data=data, clock_start=start, frozen=frozen,
                               validate_responses=validate_responses, strict_requests=strict_requests,
                               examples=examples)
        self.port = port
        self.url = ""
        self._thread: threading.Thread | None = None

    # --- lifecycle ------------------------------------------------------------------------------------------------
    def start(self) -> TargServer:
        from targ.app import TargApp, build_world
        from targ.server import bind, listening_url, make_server

        self.world = build_world(self.options)
        app = TargApp(self.world)
        sock = bind("127.0.0.1", self.port)
        self.url = listening_url(sock)
        self._server = make_server(app)
        def run() -> None:
            self._server.run(sockets=[sock])

        self._thread = threading.Thread(target=run, name="targ-server", daemon=True)
        self._thread.start()
        # The socket is already listening: requests queue until the loop picks them up.
        self.admin = AdminClient(self.url)
        self.clock = Clock(self.admin)
        self.admin.call("GET", "/health")
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
            self._thread = None
            self.world.close()

    def __enter__(self) -> TargServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- conveniences ---------------------------------------------------------------------------------------------
    @property
    def demo(self) -> dict[str, Any]:
        return self.admin.call("GET", "/demo")

    def reset(self) -> None:
        self.admin.call("POST", "/reset")

    def drain(self) -> int:
        return self.admin.call("POST", "/jobs/drain")["ran"]

    def violations(self) -> list[dict[str, Any]]:
        return self.admin.call("GET", "/violations")["violations"]
