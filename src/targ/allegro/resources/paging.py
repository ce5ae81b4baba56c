"""List paging as each list operation declares it.

* `offset` / `limit` query parameters (their defaults and maxima are the spec's, applied by the edge); a resource may
  add the vendor's ceiling on `offset + limit` (promotions: 50 000 → 422);
* a `page.id` cursor (offer bundles): the id of the first item of the page, `nextPage.id` pointing at the next one;
  an unknown cursor is refused;
* no paging parameter at all: the whole collection.

Counts follow the list schema: with both `count` and `totalCount`, `count` is the page's size and `totalCount` the
number of matches; a lone `count` or `totalCount` is the number of matches.
"""

from __future__ import annotations

from typing import Any

from targ.allegro.resources.context import Ctx
from targ.allegro.resources.model import Doc
from targ.allegro.resources.shape import properties

CURSOR = "page.id"


def _query_params(ctx: Ctx) -> set[str]:
    return {p["name"] for p in ctx.op.parameters if p.get("in") == "query"}


def page(ctx: Ctx, docs: list[Doc], list_schema: Any, id_field: str = "id") -> tuple[list[Doc], dict[str, Any]]:
    """The page of `docs` the request asks for, and the count/next-page properties that go with it."""
    declared = _query_params(ctx)
    params = ctx.req.params
    limit = params.get("limit") if "limit" in declared else None
    extras: dict[str, Any] = {}
    if CURSOR in declared:
        start = 0
        cursor = params.get(CURSOR)
        if cursor is not None:
            start = next((i for i, d in enumerate(docs) if str(d.get(id_field)) == cursor), -1)
            if start < 0:
                raise ctx.invalid(f"Page {cursor} does not exist.", path=CURSOR)
        end = len(docs) if limit is None else start + limit
        if end < len(docs):
            extras["nextPage"] = {"id": str(docs[end][id_field])}
        chunk = docs[start:end]
    else:
        offset = params.get("offset", 0) if "offset" in declared else 0
        window = ctx.res.max_window
        if window is not None and limit is not None and offset + limit > window:
            raise ctx.invalid(f"Offset and limit parameters exceed maximal result size of {window} items")
        chunk = docs[offset:] if limit is None else docs[offset:offset + limit]
    counted = properties(list_schema)
    if "totalCount" in counted:
        extras["totalCount"] = len(docs)
        if "count" in counted:
            extras["count"] = len(chunk)
    elif "count" in counted:
        extras["count"] = len(docs)
    return chunk, extras
