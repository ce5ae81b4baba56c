"""`GET /sale/products`: searching the catalogue the caller sees (the public one plus its own proposals).

* `phrase` with `mode=GTIN` / `mode=MPN` matches the product's EAN (leading zeros ignored) / producer code exactly;
  without `mode` every word of the phrase must appear in the name, a GTIN, the MPN or a parameter value (words are
  compared without diacritics, as catalog/matching.py does).
* `category.id` narrows a phrase search to the category and its subtree (the vendor: "only when searching by
  phrase", so alone it is a 422); `searchFeatures=SIMILAR_CATEGORIES` also takes products whose similar categories
  include it.
* Dynamic filters: any other query parameter named by a parameter id, `<id>=<valueId>` for dictionaries,
  `<id>.from` / `<id>.to` for numbers, `<id>=<text>` otherwise.
* Paging: 30 products a page; `nextPage.id` is an opaque cursor (an unknown one is a 422).
"""

from __future__ import annotations

import base64
from decimal import Decimal, InvalidOperation

from targ.allegro.catalog.matching import words
from targ.allegro.catalog.tree import tree
from targ.allegro.errors import AllegroError
from targ.allegro.messages import localised
from targ.allegro.products import model
from targ.allegro.products import parameters as params
from targ.http.request import Request
from targ.json_types import Json

PAGE_SIZE = 30


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"products:{offset}".encode()).decode()


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = text.partition(":")
        if prefix == "products" and number.isdigit():
            return int(number)
    except ValueError:
        pass
    raise AllegroError(422, "VALIDATION_ERROR", f"Invalid page.id: {cursor}", path="page.id")


def _in_subtree(category_id: str, root: str) -> bool:
    category = tree().get(category_id)
    return category is not None and any(c["id"] == root for c in tree().path(category))


def _text_of(product: Json) -> set[str]:
    found = set(words(product["name"]))
    for param in product.get("parameters") or ():
        for value in params.searchable_values(param):
            found.update(words(str(value)))
    return found


def _matches_phrase(product: Json, phrase: str, mode: str | None) -> bool:
    if mode == "GTIN":
        wanted = model.digits(phrase).lstrip("0")
        return bool(wanted) and any(g.lstrip("0") == wanted for g in model.gtins(product))
    if mode == "MPN":
        return phrase.strip().casefold() in model.mpns(product)
    text = _text_of(product)
    return all(w in text for w in words(phrase))


def _matches_filter(product: Json, key: str, value: str) -> bool:
    pid, _, suffix = key.partition(".")
    found = next((p for p in product.get("parameters") or () if p["id"] == pid), None)
    if found is None:
        return False
    if suffix in ("from", "to"):
        try:
            number, bound = Decimal(str((found.get("values") or ["x"])[0])), Decimal(value)
        except InvalidOperation:
            return False
        return number >= bound if suffix == "from" else number <= bound
    return value in (found.get("valuesIds") or []) or value.casefold() in [v.casefold() for v in found.get("values")
                                                                             or []]


def dynamic_filters(req: Request) -> dict[str, str]:
    """Query parameters that name category parameters (`225247=225247_1`, `209631.from=5000`)."""
    return {k: v for k, v in req.query_pairs if params.definition(k.partition(".")[0]) is not None}


def search(req: Request, seller: str | None) -> Json:
    phrase, mode = req.param("phrase"), req.param("mode")
    category_id, similar = req.param("category.id"), req.param("searchFeatures") == "SIMILAR_CATEGORIES"
    if category_id and not phrase:
        raise AllegroError(422, "VALIDATION_ERROR", "category.id can only be used when searching by phrase.",
                           path="category.id")
    if mode and not phrase:
        raise AllegroError(422, "VALIDATION_ERROR", "mode can only be used with a phrase.", path="mode")
    if category_id and tree().get(category_id) is None:
        raise AllegroError(422, "VALIDATION_ERROR", f"Category '{category_id}' not found", path="category.id")
    found = model.all_visible(req.world, seller)
    if phrase:
        found = [p for p in found if _matches_phrase(p, phrase, mode)]
    in_phrase = found
    if category_id:
        found = [p for p in found if _in_subtree(p["category"]["id"], category_id)
                 or (similar and category_id in [s["id"] for s in p["category"].get("similar") or ()])]
    for key, value in dynamic_filters(req).items():
        found = [p for p in found if _matches_filter(p, key, value)]
    offset = _offset(req.param("page.id"))
    page = found[offset:offset + PAGE_SIZE]
    out: Json = {
        "products": [model.product_view(p) for p in page],
        "categories": _categories(in_phrase, category_id),
        "filters": _filters(found, dynamic_filters(req)),
    }
    if offset + PAGE_SIZE < len(found):
        out["nextPage"] = {"id": _cursor(offset + PAGE_SIZE)}
    return out


def _categories(products: list[Json], category_id: str | None) -> Json:
    """Where the phrase's products are: the children of `category_id` (or the main categories) with counts."""
    categories = tree()
    parent = categories.get(category_id) if category_id else None
    children = categories.children.get(parent["id"] if parent else None, [])
    counts = []
    for child in children:
        count = sum(1 for p in products if _in_subtree(p["category"]["id"], child["id"]))
        if count:
            counts.append({"id": child["id"], "name": localised(child, "name"), "count": count})
    path = [{"id": c["id"], "name": localised(c, "name")} for c in categories.path(parent)] \
        if parent else []
    return {"subcategories": counts, "path": path}


def _filters(products: list[Json], selected: dict[str, str]) -> list[Json]:
    """A MULTI filter per dictionary parameter the results carry, with each value's count."""
    out: list[Json] = []
    seen: dict[str, dict[str, int]] = {}
    for product in products:
        for param in product.get("parameters") or ():
            for value_id in param.get("valuesIds") or ():
                seen.setdefault(param["id"], {}).setdefault(value_id, 0)
                seen[param["id"]][value_id] += 1
    for pid, counts in seen.items():
        spec = params.definition(pid)
        if spec is None:
            continue
        labels = {e["id"]: localised(e, "value") for e in spec.get("dictionary") or ()}
        out.append({"id": pid, "type": "MULTI", "name": localised(spec, "name"),
                    "values": [{"name": labels.get(v, v), "value": v, "count": n, "selected": selected.get(pid) == v}
                               for v, n in counts.items()]})
    return out
