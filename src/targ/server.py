"""Running the ASGI app on uvicorn over a socket we bind ourselves, so `--port 0` can report the real port."""

from __future__ import annotations

import socket
from types import FrameType
from typing import TYPE_CHECKING

import uvicorn

if TYPE_CHECKING:  # only the type: the benchmark's bare baseline app is served by these functions too
    from targ.app import TargApp


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


class Server(uvicorn.Server):
    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        # Ctrl-C / SIGTERM is how targ is meant to stop: after the graceful shutdown exit with status 0 instead of
        # re-raising the signal (uvicorn's default), so supervisors and tests see a clean stop.
        super().handle_exit(sig, frame)
        self._captured_signals.clear()


def make_server(app: TargApp, *, access_log: bool = False) -> uvicorn.Server:
    try:
        import uvloop  # noqa: F401
        loop = "uvloop"
    except ImportError:  # pragma: no cover - uvloop is a pinned dependency, but not on every platform
        loop = "asyncio"
    config = uvicorn.Config(
        app,
        loop=loop,
        http="httptools",
        lifespan="on",
        access_log=access_log,
        log_level="info" if access_log else "warning",
        server_header=False,
        date_header=True,
        timeout_graceful_shutdown=5,
    )
    return Server(config)


def listening_url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"
