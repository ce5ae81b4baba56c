"""Product operations: catalogue search and reads, product proposals and product change proposals.

Change proposals (kind `product-change-proposal`, owner = the proposing seller) pair every proposed value with the
current one. A change to a product the seller itself proposed (still PROPOSED, only in its own view) is ACCEPTED and
applied at once; a change to a catalogue product stays UNRESOLVED: Allegro's staff review is not modelled (the same
choice as for badges, docs/resources.md).
"""

from __future__ import annotations

from typing import Any

from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.messages import speaking
from targ.allegro.products import model, search
from targ.allegro.products import parameters as params
from targ.allegro.products.catalog import PRODUCT_KIND
from targ.clock import iso
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json

CHANGE_KIND = "product-change-proposal"


def seller_of(req: Request) -> str:
    if req.principal is None or req.principal.seller_id is None:
        raise access_denied()
    return req.principal.seller_id


@handler("allegro", "getSaleProducts")
def search_products(req: Request) -> Reply:
    return Reply(search.search(req, seller_of(req)))


@handler("allegro", "getSaleProduct")
def get_product(req: Request) -> Reply:
    product = model.visible(req.world, req.param("productId"), seller_of(req))
    if product is None:
        raise model.product_not_found(req.param("productId"))
    category_id = req.param("category.id")
    allowed = [product["category"]["id"], *[s["id"] for s in product["category"].get("similar") or ()]]
    if category_id and category_id not in allowed:
        raise AllegroError(422, "VALIDATION_ERROR",
                           f"Category {category_id} is not a category of product {product['id']}.", path="category.id")
    # The operation's own `language` parameter picks the language of the names, over Accept-Language.
    with speaking(req.param("language") or req.language):
        return Reply(model.product_view(product))


@handler("allegro", "proposeSaleProduct")
def propose_product(req: Request) -> Reply:
    product = model.propose(req.world, seller_of(req), req.body)
    return Reply(model.proposal_view(product))


def _pair(current: Any, proposal: Any, resolution: str) -> Json:
    out: Json = {"current": current, "proposal": proposal, "resolutionType": resolution}
    return {k: v for k, v in out.items() if v is not None}


@handler("allegro", "productChangeProposal")
def propose_change(req: Request) -> Reply:
    seller = seller_of(req)
    product = model.visible(req.world, req.param("productId"), seller)
    if product is None:
        raise model.product_not_found(req.param("productId"))
    body: Json = req.body
    category = model.leaf_category(body["category"].get("id"), "category.id")
    images = model.image_urls(body.get("images"))
    if not images:
        raise params.invalid("At least one image is required.", "images")
    proposed = params.normalise(body.get("parameters"), category)
    own = req.world.store.get_doc(PRODUCT_KIND, product["id"])
    # The author of a still-PROPOSED product may correct it; catalogue products wait for a review.
    resolution = "ACCEPTED" if own is not None and own.owner == seller else "UNRESOLVED"
    current_params = {p["id"]: p for p in product.get("parameters") or ()}
    changed_params = []
    for param in proposed:
        before = current_params.get(param["id"], {})
        old = ",".join(params.values_of([before], param["id"])) or None
        new = ",".join(params.values_of([param], param["id"]))
        if old != new:
            changed_params.append({"id": param["id"], "values": [_pair(old, new, resolution)]})
    old_images = [i["url"] for i in product.get("images") or ()]
    proposal = {
        "id": req.world.ids.uuid(CHANGE_KIND),
        "name": _pair(product["name"], body["name"], resolution),
        "category": _pair(product["category"]["id"], category["id"], resolution),
        "images": [_pair(old_images[i] if i < len(old_images) else None, image["url"], resolution)
                   for i, image in enumerate(images)],
        "parameters": changed_params,
        "notifyViaEmailAfterVerification": bool(body.get("notifyViaEmailAfterVerification", False)),
        "language": body.get("language") or "pl-PL",
        "_product": product["id"],
    }
    if body.get("note"):
        proposal["note"] = body["note"]
    req.world.store.put(CHANGE_KIND, proposal["id"], proposal, owner=seller)
    if resolution == "ACCEPTED":
        merged = {p["id"]: p for p in product.get("parameters") or ()}
        merged.update({p["id"]: p for p in proposed})
        product.update(name=body["name"], category={"id": category["id"], "similar": []}, images=images,
                       parameters=list(merged.values()), updatedAt=iso(req.world.clock.now_ms()))
        req.world.store.put(PRODUCT_KIND, product["id"], product, owner=seller)
    location = f"{req.base_url}/sale/products/change-proposals/{proposal['id']}"
    return Reply(_change_view(proposal), headers={"location": location})


def _change_view(proposal: Json) -> Json:
    return {k: v for k, v in proposal.items() if not k.startswith("_")}


@handler("allegro", "getProductChangeProposal")
def get_change(req: Request) -> Reply:
    doc = req.world.store.get_doc(CHANGE_KIND, req.param("changeProposalId"))
    if doc is None:
        raise AllegroError(404, "NOT_FOUND", f"Product change proposal {req.param('changeProposalId')} not found.")
    if doc.owner != seller_of(req):
        raise access_denied()
    return Reply(_change_view(doc.data))
