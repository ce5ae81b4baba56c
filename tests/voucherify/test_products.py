"""Products and SKUs through their own endpoints, driven by the unchanged SDK (ProductsApi) and plain HTTP: create
as an upsert, get by id or source id, list, update with the vendor's merge rules, delete, SKUs under their product;
the same records order items upsert."""

from __future__ import annotations

import httpx
import pytest
import voucherify
from vf_helpers import assert_error
from voucherify import (
    OrderItem,
    OrderItemProduct,
    OrderItemSku,
    OrdersCreateRequestBody,
    ProductsCreateRequestBody,
    ProductsSkusCreateRequestBody,
    ProductsSkusUpdateRequestBody,
    ProductsUpdateRequestBody,
)

from targ.testing import TargServer


def _mug(products: voucherify.ProductsApi) -> voucherify.ProductsCreateResponseBody:
    return products.create_product(ProductsCreateRequestBody(
        source_id="mug-1", name="Mug", price=1500, attributes=["color", "size"], metadata={"vendor": "A"},
        image_url="https://example.com/mug.png"))


def test_create_reads_back_by_id_and_source_id(products: voucherify.ProductsApi) -> None:
    made = _mug(products)
    assert made.id.startswith("prod_") and len(made.id) == 23
    assert (made.name, made.source_id, made.price, made.attributes) == ("Mug", "mug-1", 1500, ["color", "size"])
    assert made.created_at.isoformat() == "2026-01-01T00:00:00+00:00" and made.updated_at is None
    for ref in (made.id, "mug-1"):
        got = products.get_product(ref)
        assert (got.id, got.name, got.metadata, got.image_url) == (made.id, "Mug", {"vendor": "A"},
                                                                   "https://example.com/mug.png")
        assert got.skus.total == 0 and got.skus.data == []
    listed = products.list_products()
    assert listed.total == 1 and listed.products[0].id == made.id


def test_create_response_has_no_skus_like_the_vendors(voucherify_http: httpx.Client) -> None:
    body = voucherify_http.post("/v1/products", json={"name": "Mug", "source_id": "mug-1"}).json()
    assert "skus" not in body and body["object"] == "product" and body["name"] == "Mug"
    assert voucherify_http.get("/v1/products/mug-1").json()["skus"] == {"object": "list", "data_ref": "data",
                                                                        "data": [], "total": 0}


def test_create_is_an_upsert(targ: TargServer, products: voucherify.ProductsApi) -> None:
    made = _mug(products)
    targ.clock.advance("PT1M")
    again = products.create_product(ProductsCreateRequestBody(source_id="mug-1", price=1700))
    assert again.id == made.id and (again.name, again.price, again.attributes) == ("Mug", 1700, ["color", "size"])
    assert again.updated_at.isoformat() == "2026-01-01T00:01:00+00:00"
    by_id = products.create_product(ProductsCreateRequestBody(id=made.id, name="Big mug"))
    assert by_id.id == made.id and by_id.name == "Big mug" and products.list_products().total == 1


def test_unknown_id_on_create_and_unknown_product_on_update_are_404(voucherify_http: httpx.Client) -> None:
    assert_error(voucherify_http.post("/v1/products", json={"id": "prod_nope", "name": "x"}), 404, "not_found",
                 "Cannot find product with id prod_nope")
    body = assert_error(voucherify_http.put("/v1/products/nope", json={"price": 1}), 404, "not_found",
                        "Cannot find product with id nope")
    assert body["resource_type"] == "product"
    assert voucherify_http.get("/v1/products").json()["total"] == 0


def test_update_merges_and_skips_fields_outside_the_schema(targ: TargServer, products: voucherify.ProductsApi,
                                                           voucherify_http: httpx.Client) -> None:
    made = _mug(products)
    targ.clock.advance("PT2M")
    updated = products.update_product("mug-1", ProductsUpdateRequestBody(price=2000, metadata={"vendor": "B"}))
    assert (updated.id, updated.name, updated.price, updated.metadata) == (made.id, "Mug", 2000, {"vendor": "B"})
    assert updated.attributes == ["color", "size"] and updated.updated_at.isoformat() == "2026-01-01T00:02:00+00:00"
    resp = voucherify_http.put(f"/v1/products/{made.id}", json={"source_id": "other", "name": "Cup"})
    assert resp.status_code == 200 and (resp.json()["source_id"], resp.json()["name"]) == ("mug-1", "Cup")
    assert products.get_product("mug-1").name == "Cup"


def test_negative_price_is_refused(voucherify_http: httpx.Client) -> None:
    assert_error(voucherify_http.post("/v1/products", json={"source_id": "p", "price": -1}), 400, "invalid_payload",
                 "Property .price cannot be lower than 0")
    assert_error(voucherify_http.post("/v1/products", json={"source_id": "p", "price": 1.5}), 400, "invalid_payload")
    assert voucherify_http.get("/v1/products").json()["total"] == 0


def test_delete_takes_the_skus_with_it(products: voucherify.ProductsApi, voucherify_http: httpx.Client) -> None:
    made = _mug(products)
    sku = products.create_sku("mug-1", ProductsSkusCreateRequestBody(source_id="mug-red", sku="Red mug"))
    assert products.delete_product("mug-1", force=True) is None
    for path in (f"/v1/products/{made.id}", "/v1/products/mug-1"):
        assert_error(voucherify_http.get(path), 404, "not_found")
    assert_error(voucherify_http.get(f"/v1/skus/{sku.id}"), 404, "not_found", f"Cannot find sku with id {sku.id}")
    assert_error(voucherify_http.delete("/v1/products/mug-1"), 404, "not_found")
    # Without force the product goes "to the bin": gone for every lookup, its source id free again.
    again = _mug(products)
    resp = voucherify_http.delete("/v1/products/mug-1")
    assert resp.status_code == 204 and resp.content == b""
    assert _mug(products).id != again.id


def test_skus_under_their_product(targ: TargServer, products: voucherify.ProductsApi) -> None:
    made = _mug(products)
    red = products.create_sku(made.id, ProductsSkusCreateRequestBody(
        source_id="mug-red", sku="Red mug", price=1600, currency="PLN", attributes={"color": "red"},
        metadata={"imported": True}))
    assert red.id.startswith("sku_") and len(red.id) == 22 and red.product_id == made.id
    assert (red.sku, red.price, red.currency, red.attributes) == ("Red mug", 1600, "PLN", {"color": "red"})
    targ.clock.advance("PT1M")
    blue = products.create_sku("mug-1", ProductsSkusCreateRequestBody(source_id="mug-blue", sku="Blue mug"))
    assert products.get_sku("mug-red").id == red.id and products.get_sku(blue.id).sku == "Blue mug"
    listed = products.list_skus_in_product("mug-1")
    assert listed.total == 2 and [s.source_id for s in listed.skus] == ["mug-blue", "mug-red"]
    assert products.get_product("mug-1").skus.total == 2
    # Upsert by source id; update merges; delete.
    again = products.create_sku("mug-1", ProductsSkusCreateRequestBody(source_id="mug-red", price=1650))
    assert again.id == red.id and (again.sku, again.price) == ("Red mug", 1650)
    updated = products.update_sku("mug-1", "mug-red", ProductsSkusUpdateRequestBody(currency="EUR"))
    assert (updated.price, updated.currency, updated.metadata) == (1650, "EUR", {"imported": True})
    assert products.delete_sku(made.id, red.id) is None
    assert [s.id for s in products.list_skus_in_product(made.id).skus] == [blue.id]


def test_sku_errors(products: voucherify.ProductsApi, voucherify_http: httpx.Client) -> None:
    _mug(products)
    voucherify_http.post("/v1/products", json={"source_id": "plate"})
    sku = products.create_sku("plate", ProductsSkusCreateRequestBody(source_id="plate-1"))
    body = assert_error(voucherify_http.post("/v1/products/nope/skus", json={"source_id": "s"}), 404, "not_found",
                        "Cannot find product with id nope")
    assert body["resource_type"] == "product"
    assert_error(voucherify_http.post("/v1/products/mug-1/skus", json={"id": "sku_nope"}), 404, "not_found",
                 "Cannot find sku with id sku_nope")
    # A SKU of another product is unknown under this one.
    for method in ("PUT", "DELETE"):
        resp = voucherify_http.request(method, f"/v1/products/mug-1/skus/{sku.id}", json={"sku": "x"}
                                       if method == "PUT" else None)
        assert assert_error(resp, 404, "not_found")["resource_type"] == "sku"
    assert_error(voucherify_http.get("/v1/products/nope/skus"), 404, "not_found")
    assert products.get_sku("plate-1").sku is None


def test_product_made_here_is_found_by_an_order_item(products: voucherify.ProductsApi,
                                                     orders: voucherify.OrdersApi) -> None:
    made = _mug(products)
    sku = products.create_sku("mug-1", ProductsSkusCreateRequestBody(source_id="mug-red", price=1600))
    order = orders.create_order(OrdersCreateRequestBody(items=[
        OrderItem(source_id="mug-1", related_object="product", quantity=2),
        OrderItem(source_id="mug-red", related_object="sku", quantity=1)]))
    first, second = order.items
    assert (first.product_id, first.price, first.amount) == (made.id, 1500, 3000)
    assert (second.sku_id, second.product_id, second.price) == (sku.id, made.id, 1600)
    assert order.amount == 4600


def test_product_made_by_an_order_is_managed_here(products: voucherify.ProductsApi,
                                                  orders: voucherify.OrdersApi) -> None:
    orders.create_order(OrdersCreateRequestBody(items=[OrderItem(
        source_id="vase-blue", related_object="sku", quantity=1,
        product=OrderItemProduct(source_id="vase", name="Vase", price=900, override=True),
        sku=OrderItemSku(sku="Blue vase", price=950, override=True))]))
    updated = products.update_product("vase", ProductsUpdateRequestBody(attributes=["color"]))
    assert (updated.name, updated.price, updated.attributes) == ("Vase", 900, ["color"])
    assert products.update_sku("vase", "vase-blue", ProductsSkusUpdateRequestBody(price=990)).price == 990
    order = orders.create_order(OrdersCreateRequestBody(items=[OrderItem(
        source_id="vase-blue", related_object="sku", quantity=2)]))
    assert order.items[0].price == 990 and order.amount == 1980
    products.delete_product("vase")
    with pytest.raises(voucherify.exceptions.NotFoundException):
        orders.create_order(OrdersCreateRequestBody(items=[OrderItem(product_id=updated.id, quantity=1)]))
