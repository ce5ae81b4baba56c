"""SKUs: `POST/GET /v1/products/{productId}/skus`, `PUT/DELETE /v1/products/{productId}/skus/{skuId}` and
`GET /v1/skus/{skuId}`. A SKU is found by Voucherify id or source id; under a product, a SKU of another product is
as unknown as a missing one, and an unknown product is 404 `product` before anything else."""

from __future__ import annotations

from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.store.base import Doc
from targ.voucherify.common import found, list_page, not_found, project_of, upsert_target
from targ.voucherify.products.listing import SORT, created_between
from targ.voucherify.products.models import (
    SKU_FIELDS,
    SKU_KIND,
    find_product,
    find_sku,
    lookup,
    render_sku,
    upsert_sku,
)
from targ.voucherify.products.validation import check_price


def _product(req: Request) -> Doc:
    ref = req.path_params["productId"]
    return found(find_product(req.world, project_of(req), ref), "product", ref)


def _sku_of(req: Request, product: Doc) -> Doc:
    ref = req.path_params["skuId"]
    sku = find_sku(req.world, project_of(req), ref)
    if sku is None or sku.data["product_id"] != product.id:
        raise not_found("sku", ref)
    return sku


@handler("voucherify", "create-sku")
def create_sku(req: Request) -> Reply:
    """Upsert: "If you pass an `id` or a `source_id` that already exists in the sku database, Voucherify will
    return a related sku object with updated fields" (SKU source ids are unique in the whole catalogue: a SKU of
    another product named here is updated where it is). An unknown `id` is 404 `sku`."""
    product = _product(req)
    body = req.body or {}
    check_price(body)
    project = project_of(req)
    existing = upsert_target(lookup(req.world, project, SKU_KIND, body), body, "sku")
    stored = upsert_sku(req.world, project, existing, body.get("source_id"), product.id, body, SKU_FIELDS)
    return Reply(render_sku(stored))


@handler("voucherify", "update-sku")
def update_sku(req: Request) -> Reply:
    """"Fields other than the ones listed in the request body schema won't be modified. Even if provided, they will
    be silently skipped"; the fields not given are left unchanged."""
    sku = _sku_of(req, _product(req))
    body = req.body or {}
    check_price(body)
    return Reply(render_sku(upsert_sku(req.world, project_of(req), sku, None, None, body, SKU_FIELDS)))


@handler("voucherify", "delete-sku")
def delete_sku(req: Request) -> Reply:
    """Gone with or without `force` (the bin is not kept, as for products); its source id is free again."""
    sku = _sku_of(req, _product(req))
    req.world.store.delete(SKU_KIND, sku.id)
    return Reply(None, 204)


@handler("voucherify", "list-SKUs-in-product")
def list_skus(req: Request) -> Reply:
    product = _product(req)
    keep = created_between(req)
    in_product = lambda d: d["product_id"] == product.id and keep(d)  # noqa: E731
    skus, total = list_page(req.world, SKU_KIND, project_of(req), req, SORT, keep=in_product)
    return Reply({"object": "list", "data_ref": "skus", "skus": [render_sku(s) for s in skus], "total": total})


@handler("voucherify", "get-sku")
def get_sku(req: Request) -> Reply:
    ref = req.path_params["skuId"]
    doc = found(find_sku(req.world, project_of(req), ref), "sku", ref)
    return Reply(render_sku(doc.data))
