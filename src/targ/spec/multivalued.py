"""Query parameters that take several values although the spec types them as one string.

Allegro's order list takes several values for `status` and `fulfillment.status` and returns the union, whether they
come repeated (`status=BOUGHT&status=FILLED_IN`, allegro-api #3432 NEWS, 2020-07-15) or as a comma list
(`fulfillment.status=PROCESSING,NEW`, #9408 staff). The public offer search takes several `seller.id`,
`seller.login` ("May be provided more than once", the spec) and `include` values (the spec's own example:
`include=-all&include=filters&include=sort`). Handlers receive such a parameter as a list of strings, in the
order given, without repeats. No other single-valued parameter of either spec says it takes several values; repeating
one of those with different values is refused (spec.validate).
"""

from __future__ import annotations

MULTI_VALUED: frozenset[tuple[str, str]] = frozenset({
    ("getListOfOrdersUsingGET", "status"),
    ("getListOfOrdersUsingGET", "fulfillment.status"),
    ("getListing", "seller.id"),
    ("getListing", "seller.login"),
    ("getListing", "include"),
})


def values_of(raw: str | list[str]) -> list[str]:
    """The values given, repeated or comma-separated, first occurrence kept."""
    seq = raw if isinstance(raw, list) else [raw]
    out: list[str] = []
    for item in seq:
        for part in item.split(","):
            if part not in out:
                out.append(part)
    return out
