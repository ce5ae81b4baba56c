"""`GET /sale/offers/unfilled-parameters`: the seller's offers that lack parameters their category requires.

Reads the seller's docs of kind `offer` and compares the parameters an offer carries (`parameters[]` and its
products' `productSet[].product.parameters[]`, by id) with its category's (`category.id`) requirements at the
current virtual time: REQUIRED are the parameters required now, REQUIREMENT_PLANNED the ones a scheduled change
will make required (GET /sale/category-parameters-scheduled-changes). Without `parameterType` both count. Offers
with nothing missing, or with no category in the tree, are not listed. Offers come in creation order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.catalog.derived.common import OFFER_KIND, seller_id
from targ.allegro.catalog.tree import tree
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World


def filled(offer: Json) -> set[str]:
    ids = {str(p.get("id")) for p in offer.get("parameters") or [] if isinstance(p, dict)}
    for entry in offer.get("productSet") or []:
        product = (entry or {}).get("product") or {}
        ids.update(str(p.get("id")) for p in product.get("parameters") or [] if isinstance(p, dict))
    return ids


def missing(world: World, offer: Json, parameter_type: str | None) -> tuple[str | None, list[str]]:
    category = tree().get(str((offer.get("category") or {}).get("id")))
    if category is None:
        return None, []
    wanted: list[str] = []
    if parameter_type in (None, "REQUIRED"):
        wanted += [r.definition["id"] for r in tree().requirements(world, category) if r.required]
    if parameter_type in (None, "REQUIREMENT_PLANNED"):
        wanted += tree().planned(world, category)
    have = filled(offer)
    return category["id"], [p for p in dict.fromkeys(wanted) if p not in have]


@handler("allegro", "getOffersUnfilledParametersUsingGET_1", backing="derived")
def unfilled_parameters(req: Request) -> Reply:
    wanted = set(req.param("offer.id") or [])
    parameter_type = req.param("parameterType")
    rows = []
    for doc in req.world.store.find(OFFER_KIND, seller_id(req)):
        if wanted and doc.id not in wanted:
            continue
        category_id, params = missing(req.world, doc.data, parameter_type)
        if params:
            rows.append({"id": doc.id, "parameters": [{"id": p} for p in params], "category": {"id": category_id}})
    offset, limit = req.param("offset", 0), req.param("limit", 100)
    page = rows[offset:offset + limit]
    return Reply({"offers": page, "count": len(page), "totalCount": len(rows)})
