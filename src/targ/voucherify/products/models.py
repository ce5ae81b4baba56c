"""Voucherify products and SKUs, as order items upsert them.

`override: true` on an item's `product`/`sku` "is used to store the product information in the system. If the
product does not exist, it will be created with a source_id; if it does exist, the provided values for the name,
price, and metadata will replace those already stored". Prices are stored as integers (minor units): the product
resources declare `price` an integer, while an order item's snapshot may carry the float the client sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.voucherify.common import find_doc, given, iso_or_none, to_int

if TYPE_CHECKING:
    from collections.abc import Callable

    from targ.store.base import Doc
    from targ.world import World

PRODUCT_KIND = "vf_product"
SKU_KIND = "vf_sku"


def find_product(world: World, project: str, ref: str, *, by_source: bool = True) -> Doc | None:
    return find_doc(world, PRODUCT_KIND, project, ref, by_source=by_source)


def find_sku(world: World, project: str, ref: str, *, by_source: bool = True) -> Doc | None:
    return find_doc(world, SKU_KIND, project, ref, by_source=by_source)


def upsert_product(world: World, project: str, existing: Doc | None, source_id: str | None,
                   data: dict[str, Any]) -> dict[str, Any]:
    """Creates the product (with `source_id`) or replaces the name, price and metadata given in `data`."""
    return _upsert(world, project, PRODUCT_KIND, existing, data, "name", lambda now: {
        "id": "prod_" + world.ids.hex("vf_product", 18), "source_id": source_id, "name": None, "price": None,
        "attributes": [], "metadata": {}, "image_url": None, "created_at": now, "updated_at": None,
    })


def upsert_sku(world: World, project: str, existing: Doc | None, source_id: str | None, product_id: str | None,
               data: dict[str, Any]) -> dict[str, Any]:
    """Creates the SKU under `product_id` or replaces the `sku` name, price and metadata given in `data`."""
    return _upsert(world, project, SKU_KIND, existing, data, "sku", lambda now: {
        "id": "sku_" + world.ids.hex("vf_sku", 18), "source_id": source_id, "product_id": product_id,
        "sku": None, "price": None, "currency": None, "attributes": {}, "image_url": None, "metadata": {},
        "created_at": now, "updated_at": None,
    })


def _upsert(world: World, project: str, kind: str, existing: Doc | None, data: dict[str, Any], name_field: str,
            new: Callable[[int], dict[str, Any]]) -> dict[str, Any]:
    """Stores `new(now)` if nothing exists yet, else a copy of `existing` marked updated; `data` applied to either."""
    now = world.clock.now_ms()
    if existing is None:
        stored = new(now)
    else:
        stored = dict(existing.data)
        stored["updated_at"] = now
    _apply(stored, data, name_field)
    world.store.put(kind, stored["id"], stored, owner=project, alt=stored["source_id"])
    return stored


def _apply(stored: dict[str, Any], data: dict[str, Any], name_field: str) -> None:
    if given(data, name_field):
        stored[name_field] = data[name_field]
    if given(data, "price"):
        stored["price"] = to_int(data["price"])
    if given(data, "metadata"):
        stored["metadata"] = data["metadata"]


def product_snapshot(product: dict[str, Any]) -> dict[str, Any]:
    """The product as an order item shows it."""
    return {k: product[k] for k in ("id", "source_id", "name", "metadata", "price")}


def sku_snapshot(sku: dict[str, Any]) -> dict[str, Any]:
    return {k: sku[k] for k in ("id", "source_id", "sku", "metadata", "price")}


def render_sku(sku: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": sku["id"], "source_id": sku["source_id"], "product_id": sku["product_id"], "sku": sku["sku"],
        "price": sku["price"], "currency": sku["currency"], "attributes": sku["attributes"],
        "image_url": sku["image_url"], "metadata": sku["metadata"],
        "created_at": iso_or_none(sku["created_at"]), "updated_at": iso_or_none(sku["updated_at"]), "object": "sku",
    }


def skus_of(world: World, project: str, product_id: str) -> list[dict[str, Any]]:
    """A product's SKUs in creation order."""
    return [d.data for d in world.store.find(SKU_KIND, project) if d.data["product_id"] == product_id]


def render_product(product: dict[str, Any], skus: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": product["id"], "source_id": product["source_id"], "name": product["name"], "price": product["price"],
        "attributes": product["attributes"], "metadata": product["metadata"], "image_url": product["image_url"],
        "created_at": iso_or_none(product["created_at"]), "updated_at": iso_or_none(product["updated_at"]),
        "object": "product",
        "skus": {"object": "list", "data_ref": "data", "data": [render_sku(s) for s in skus], "total": len(skus)},
    }
