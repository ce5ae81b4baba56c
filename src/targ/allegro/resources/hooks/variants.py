"""Variant sets, as the create/update descriptions define them: a non-blank name, one or two grouping parameters,
2 to 500 distinct offers of the seller on the allegro-pl marketplace, each in one set only, with a non-blank
`colorPattern` when the `color/pattern` parameter groups them. Lists are ordered by name and `query` matches a name
fragment or an offer id."""

from __future__ import annotations

from typing import Any

from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx
from targ.allegro.resources.docpath import first, values_at
from targ.allegro.resources.model import OFFER, Doc, Hooks

COLOR_PATTERN = "color/pattern"


def matches_query(doc: Doc, query: Any) -> bool:
    text = str(query).casefold()
    return text in str(doc.get("name", "")).casefold() or str(query) in map(str, values_at(doc, "offers[].id"))


class VariantSetHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        if not doc["name"].strip():
            raise ctx.invalid("The name of a variant set can't be blank.", "name")
        parameters = [str(p["id"]) for p in doc["parameters"]]
        if not 1 <= len(set(parameters)) == len(parameters) <= 2:
            raise ctx.invalid("A variant set groups offers by one or two different parameters.", "parameters")
        offers = doc["offers"]
        ids = [str(o["id"]) for o in offers]
        if not 2 <= len(set(ids)) == len(ids) <= 500:
            raise ctx.invalid("A variant set contains from 2 to 500 different offers.", "offers")
        taken = {i for d in engine.docs_of(ctx) if d["id"] != doc["id"] for i in map(str, values_at(d, "offers[].id"))}
        for i, offer in enumerate(offers):
            if COLOR_PATTERN in parameters and not str(offer.get("colorPattern") or "").strip():
                raise ctx.invalid("colorPattern must be set for every offer grouped by color/pattern.",
                                  f"offers[{i}].colorPattern")
            if str(offer["id"]) in taken:
                raise ctx.invalid(f"Offer {offer['id']} already belongs to another variant set.", f"offers[{i}].id")
            stored = ctx.store.get(OFFER, str(offer["id"]))
            if stored is not None and first(stored, "publication.marketplaces.base.id", "allegro-pl") != "allegro-pl":
                raise ctx.invalid(f"Offer {offer['id']} is not listed on allegro-pl.", f"offers[{i}].id")

    def order(self, ctx: Ctx, docs: list[Doc]) -> list[Doc]:
        return sorted(docs, key=lambda d: (str(d.get("name", "")).casefold(), d["id"]))
