"""Automatic pricing rules: every seller has Allegro's default rules (`default: true`, one per rule type, as the
list's example shows), which cannot be modified or deleted (403); rule names are unique per seller (409, as the
create and update operations document)."""

from __future__ import annotations

from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx
from targ.allegro.resources.model import Doc, Hooks

DEFAULT_RULES = (("FOLLOW_BY_ALLEGRO_MIN_PRICE", "Lowest price on Allegro"),
                 ("FOLLOW_BY_MARKET_MIN_PRICE", "Lowest price on market"),
                 ("EXCHANGE_RATE", "Price Converter"),
                 ("FOLLOW_BY_TOP_OFFER_PRICE", "Top offer"))


class PriceRuleHooks(Hooks):
    def defaults(self, ctx: Ctx) -> list[Doc]:
        return [{"type": kind, "name": name, "default": True} for kind, name in DEFAULT_RULES]

    def writable(self, ctx: Ctx, doc: Doc) -> None:
        if doc.get("default"):
            raise ctx.fail((403,), "AccessDenied", f"Rule {doc['id']} is a default rule and cannot be modified.")

    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        doc["default"] = False
        if any(d["id"] != doc["id"] and d["name"] == doc["name"] for d in engine.docs_of(ctx)):
            raise ctx.fail((409,), "CONFLICT", f"Rule with name {doc['name']!r} already exists for this seller.",
                           path="name")
