"""What the money lists share: `occurredAt.gte/lte` bounds (a reversed range is refused) and offset paging."""

from __future__ import annotations

from typing import Any

from targ.allegro.money import errors
from targ.clock import parse_time
from targ.http.request import Request


def time_bounds(req: Request) -> tuple[int | None, int | None]:
    low, high = (req.param(f"occurredAt.{s}") for s in ("gte", "lte"))
    low_ms = parse_time(str(low)) if low else None
    high_ms = parse_time(str(high)) if high else None
    if low_ms is not None and high_ms is not None and low_ms > high_ms:
        # "If occurredAt.lte is also set, occurredAt.gte cannot be later" (the billing spec; refunds and payment
        # operations alike).
        raise errors.invalid("dates", "occurredAt.gte")
    return low_ms, high_ms


def within(ms: int, low: int | None, high: int | None) -> bool:
    return (low is None or ms >= low) and (high is None or ms <= high)


def page(req: Request, items: list[Any], *, default_limit: int) -> list[Any]:
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", default_limit))
    return items[offset:offset + limit]
