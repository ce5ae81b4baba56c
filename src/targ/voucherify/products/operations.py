"""Products and SKUs as order items upserted them: `GET /v1/products[/{id}]`, `GET /v1/products/{id}/skus` and
`GET /v1/skus/{id}` (by Voucherify id or source id)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from targ.clock import parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.voucherify.common import found, list_page, not_found, project_of
from targ.voucherify.products.models import (
    PRODUCT_KIND,
    SKU_KIND,
    find_product,
    find_sku,
    render_product,
    render_sku,
    skus_of,
)

# Of ParameterOrder (shared with vouchers and campaigns), only the dates apply to products; the rest sort as default.
SORT = {
    "created_at": lambda p: p["created_at"],
    "updated_at": lambda p: p["updated_at"] if p["updated_at"] is not None else p["created_at"],
}


def _created_between(req: Request) -> Any:
    """`start_date` / `end_date`: created at or after / at or before."""
    start = parse_time(req.param("start_date")) if req.param("start_date") else None
    end = parse_time(req.param("end_date")) if req.param("end_date") else None
    return lambda d: (start is None or d["created_at"] >= start) and (end is None or d["created_at"] <= end)


@handler("voucherify", "get-product")
def get_product(req: Request) -> Reply:
    ref = req.path_params["productId"]
    project = project_of(req)
    doc = found(find_product(req.world, project, ref), "product", ref)
    return Reply(render_product(doc.data, skus_of(req.world, project, doc.id)))


@handler("voucherify", "list-products")
def list_products(req: Request) -> Reply:
    project = project_of(req)
    products, total = list_page(req.world, PRODUCT_KIND, project, req, SORT, keep=_created_between(req))
    skus: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in req.world.store.find(SKU_KIND, project):
        skus[doc.data["product_id"]].append(doc.data)
    return Reply({"object": "list", "data_ref": "products",
                  "products": [render_product(p, skus[p["id"]]) for p in products], "total": total})


@handler("voucherify", "list-SKUs-in-product")
def list_skus(req: Request) -> Reply:
    ref = req.path_params["productId"]
    project = project_of(req)
    product = find_product(req.world, project, ref)
    if product is None:
        raise not_found("product", ref)
    keep = _created_between(req)
    in_product = lambda d: d["product_id"] == product.id and keep(d)  # noqa: E731
    skus, total = list_page(req.world, SKU_KIND, project, req, SORT, keep=in_product)
    return Reply({"object": "list", "data_ref": "skus", "skus": [render_sku(s) for s in skus], "total": total})


@handler("voucherify", "get-sku")
def get_sku(req: Request) -> Reply:
    ref = req.path_params["skuId"]
    doc = found(find_sku(req.world, project_of(req), ref), "sku", ref)
    return Reply(render_sku(doc.data))
