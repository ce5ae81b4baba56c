"""Voucherify products and SKUs: what order items upsert and what the product endpoints create, update and delete
(the same records: a product made by `POST /v1/products` is found by an order item, and the other way round).

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
# What an order item's `override` replaces ("the provided values for the name, price, and metadata").
OVERRIDE_FIELDS = ("name", "price", "metadata")
SKU_OVERRIDE_FIELDS = ("sku", "price", "metadata")
# What the product and SKU endpoints set: the fields of their request schemas; others are "silently skipped".
PRODUCT_FIELDS = ("name", "price", "attributes", "metadata", "image_url")
SKU_FIELDS = ("sku", "price", "currency", "attributes", "image_url", "metadata")


def find_product(world: World, project: str, ref: str, *, by_source: bool = True) -> Doc | None:
    return find_doc(world, PRODUCT_KIND, project, ref, by_source=by_source)


def find_sku(world: World, project: str, ref: str, *, by_source: bool = True) -> Doc | None:
    return find_doc(world, SKU_KIND, project, ref, by_source=by_source)


def lookup(world: World, project: str, kind: str, data: dict[str, Any]) -> Doc | None:
    """The stored product or SKU an upsert body names: by `id`, else by `source_id`."""
    if given(data, "id"):
        return find_doc(world, kind, project, data["id"], by_source=False)
    if given(data, "source_id"):
        return world.store.get_by_alt(kind, project, data["source_id"])
    return None


def upsert_product(world: World, project: str, existing: Doc | None, source_id: str | None,
                   data: dict[str, Any], fields: tuple[str, ...] = OVERRIDE_FIELDS) -> dict[str, Any]:
    """Creates the product (with `source_id`) or replaces the `fields` given in `data` (an order item's
    `override`: name, price and metadata; the product endpoints: every field of their schema)."""
    return _upsert(world, project, PRODUCT_KIND, existing, data, fields, lambda now: {
        "id": "prod_" + world.ids.hex("vf_product", 18), "source_id": source_id, "name": None, "price": None,
        "attributes": [], "metadata": {}, "image_url": None, "created_at": now, "updated_at": None,
    })


def upsert_sku(world: World, project: str, existing: Doc | None, source_id: str | None, product_id: str | None,
               data: dict[str, Any], fields: tuple[str, ...] = SKU_OVERRIDE_FIELDS) -> dict[str, Any]:
    """Creates the SKU under `product_id` or replaces the `fields` given in `data`."""
    return _upsert(world, project, SKU_KIND, existing, data, fields, lambda now: {
        "id": "sku_" + world.ids.hex("vf_sku", 18), "source_id": source_id, "product_id": product_id,
        "sku": None, "price": None, "currency": None, "attributes": {}, "image_url": None, "metadata": {},
        "created_at": now, "updated_at": None,
    })


def _upsert(world: World, project: str, kind: str, existing: Doc | None, data: dict[str, Any],
            fields: tuple[str, ...], new: Callable[[int], dict[str, Any]]) -> dict[str, Any]:
    """Stores `new(now)` if nothing exists yet, else a copy of `existing` marked updated; the `fields` `data`
    gives are applied to either, the others left as they were."""
    now = world.clock.now_ms()
    if existing is None:
        stored = new(now)
    else:
        stored = dict(existing.data)
        stored["updated_at"] = now
    for key in fields:
        if given(data, key):
            stored[key] = to_int(data[key]) if key == "price" else data[key]
    world.store.put(kind, stored["id"], stored, owner=project, alt=stored["source_id"])
    return stored


def merge_metadata(world: World, project: str, existing: Doc | None, source_id: str,
                   metadata: dict[str, Any]) -> dict[str, Any]:
    """A metadata bulk update of one product: the keys given set, the others kept; an unknown source id is
    upserted (a new product holding only that metadata)."""
    merged = {**((existing.data.get("metadata") or {}) if existing else {}), **metadata}
    return upsert_product(world, project, existing, source_id, {"metadata": merged}, ("metadata",))


def delete_product(world: World, project: str, product: Doc) -> None:
    """The product and every SKU of it, gone for later lookups (order items keep their snapshots)."""
    for sku in skus_of(world, project, product.id):
        world.store.delete(SKU_KIND, sku["id"])
    world.store.delete(PRODUCT_KIND, product.id)


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


def render_product(product: dict[str, Any], skus: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The vendor's product; with its SKUs where the vendor lists them (get, list), without on create and update
    (as the vendor's examples of those answers)."""
    out = {
        "id": product["id"], "source_id": product["source_id"], "name": product["name"], "price": product["price"],
        "attributes": product["attributes"], "metadata": product["metadata"], "image_url": product["image_url"],
        "created_at": iso_or_none(product["created_at"]), "updated_at": iso_or_none(product["updated_at"]),
        "object": "product",
    }
    if skus is not None:
        out["skus"] = {"object": "list", "data_ref": "data", "data": [render_sku(s) for s in skus],
                       "total": len(skus)}
    return out
