"""Compatibility lists (which vehicles or printers a part fits): `GET /sale/compatibility-list/supported-categories`,
`GET /sale/compatible-products/groups`, `GET /sale/compatible-products` (dataset) and
`GET /sale/compatibility-list-suggestions` (derived from the seller's stored offer).

Groups and products exist for the item types whose input is by id (CAR, MOTORCYCLE_EXPLODED); PRINTER lists are
free text, so asking for its products is a 422, like any type the supported categories do not name. Group ids are
the MD5 of the group's text, as the vendor's are. `If-Modified-Since` is honoured on both lists (304) except when a
search narrows the products (`phrase`, `tecdoc.*`), which is always answered in full.
"""

from __future__ import annotations

from functools import cache

from targ.allegro.catalog.conditional import last_modified, not_modified
from targ.allegro.catalog.dataset import COMPATIBILITY, load
from targ.allegro.catalog.matching import words
from targ.allegro.catalog.tree import tree
from targ.allegro.errors import AllegroError
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json

OFFER_KIND = "offer"


@handler("allegro", "getCategoriesThatSupportCompatibilityList", backing="dataset")
def supported_categories(req: Request) -> Reply:
    return Reply({"supportedCategories": load(COMPATIBILITY)["supportedCategories"]})


@cache
def _attribute_index() -> dict[str, dict[str, str]]:
    return {p["id"]: {a["id"]: a["values"][0] for a in p["attributes"]} for p in load(COMPATIBILITY)["products"]}


def _check_type(req: Request) -> str:
    kind = req.param("type")
    if kind not in load(COMPATIBILITY)["groups"]:
        raise AllegroError(422, "VALIDATION_ERROR", f"Compatible products of type '{kind}' are not available",
                           path="type", details="query parameter",
                           user_message="Nieobsługiwany typ listy kompatybilności.")
    return kind


def _page(req: Request, key: str, items: list[Json], headers: dict[str, str]) -> Reply:
    offset, limit = req.param("offset", 0), req.param("limit", 200)
    page = items[offset:offset + limit]
    return Reply({key: page, "count": len(page), "totalCount": len(items)}, headers=headers)


@handler("allegro", "getCompatibleProductsGroups", backing="dataset")
def groups(req: Request) -> Reply:
    kind = _check_type(req)
    data = load(COMPATIBILITY)
    unchanged = not_modified(req, data["modifiedAt"])
    if unchanged is not None:
        return unchanged
    return _page(req, "groups", data["groups"][kind], last_modified(data["modifiedAt"]))


@handler("allegro", "getCompatibleProducts", backing="dataset")
def products(req: Request) -> Reply:
    kind = _check_type(req)
    data = load(COMPATIBILITY)
    phrase, k_typ, n_typ = req.param("phrase"), req.param("tecdoc.kTypNr"), req.param("tecdoc.nTypNr")
    searching = phrase is not None or k_typ is not None or n_typ is not None
    if not searching:
        unchanged = not_modified(req, data["modifiedAt"])
        if unchanged is not None:
            return unchanged
    group = req.param("group.id")
    query = words(phrase or "")
    found = []
    for product in data["products"]:
        attributes = _attribute_index()[product["id"]]
        text = set(words(product["text"]))
        if product["type"] != kind or (group is not None and product["group"]["id"] != group) \
                or (k_typ is not None and attributes.get("K_TYP_NR") != k_typ) \
                or n_typ is not None or not all(w in text for w in query):
            continue   # the dataset has passenger cars only: no commercial vehicle matches a tecdoc.nTypNr
        found.append({k: product[k] for k in ("id", "text", "group", "attributes")})
    return _page(req, "compatibleProducts", found, {} if searching else last_modified(data["modifiedAt"]))


def suggestion_for(offer: Json) -> list[Json]:
    """Vehicles whose make and model words all appear in the offer's name, for a category that supports lists."""
    category = tree().get(((offer.get("category") or {}).get("id")) or "")
    kind = tree().compatibility(category) if category else None
    if kind not in load(COMPATIBILITY)["groups"]:
        return []
    name = set(words(offer.get("name") or ""))
    items = []
    for product in load(COMPATIBILITY)["products"]:
        attributes = _attribute_index()[product["id"]]
        make, model = words(attributes["BRAND"]), words(attributes["MODEL"].split("(")[0])
        if product["type"] == kind and set(make) <= name and set(model) <= name:
            items.append({"type": "TEXT", "text": product["text"]})
    return items


@handler("allegro", "getCompatibilityListSuggestion", backing="derived")
def suggestion(req: Request) -> Reply:
    """Reads the caller's docs of kind `offer` (by `offer.id`, or the first offer of `product.id`). Nothing to
    suggest (neither given, an unknown or foreign offer, no vehicle named in it) is the documented 404."""
    offer_id, product_id = req.param("offer.id"), req.param("product.id")
    seller = req.principal.seller_id if req.principal else None
    offer = None
    if offer_id is not None:
        doc = req.world.store.get_doc(OFFER_KIND, offer_id)
        offer = doc.data if doc is not None and doc.owner == seller else None
    elif seller and product_id is not None:
        offer = next((d.data for d in req.world.store.find(OFFER_KIND, seller)
                      if (d.data.get("product") or {}).get("id") == product_id), None)
    items = suggestion_for(offer) if offer is not None else []
    if not items:
        what = f"offer {offer_id}" if offer_id is not None else f"product {product_id}" if product_id else "request"
        message = f"No compatibility list suggestion for {what}."
        raise AllegroError(404, "NOT_FOUND", message, user_message=message)
    return Reply({"type": "MANUAL", "items": items})
