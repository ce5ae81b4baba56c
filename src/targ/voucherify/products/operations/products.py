"""`/v1/products`: create (an upsert), get by Voucherify id or source id, list, update and delete, on the same
records order items upsert."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.voucherify.common import list_page, path_doc, project_of, upsert_target
from targ.voucherify.products.listing import SORT, created_between
from targ.voucherify.products.models import (
    PRODUCT_FIELDS,
    PRODUCT_KIND,
    SKU_KIND,
    delete_product,
    find_product,
    lookup,
    render_product,
    skus_of,
    upsert_product,
)
from targ.voucherify.products.validation import check_price


@handler("voucherify", "create-product")
def create_product(req: Request) -> Reply:
    """Upsert: "If you pass an `id` or a `source_id` that already exists in the product database, Voucherify will
    return a related product object with updated fields". An unknown `id` is 404 (only Voucherify assigns them)."""
    body = req.body or {}
    check_price(body)
    project = project_of(req)
    existing = upsert_target(lookup(req.world, project, PRODUCT_KIND, body), body, "product")
    stored = upsert_product(req.world, project, existing, body.get("source_id"), body, PRODUCT_FIELDS)
    return Reply(render_product(stored, None))


@handler("voucherify", "get-product")
def get_product(req: Request) -> Reply:
    project, doc = path_doc(req, "productId", "product", find_product)
    return Reply(render_product(doc.data, skus_of(req.world, project, doc.id)))


@handler("voucherify", "update-product")
def update_product(req: Request) -> Reply:
    """"Any parameters not provided in the payload will be left unchanged"; fields outside the update schema
    (`id`, `source_id`) are skipped."""
    project, doc = path_doc(req, "productId", "product", find_product)
    body = req.body or {}
    check_price(body)
    return Reply(render_product(upsert_product(req.world, project, doc, None, body, PRODUCT_FIELDS), None))


@handler("voucherify", "delete-product")
def delete(req: Request) -> Reply:
    """The product and its SKUs are gone either way: with `force` for good, without it "moved to the bin", which
    targ does not keep (its bin endpoints are not stateful); the source ids are free again in both cases."""
    delete_product(req.world, *path_doc(req, "productId", "product", find_product))
    return Reply(None, 204)


@handler("voucherify", "list-products")
def list_products(req: Request) -> Reply:
    project = project_of(req)
    products, total = list_page(req.world, PRODUCT_KIND, project, req, SORT, keep=created_between(req))
    skus: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in req.world.store.find(SKU_KIND, project):
        skus[doc.data["product_id"]].append(doc.data)
    return Reply({"object": "list", "data_ref": "products",
                  "products": [render_product(p, skus[p["id"]]) for p in products], "total": total})
