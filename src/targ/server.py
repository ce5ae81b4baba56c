"""Running the ASGI app on uvicorn over a socket we bind ourselves, so `--port 0` can report the real port."""

from __future__ import annotations

import socket
from collections.abc import Callable
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
    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None] | None = None) -> None:
        super().__init__(config)
        self.on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        # The socket is served by the event loop from here on: a request sent now is answered. `targ serve` prints
        # its `targ listening on` line here, not when the socket is bound, so the line means "it answers".
        if self.started and self.on_started is not None:
            self.on_started()

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        # Ctrl-C / SIGTERM is how targ is meant to stop: after the graceful shutdown exit with status 0 instead of
        # re-raising the signal (uvicorn's default), so supervisors and tests see a clean stop.
        super().handle_exit(sig, frame)
        self._captured_signals.clear()


def make_server(app: TargApp, *, access_log: bool = False,
                on_started: Callable[[], None] | None = None) -> uvicorn.Server:
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
    return Server(config, on_started)


def listening_url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"
