"""Order items: which product or SKU each names, the upserts `override: true` asks for, and the item amounts.

An item names its product or SKU by Voucherify id (`product_id`/`sku_id`, or `product.id`/`sku.id`) or by source id
(`source_id` of the item, which is the product's for `related_object: product` and the SKU's for `sku`, or the
`source_id` inside `product`/`sku`). Items are stored as computed snapshots: a later change to the product does not
rewrite an existing order, as with the vendor.

Amounts (voucherify-wire.md §2.2): price = the item's, else the SKU's (for SKU items), else the product's; amount =
the item's, else price × quantity; subtotal = amount − discount.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.voucherify.common import given, invalid_payload, not_found, to_int
from targ.voucherify.products.models import (
    find_product,
    find_sku,
    product_snapshot,
    sku_snapshot,
    upsert_product,
    upsert_sku,
)

if TYPE_CHECKING:
    from targ.http.errors import VoucherifyError
    from targ.store.base import Doc
    from targ.world import World

# Numbers of an item the order echoes as given.
ECHOED = ("discount_quantity", "initial_quantity", "initial_amount")


def related_object(item: dict[str, Any]) -> str | None:
    """`product` or `sku` as given, else inferred from what the item names (nothing: a bare amount line)."""
    if given(item, "related_object"):
        kind: str = item["related_object"]      # one of the two: the edge validates the body
        return kind
    if given(item, "sku_id") or given(item, "sku"):
        return "sku"
    if any(given(item, k) for k in ("product_id", "product", "source_id")):
        return "product"
    return None


class _Refs:
    """What an item names, before anything is looked up."""

    def __init__(self, item: dict[str, Any]) -> None:
        self.kind = related_object(item)
        self.product = item.get("product") or {}
        self.sku = item.get("sku") or {}
        self.product_id = item.get("product_id") or self.product.get("id")
        self.sku_id = item.get("sku_id") or self.sku.get("id")
        own = item.get("source_id")
        if self.kind == "sku":
            self.sku_source = own or self.sku.get("source_id")
            self.product_source = self.product.get("source_id")
        else:
            self.sku_source = None
            self.product_source = own or self.product.get("source_id")


def _lookup(world: World, project: str, refs: _Refs) -> tuple[Doc | None, Doc | None]:
    """(product, SKU) already stored for the item's references."""
    sku = None
    if refs.kind == "sku":
        ref = refs.sku_id or refs.sku_source
        sku = find_sku(world, project, ref) if ref else None
    ref = refs.product_id or refs.product_source
    product = find_product(world, project, ref) if ref else None
    if product is None and sku is not None and sku.data["product_id"]:
        product = find_product(world, project, sku.data["product_id"], by_source=False)
    return product, sku


def item_problem(world: World, project: str, item: dict[str, Any], path: str,
                 upserted: set[str]) -> VoucherifyError | None:
    """The error writing this item would run into (an unknown id, a new SKU without a product), found before
    anything is written: an import records it as the order's failure and writes nothing of that order.
    `upserted` holds the product source ids earlier items of the same order create; this item's are added."""
    refs = _Refs(item)
    if refs.product_id and find_product(world, project, refs.product_id) is None:
        return not_found("product", refs.product_id)
    if refs.kind == "sku" and refs.sku_id and find_sku(world, project, refs.sku_id) is None:
        return not_found("sku", refs.sku_id)
    product, sku = _lookup(world, project, refs)
    has_product = product is not None or (refs.product_source in upserted) or bool(refs.product.get("override"))
    if refs.product.get("override") and refs.product_source:
        upserted.add(refs.product_source)
    if refs.kind == "sku" and refs.sku.get("override") and sku is None and not has_product:
        # A SKU always belongs to a product: name one, or upsert it with `product.override`.
        return invalid_payload(f"Property .{path}.product is required to create a SKU")
    return None


def build_item(world: World, project: str, item: dict[str, Any]) -> dict[str, Any]:
    """The stored (and returned) form of one item, upserting its product and SKU where `override` says so.
    Call `item_problem` first."""
    refs = _Refs(item)
    product_doc, sku_doc = _lookup(world, project, refs)
    product = product_doc.data if product_doc else None
    sku = sku_doc.data if sku_doc else None
    if refs.product.get("override"):
        product = upsert_product(world, project, product_doc, refs.product_source, refs.product)
    if refs.kind == "sku" and refs.sku.get("override"):
        parent = product["id"] if product else None
        sku = upsert_sku(world, project, sku_doc, refs.sku_source, parent, refs.sku)
    product_view = _snapshot(product, refs.product, product_snapshot)
    sku_view = _snapshot(sku, refs.sku, sku_snapshot) if refs.kind == "sku" else None
    out: dict[str, Any] = {"object": "order_item"}
    source = item.get("source_id") or (sku_view or product_view or {}).get("source_id")
    _put(out, "source_id", source)
    _put(out, "related_object", refs.kind)
    _put(out, "product_id", product["id"] if product else refs.product_id)
    _put(out, "sku_id", sku["id"] if sku else (refs.sku_id if refs.kind == "sku" else None))
    _amounts(out, item, product_view, sku_view)
    _put(out, "product", product_view)
    _put(out, "sku", sku_view)
    _put(out, "metadata", item.get("metadata"))
    return out


def _snapshot(stored: dict[str, Any] | None, sent: dict[str, Any], view: Any) -> dict[str, Any] | None:
    """The stored record as the item shows it. Without override what the request sent is only echoed, on top of
    the stored record, never stored; with override the stored record already holds it."""
    base = view(stored) if stored else {}
    if sent.get("override"):
        return base or None
    extra = {k: v for k, v in sent.items() if k != "override" and v is not None and not (stored and k == "id")}
    return {**base, **extra} or None


def _amounts(out: dict[str, Any], item: dict[str, Any], product: dict[str, Any] | None,
             sku: dict[str, Any] | None) -> None:
    price = to_int(item.get("price"))
    if price is None and sku is not None:
        price = to_int(sku.get("price"))
    if price is None and product is not None:
        price = to_int(product.get("price"))
    quantity = item.get("quantity")
    amount = item.get("amount")
    if amount is None and price is not None and quantity is not None:
        amount = price * quantity
    discount = item.get("discount_amount")
    _put(out, "quantity", quantity)
    for key in ECHOED:
        _put(out, key, item.get(key))
    _put(out, "amount", amount)
    _put(out, "discount_amount", discount)
    _put(out, "price", price)
    if amount is not None:
        out["subtotal_amount"] = amount - (discount or 0)


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    """Absent values are left out, as the vendor's responses do."""
    if value is not None:
        out[key] = value
