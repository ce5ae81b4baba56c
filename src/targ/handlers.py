"""The binding between vendor operations and the hand-written code that implements them.

A provider module registers a function per operationId:

    @handler("allegro", "meGET")
    def me(req: Request) -> Reply: ...

An operation with no handler is answered by the spec-example fallback, and `GET /__targ/coverage` says so.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from targ.http.request import Reply, Request

HandlerFn = Callable[[Request], Reply | dict[str, Any] | None]
BACKINGS = ("stateful", "dataset", "derived")


@dataclass(frozen=True)
class Binding:
    fn: HandlerFn
    backing: str


HANDLERS: dict[tuple[str, str], Binding] = {}



def handler(vendor: str, operation_id: str, backing: str = "stateful") -> Callable[[HandlerFn], HandlerFn]:
    if backing not in BACKINGS:
        raise ValueError(f"backing must be one of {BACKINGS}")

    def register(fn: HandlerFn) -> HandlerFn:
        key = (vendor, operation_id)
        if key in HANDLERS:
            raise ValueError(f"two handlers for {vendor} {operation_id}")
        HANDLERS[key] = Binding(fn, backing)
        return fn
    return register


def load_providers() -> None:
    """Imports the provider modules each vendor package lists, so their decorators register."""
    import targ.allegro
    import targ.voucherify

    for name in targ.allegro.PROVIDERS + targ.voucherify.PROVIDERS:
        importlib.import_module(name)


def binding_for(vendor: str, operation_id: str) -> Binding | None:
    return HANDLERS.get((vendor, operation_id))
