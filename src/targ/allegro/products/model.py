"""Products: the public catalogue plus what sellers propose, and how they look on the wire.

A product doc (kind `product`) is owned by "" (the catalogue, LISTED, visible to everyone) or by the seller who
proposed it (`POST /sale/product-proposals`, or an offer created with full product data): PROPOSED, a catalogue
entry in that seller's view only, as the vendor shows a proposal to its author while Allegro verifies it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from targ.allegro.catalog.tree import tree
from targ.allegro.errors import AllegroError
from targ.allegro.messages import localised
from targ.allegro.products import parameters as params
from targ.allegro.products.catalog import EAN, MPN, PRODUCT_KIND, PUBLIC
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

NAME_LIMIT = 75


def visible(world: World, product_id: str, seller: str | None) -> Json | None:
    """The product if the caller may see it: the catalogue's, or one the caller proposed."""
    doc = world.store.get_doc(PRODUCT_KIND, str(product_id))
    if doc is None or doc.owner not in (PUBLIC, seller):
        return None
    return doc.data


def all_visible(world: World, seller: str | None) -> list[Json]:
    own = [d.data for d in world.store.find(PRODUCT_KIND, seller)] if seller else []
    return [d.data for d in world.store.find(PRODUCT_KIND, PUBLIC)] + own


def digits(text: str) -> str:
    return re.sub(r"\D", "", str(text))


def gtins(product: Json) -> list[str]:
    return [digits(v) for v in params.values_of(product.get("parameters"), EAN) if digits(v)]


def mpns(product: Json) -> list[str]:
    return [v.casefold() for v in params.values_of(product.get("parameters"), MPN)]


def by_gtin(world: World, gtin: str, seller: str | None) -> Json | None:
    wanted = digits(gtin).lstrip("0")
    return next((p for p in all_visible(world, seller) if wanted and any(g.lstrip("0") == wanted for g in gtins(p))),
                None)


def by_mpn(world: World, mpn: str, seller: str | None) -> Json | None:
    return next((p for p in all_visible(world, seller) if mpn.casefold() in mpns(p)), None)


def product_not_found(product_id: str) -> AllegroError:
    return AllegroError(404, "NOT_FOUND", f"Product {product_id} not found.",
                        user_message="Nie znaleziono produktu.")


# --- views ----------------------------------------------------------------------------------------------------------
def category_with_path(category_id: str, similar: list[Json] | None = None) -> Json:
    categories = tree()
    category = categories.get(category_id)
    path = [{"id": c["id"], "name": localised(c, "name")} for c in categories.path(category)] \
        if category else []
    out: Json = {"id": category_id, "path": path}
    if similar is not None:
        out["similar"] = [category_with_path(s["id"]) for s in similar]
    return out


def product_view(product: Json) -> Json:
    """SaleProductDto (and the items of GetSaleProductsResponse)."""
    out: Json = {
        "id": product["id"],
        "name": product["name"],
        "category": category_with_path(product["category"]["id"], product["category"].get("similar", [])),
        "images": [dict(i) for i in product.get("images") or ()],
        "parameters": [params.view(p) for p in product.get("parameters") or ()],
        "hasProtectedBrand": False,
        "publication": {"status": product["publication"]["status"]},
    }
    if product.get("description"):
        out["description"] = product["description"]
    return out


# --- proposals ------------------------------------------------------------------------------------------------------
def leaf_category(category_id: str | None, where: str) -> Json:
    category = tree().get(str(category_id or ""))
    if category is None:
        raise params.invalid(f"Category '{category_id}' not found", where, code="CategoryNotFoundException")
    if not category["leaf"]:
        raise params.invalid(f"Category {category_id} is not a leaf category.", where)
    return category


def image_urls(images: list[Any] | None) -> list[Json]:
    """Images as `[{"url"}]` whether a body sent strings (offers) or objects (proposals)."""
    return [{"url": i["url"]} if isinstance(i, dict) else {"url": str(i)} for i in images or ()]


def propose(world: World, seller: str, data: Json, *, where: str = "") -> Json:
    """A new product proposed by `seller` from ProductProposalsRequest-like data (a proposal, or an offer's
    `productSet[].product` without an id). Raises the vendor's errors before writing anything."""
    return store_proposal(world, seller, check_proposal(world, seller, data, where=where))


def check_proposal(world: World, seller: str, data: Json, *, where: str = "") -> Json:
    """The product doc a proposal would store (without its id), or the vendor's error."""
    prefix = f"{where}." if where else ""
    name = str(data.get("name") or "").strip()
    if not name:
        raise params.invalid("The product name is required.", f"{prefix}name")
    if len(name) > NAME_LIMIT:
        raise params.invalid(f"The product name may have at most {NAME_LIMIT} characters.", f"{prefix}name")
    category = leaf_category((data.get("category") or {}).get("id"), f"{prefix}category.id")
    images = image_urls(data.get("images"))
    if not images:
        raise params.invalid("At least one image is required.", f"{prefix}images")
    stored = params.normalise(data.get("parameters"), category, f"{prefix}parameters")
    missing = params.missing_required(stored, category, world, product=True)
    if missing:
        required = len(params.missing_required([], category, world, product=True))
        given = required - len(missing)
        # The vendor's own wording (allegro-api#4252, #3470).
        raise params.invalid(f"Unable to create product without all required parameters ({given} / {required})",
                             f"{prefix}parameters", code="ProductCreateFailedException",
                             user_message=f"Nie można stworzyć produktu bez podania wszystkich parametrów "
                                          f"wymaganych ({given} / {required})",
                             metadata={"missingParameters": ",".join(missing)})
    for gtin in gtins({"parameters": stored}):
        existing = by_gtin(world, gtin, seller)
        if existing is not None:
            raise AllegroError(409, "PRODUCT_ALREADY_EXISTS", f"A product with GTIN {gtin} already exists.",
                               path=f"{prefix}parameters", user_message="Taki produkt już istnieje w katalogu.",
                               metadata={"productId": existing["id"]})
    product = {
        "name": name,
        "category": {"id": category["id"], "similar": []},
        "images": images,
        "parameters": stored,
        "language": str(data.get("language") or "pl-PL"),   # the proposal's own language, Polish unless given
        "publication": {"status": "PROPOSED"},
    }
    if data.get("description"):
        product["description"] = data["description"]
    return product


def store_proposal(world: World, seller: str, product: Json) -> Json:
    now = iso(world.clock.now_ms())
    product = {"id": world.ids.uuid(PRODUCT_KIND), **product, "createdAt": now, "updatedAt": now}
    world.store.put(PRODUCT_KIND, product["id"], product, owner=seller)
    return product


def proposal_view(product: Json) -> Json:
    """ProductProposalsResponse."""
    out: Json = {
        "id": product["id"], "name": product["name"],
        "category": {"id": product["category"]["id"], "similar": list(product["category"].get("similar") or [])},
        "images": [dict(i) for i in product["images"]],
        "parameters": [{k: v for k, v in p.items()} for p in product["parameters"]],
        "language": product.get("language", "pl-PL"),
        "publication": {"status": product["publication"]["status"]},
    }
    if product.get("description"):
        out["description"] = product["description"]
    return out
