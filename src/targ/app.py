"""Builds the ASGI application: one callable serving both vendors, the OAuth pages and the admin API."""

from __future__ import annotations

from typing import Any

from targ.handlers import load_providers
from targ.http.pipeline import MAX_BODY, Incoming, Pipeline
from targ.http.request import Headers
from targ.http.response import Response
from targ.http.traces import TraceIds
from targ.world import Options, World

Scope = dict[str, Any]


def build_world(options: Options) -> World:
    from targ.demo import seed

    return World(options, seeder=seed)


class TargApp:
    """The ASGI callable. Requests are handled synchronously on the event loop, one at a time: the store has a
    single writer and every request sees the effects of the ones before it, in order."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.pipeline = build_pipeline(world)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        raw_path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1").split("?", 1)[0]
        headers = Headers(scope["headers"])
        body, too_large = await _read_body(receive, headers)
        host = headers.get("host") or "{}:{}".format(*(scope.get("server") or ("127.0.0.1", 80)))
        inc = Incoming(
            method=scope["method"],
            raw_path=raw_path,
            query_string=scope.get("query_string", b"").decode("latin-1"),
            headers=headers,
            body=body,
            base_url=f"{scope.get('scheme', 'http')}://{host}",
            too_large=too_large,
        )
        resp = self.pipeline.handle(inc)
        await _send(send, resp, head=scope["method"] == "HEAD")

    async def _lifespan(self, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return


async def _read_body(receive: Any, headers: Headers) -> tuple[bytes, bool]:
    declared = headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        return b"", True
    message = await receive()
    body = message.get("body", b"")
    if not message.get("more_body", False):  # the usual case: the whole body in one message
        return (b"", True) if len(body) > MAX_BODY else (body, False)
    chunks = [body]
    size = len(body)
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return b"", True
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), False


async def _send(send: Any, resp: Response, head: bool = False) -> None:
    resp.headers.append((b"content-length", b"%d" % len(resp.body)))
    await send({"type": "http.response.start", "status": resp.status, "headers": resp.headers})
    await send({"type": "http.response.body", "body": b"" if head else resp.body})


def build_pipeline(world: World) -> Pipeline:
    """The surfaces by path prefix (PRODUCT.md): `/__targ/` admin, `/auth/oauth/` OAuth, Voucherify's prefixes,
    `/allegroimg/` the files targ hosts for Allegro (uploaded offer images and attachments), and Allegro for every
    other path."""
    from targ.admin import surface as admin
    from targ.allegro import edge as allegro
    from targ.allegro.oauth import surface as oauth
    from targ.allegro.offers import static_host
    from targ.voucherify import edge as voucherify

    load_providers()
    traces = TraceIds(world.seed)
    world.on_reset.append(traces.restart)
    return Pipeline(world, [admin.surface(world), oauth.surface(), voucherify.surface(world, traces),
                            static_host.surface(), allegro.surface(world, traces)])


def create_app(options: Options | None = None) -> TargApp:
    return TargApp(build_world(options or Options()))
