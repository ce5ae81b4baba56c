"""Offer tags: at most 100 per seller (the create operation's description), names unique per seller, and their
assignment to offers (`/sale/offers/{offerId}/tags`): POST replaces the offer's tags, GET lists them. A deleted tag
simply disappears from the offers it was on."""

from __future__ import annotations

from typing import Any

from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx, owned_or_raise
from targ.allegro.resources.model import OFFER, Doc, Hooks
from targ.allegro.resources.shape import array_property, project, response_schema
from targ.http.request import Reply

TAG_LIMIT = 100
ASSIGNMENTS = "res.offer-tag-assignments"


class TagHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        doc.setdefault("hidden", False)
        others = [d for d in engine.docs_of(ctx) if d["id"] != doc["id"]]
        if old is None and len(others) >= TAG_LIMIT:
            raise ctx.invalid(f"You can create up to {TAG_LIMIT} tags.")
        if any(d["name"].casefold() == doc["name"].casefold() for d in others):
            raise ctx.invalid(f"A tag named {doc['name']!r} already exists.", "name")


def _offer(ctx: Ctx) -> str:
    offer_id = str(ctx.req.params["offerId"])
    owned_or_raise(ctx, OFFER, offer_id, "Offer")
    return offer_id


def assigned(ctx: Ctx) -> Reply:
    offer_id = _offer(ctx)
    found = ctx.store.get(ASSIGNMENTS, offer_id) or {}
    tags = [t for t in (ctx.store.get(ctx.res.kind, i) for i in found.get("tags", ())) if t is not None]
    _, items = array_property(response_schema(ctx.op))
    return Reply({"tags": [project(items, t) for t in tags]})


def assign(ctx: Ctx) -> Reply:
    offer_id = _offer(ctx)
    wanted: list[dict[str, Any]] = (ctx.req.body or {}).get("tags") or []
    ids: list[str] = []
    for i, tag in enumerate(wanted):
        found = ctx.store.get_doc(ctx.res.kind, str(tag["id"]))
        if found is None or found.owner != ctx.seller:
            raise ctx.invalid(f"Tag {tag['id']} not found.", f"tags[{i}].id")
        ids.append(found.id)
    ctx.store.put(ASSIGNMENTS, offer_id, {"tags": list(dict.fromkeys(ids))}, owner=ctx.seller)
    return Reply(None)
