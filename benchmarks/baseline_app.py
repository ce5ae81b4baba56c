"""The baseline of `benchmarks/run.py`: a bare ASGI app that answers every request with a tiny JSON 200.

It is served exactly as `targ serve` serves targ: a socket from `targ.server.bind`, uvicorn from
`targ.server.make_server` (uvloop, httptools, lifespan on, no access log, one worker), and the same
`targ listening on http://HOST:PORT` line on stdout, so the benchmark measures what targ adds on top of uvicorn.

    python benchmarks/baseline_app.py --host 127.0.0.1 --port 0
"""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

BODY = b'{"status":"ok"}'
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["type"] != "http":
        return
    more = True
    while more:  # read the request body, as targ does, so POSTs cost the same on the wire
        message = await receive()
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})


def main() -> None:
    from targ.server import bind, listening_url, make_server

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    sock = bind(args.host, args.port)
    url = listening_url(sock)
    # The line once uvicorn serves the socket, as targ serve prints it: the two starts end at the same point.
    server = make_server(app, on_started=lambda: print(f"targ listening on {url}", flush=True))  # type: ignore[arg-type]
    server.run(sockets=[sock])


if __name__ == "__main__":
    main()
