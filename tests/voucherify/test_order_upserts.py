"""What order upserts write, read back through CustomersApi and ProductsApi of the unchanged SDK: customers and
referrers by id or source id, products and SKUs with `override`, snapshots without it."""

from __future__ import annotations

import pytest
import voucherify
from voucherify import OrderItem, OrderItemProduct, OrderItemSku, OrdersCreateRequestBody

from targ.testing import TargServer


def test_customer_upserted_by_source_id_and_profile_updated(targ: TargServer, orders: voucherify.OrdersApi,
                                                            customers: voucherify.CustomersApi) -> None:
    first = orders.create_order(OrdersCreateRequestBody(
        amount=1000, customer=voucherify.Customer(source_id="ann@example.com", name="Ann",
                                                  address=voucherify.CustomerAddress(city="Kraków"))))
    targ.clock.advance("PT1H")
    second = orders.create_order(OrdersCreateRequestBody(
        amount=3000, customer=voucherify.Customer(source_id="ann@example.com", email="ann@example.com",
                                                  metadata={"tier": "gold"})))
    assert second.customer_id == first.customer_id
    ann = customers.get_customer("ann@example.com")
    assert (ann.id, ann.name, ann.email, ann.metadata) == (first.customer_id, "Ann", "ann@example.com",
                                                           {"tier": "gold"})
    assert ann.address.city == "Kraków"
    summary = ann.summary.orders
    assert (summary.total_count, summary.total_amount, summary.average_amount, summary.last_order_amount) == (
        2, 4000, 2000, 3000)
    assert summary.last_order_date.isoformat() == "2026-01-01T01:00:00+00:00"
    assert customers.get_customer(first.customer_id).source_id == "ann@example.com"


def test_customer_by_id_ignores_the_source_id(orders: voucherify.OrdersApi,
                                              customers: voucherify.CustomersApi) -> None:
    made = orders.create_order(OrdersCreateRequestBody(customer=voucherify.Customer(source_id="c-1")))
    again = orders.create_order(OrdersCreateRequestBody(
        customer=voucherify.Customer(id=made.customer_id, source_id="other", name="Renamed")))
    assert again.customer_id == made.customer_id
    assert customers.get_customer(made.customer_id).name == "Renamed"
    with pytest.raises(voucherify.exceptions.NotFoundException):
        customers.get_customer("other")
    assert customers.list_customers().total == 1


def test_unknown_customer_id_is_404_and_writes_nothing(orders: voucherify.OrdersApi,
                                                       customers: voucherify.CustomersApi) -> None:
    with pytest.raises(voucherify.exceptions.NotFoundException) as err:
        orders.create_order(OrdersCreateRequestBody(source_id="x", customer=voucherify.Customer(id="cust_nope"),
                                                    referrer=voucherify.Referrer(source_id="new-referrer")))
    assert '"resource_type":"customer"' in err.value.body
    assert customers.list_customers().total == 0 and orders.list_orders().total == 0


def test_referrer_and_referred_customers(orders: voucherify.OrdersApi, customers: voucherify.CustomersApi) -> None:
    ref = orders.create_order(OrdersCreateRequestBody(customer=voucherify.Customer(source_id="jane")))
    for buyer in ("bob", "eve", "bob"):
        order = orders.create_order(OrdersCreateRequestBody(customer=voucherify.Customer(source_id=buyer),
                                                            referrer_id="jane"))
        assert order.referrer_id == ref.customer_id and order.referrer.object == "customer"
    assert customers.get_customer("jane").loyalty.referred_customers == 2
    listed = customers.list_customers(order="source_id")
    assert [c.source_id for c in listed.customers] == ["bob", "eve", "jane"]


def test_override_creates_then_replaces_the_product(orders: voucherify.OrdersApi,
                                                    products: voucherify.ProductsApi) -> None:
    orders.create_order(OrdersCreateRequestBody(items=[OrderItem(
        source_id="vase", related_object="product", quantity=1,
        product=OrderItemProduct(name="Vase", price=1500, metadata={"c": "blue"}, override=True))]))
    vase = products.get_product("vase")
    assert (vase.name, vase.price, vase.metadata, vase.source_id) == ("Vase", 1500, {"c": "blue"}, "vase")
    assert vase.id.startswith("prod_")
    order = orders.create_order(OrdersCreateRequestBody(items=[OrderItem(
        source_id="vase", related_object="product", quantity=2, product=OrderItemProduct(price=1800, override=True))]))
    assert (order.items[0].price, order.amount, order.items[0].product.id) == (1800, 3600, vase.id)
    replaced = products.get_product(vase.id)
    assert (replaced.name, replaced.price) == ("Vase", 1800) and replaced.updated_at is not None
    assert products.list_products().total == 1


def test_without_override_data_is_echoed_not_stored(orders: voucherify.OrdersApi,
                                                    products: voucherify.ProductsApi) -> None:
    orders.create_order(OrdersCreateRequestBody(items=[OrderItem(
        source_id="mug", related_object="product", quantity=1, product=OrderItemProduct(price=900, override=True))]))
    order = orders.create_order(OrdersCreateRequestBody(items=[
        OrderItem(source_id="mug", related_object="product", quantity=2, product=OrderItemProduct(name="Promo")),
        OrderItem(source_id="ghost", related_object="product", quantity=1, product=OrderItemProduct(price=5))]))
    mug, ghost = order.items
    assert (mug.price, mug.amount, mug.product.name, mug.product_id) == (900, 1800, "Promo", mug.product.id)
    assert products.get_product("mug").name is None
    assert (ghost.price, ghost.product_id, ghost.product.id) == (5, None, None)
    with pytest.raises(voucherify.exceptions.NotFoundException):
        products.get_product("ghost")


def test_sku_items_use_the_stored_sku(orders: voucherify.OrdersApi, products: voucherify.ProductsApi) -> None:
    orders.create_order(OrdersCreateRequestBody(items=[OrderItem(
        source_id="shirt-xs", related_object="sku", quantity=1,
        product=OrderItemProduct(source_id="shirt", name="Shirt", override=True),
        sku=OrderItemSku(sku="Shirt XS", price=1300, override=True))]))
    shirt = products.get_product("shirt")
    assert [s.source_id for s in shirt.skus.data] == ["shirt-xs"] and shirt.skus.total == 1
    sku = products.get_sku("shirt-xs")
    assert (sku.product_id, sku.sku, sku.price) == (shirt.id, "Shirt XS", 1300)
    order = orders.create_order(OrdersCreateRequestBody(items=[
        OrderItem(source_id="shirt-xs", related_object="sku", quantity=3)]))
    item = order.items[0]
    assert (item.price, item.amount, item.sku_id, item.product_id) == (1300, 3900, sku.id, shirt.id)
    by_id = orders.create_order(OrdersCreateRequestBody(items=[OrderItem(sku_id=sku.id, quantity=1)]))
    assert by_id.items[0].related_object == "sku" and by_id.amount == 1300
    assert [s.id for s in products.list_skus_in_product(shirt.id).skus] == [sku.id]


def test_unknown_product_or_sku_ids_are_404(orders: voucherify.OrdersApi) -> None:
    for item, kind in ((OrderItem(product_id="prod_nope", quantity=1), "product"),
                       (OrderItem(sku_id="sku_nope", quantity=1), "sku")):
        with pytest.raises(voucherify.exceptions.NotFoundException) as err:
            orders.create_order(OrdersCreateRequestBody(items=[item]))
        assert f'"resource_type":"{kind}"' in err.value.body


def test_a_new_sku_needs_a_product(orders: voucherify.OrdersApi) -> None:
    with pytest.raises(voucherify.exceptions.BadRequestException) as err:
        orders.create_order(OrdersCreateRequestBody(items=[OrderItem(
            source_id="lonely", related_object="sku", quantity=1, sku=OrderItemSku(price=1, override=True))]))
    assert "Property .items[0].product is required to create a SKU" in err.value.body
