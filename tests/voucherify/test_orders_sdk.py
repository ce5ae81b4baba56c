"""OrdersApi create / get / update / list through the unchanged `voucherify` SDK, asserting the values that come
back: computed amounts, upserted ids, customers and products, ordering and paging."""

from __future__ import annotations

import re

import pytest
import voucherify
from voucherify import OrderItem, OrderItemProduct, OrderItemSku, OrdersCreateRequestBody, OrdersUpdateRequestBody

from targ.testing import TargServer

ORDER_ID = re.compile(r"^ord_[0-9A-Za-z]{24}$")
CUSTOMER_ID = re.compile(r"^cust_[0-9A-Za-z]{24}$")


def docs_example_body() -> OrdersCreateRequestBody:
    """The documented create request behind the docs' response (121700 = 2 × 60000 + 1 × 1700)."""
    return OrdersCreateRequestBody(
        source_id="new", status="FULFILLED",
        items=[
            OrderItem(source_id="prod_1", related_object="product", quantity=2,
                      product=OrderItemProduct(name="Apple iPhone 12", price=60000, override=True,
                                               metadata={"color": ["purple"], "vendor": "mall"})),
            OrderItem(source_id="ComicBook_1", related_object="sku", quantity=1,
                      product=OrderItemProduct(source_id="Books", name="Comic Books1", price=2100, override=True),
                      sku=OrderItemSku(source_id="ComicBook_1", sku="Comics1", price=1700, override=True)),
        ],
        metadata={"location_id": ["L1", "L2"]},
        customer=voucherify.Customer(source_id="bob@example.com", name="Bob"),
        referrer=voucherify.Referrer(source_id="jane@example.com", name="Jane"),
    )


def test_create_computes_amounts_from_product_and_sku_prices(orders: voucherify.OrdersApi) -> None:
    order = orders.create_order(docs_example_body())
    assert ORDER_ID.match(order.id) and order.object == "order"
    assert (order.source_id, order.status) == ("new", "FULFILLED")
    assert (order.amount, order.total_amount) == (121700, 121700)
    phone, comic = order.items
    assert (phone.price, phone.quantity, phone.amount, phone.subtotal_amount) == (60000, 2, 120000, 120000)
    assert phone.related_object == "product" and phone.product.id.startswith("prod_")
    assert phone.product.name == "Apple iPhone 12" and phone.product.source_id == "prod_1"
    # The SKU's price wins over its product's for a SKU item.
    assert (comic.price, comic.amount) == (1700, 1700)
    assert comic.sku.id.startswith("sku_") and comic.product_id == comic.product.id
    assert comic.product.price == 2100
    assert CUSTOMER_ID.match(order.customer.id) and order.customer_id == order.customer.id
    assert order.referrer_id == order.referrer.id != order.customer_id
    assert order.metadata == {"location_id": ["L1", "L2"]}


def test_create_without_body_is_an_empty_created_order(orders: voucherify.OrdersApi) -> None:
    order = orders.create_order()
    assert ORDER_ID.match(order.id)
    assert order.status == "CREATED" and order.items == [] and order.amount is None
    assert order.created_at.isoformat() == "2026-01-01T00:00:00+00:00" and order.updated_at is None


def test_discounts_add_up_to_the_total(orders: voucherify.OrdersApi) -> None:
    order = orders.create_order(OrdersCreateRequestBody(discount_amount=100, items=[
        OrderItem(quantity=1, price=700, discount_amount=70),
        OrderItem(quantity=2, price=500, discount_amount=50),
    ]))
    assert order.amount == 1700
    assert (order.discount_amount, order.items_discount_amount, order.total_discount_amount) == (100, 120, 220)
    assert order.total_amount == 1480
    assert [i.subtotal_amount for i in order.items] == [630, 950]


def test_float_product_price_gives_an_integer_item_price(orders: voucherify.OrdersApi) -> None:
    order = orders.create_order(OrdersCreateRequestBody(items=[
        OrderItem(source_id="p", related_object="product", quantity=2, product=OrderItemProduct(price=10.5))]))
    assert order.items[0].price == 11 and order.amount == 22
    assert order.items[0].product.price == 10.5  # the snapshot echoes what was sent


def test_given_amount_wins_over_the_items(orders: voucherify.OrdersApi) -> None:
    order = orders.create_order(OrdersCreateRequestBody(amount=5000, items=[OrderItem(quantity=1, price=100)]))
    assert (order.amount, order.total_amount) == (5000, 5000)


def test_create_upserts_by_source_id(targ: TargServer, orders: voucherify.OrdersApi) -> None:
    first = orders.create_order(OrdersCreateRequestBody(source_id="s-1", metadata={"a": 1},
                                                        items=[OrderItem(quantity=1, price=300)]))
    targ.clock.advance("PT1M")
    again = orders.create_order(OrdersCreateRequestBody(source_id="s-1", status="PAID"))
    assert again.id == first.id
    assert again.created_at == first.created_at
    assert again.updated_at.isoformat() == "2026-01-01T00:01:00+00:00"
    assert (again.status, again.metadata, again.amount) == ("PAID", {"a": 1}, 300)
    assert orders.list_orders().total == 1


def test_create_upserts_by_id(orders: voucherify.OrdersApi) -> None:
    first = orders.create_order(OrdersCreateRequestBody(source_id="s-2"))
    again = orders.create_order(OrdersCreateRequestBody(id=first.id, status="CANCELED", amount=10))
    assert (again.id, again.source_id, again.status, again.amount) == (first.id, "s-2", "CANCELED", 10)


def test_create_with_an_unknown_id_is_404(orders: voucherify.OrdersApi) -> None:
    with pytest.raises(voucherify.exceptions.NotFoundException) as err:
        orders.create_order(OrdersCreateRequestBody(id="ord_unknown"))
    assert '"resource_type":"order"' in err.value.body


@pytest.mark.parametrize("source_id", ["s 1/#?ż", "a/b/c", "x?y=1&z#w", "100% sure", "zażółć gęślą jaźń"])
def test_get_and_update_by_source_id_with_reserved_characters(orders: voucherify.OrdersApi, source_id: str) -> None:
    created = orders.create_order(OrdersCreateRequestBody(source_id=source_id))
    assert orders.get_order(source_id).id == created.id
    assert orders.get_order(created.id).source_id == source_id
    updated = orders.update_order(source_id, OrdersUpdateRequestBody(status="PAID"))
    assert (updated.id, updated.status) == (created.id, "PAID")


def test_get_unknown_order_is_404(orders: voucherify.OrdersApi) -> None:
    with pytest.raises(voucherify.exceptions.NotFoundException) as err:
        orders.get_order("ord_nope")
    assert err.value.status == 404
    assert "Cannot find order with id ord_nope" in err.value.body


def test_update_changes_only_the_fields_given(targ: TargServer, orders: voucherify.OrdersApi) -> None:
    created = orders.create_order(OrdersCreateRequestBody(
        source_id="u-1", metadata={"k": "v"}, customer=voucherify.Customer(source_id="c-1"),
        items=[OrderItem(quantity=3, price=100)]))
    targ.clock.advance("PT5M")
    updated = orders.update_order(created.id, OrdersUpdateRequestBody(status="FULFILLED"))
    assert (updated.status, updated.metadata, updated.amount) == ("FULFILLED", {"k": "v"}, 300)
    assert updated.customer_id == created.customer_id and updated.created_at == created.created_at
    assert updated.updated_at.isoformat() == "2026-01-01T00:05:00+00:00"
    again = orders.update_order("u-1", OrdersUpdateRequestBody(items=[OrderItem(quantity=1, price=50)],
                                                               discount_amount=10))
    assert (again.amount, again.total_amount, again.status) == (50, 40, "FULFILLED")
    assert orders.get_order(created.id).total_amount == 40


def test_update_to_another_orders_source_id_is_409(orders: voucherify.OrdersApi) -> None:
    orders.create_order(OrdersCreateRequestBody(source_id="taken"))
    other = orders.create_order(OrdersCreateRequestBody(source_id="mine"))
    with pytest.raises(voucherify.exceptions.ApiException) as err:
        orders.update_order(other.id, OrdersUpdateRequestBody(source_id="taken"))
    assert err.value.status == 409 and '"duplicate_found"' in err.value.body


def test_list_pages_and_orders(targ: TargServer, orders: voucherify.OrdersApi) -> None:
    ids = []
    for n in range(12):
        ids.append(orders.create_order(OrdersCreateRequestBody(source_id=f"L{n}")).id)
        targ.clock.advance("PT1M")
    first = orders.list_orders()
    assert first.object == "list" and first.data_ref == "orders" and first.total == 12
    assert [o.id for o in first.orders] == ids[::-1][:10]  # default: 10, newest first
    assert [o.id for o in orders.list_orders(limit=5, page=3).orders] == ids[::-1][10:]
    assert [o.id for o in orders.list_orders(limit=4, page=2, order="created_at").orders] == ids[4:8]
    assert orders.list_orders(limit=5, page=4).orders == [] and orders.list_orders(page=9).total == 12
    orders.update_order(ids[3], OrdersUpdateRequestBody(status="PAID"))
    assert orders.list_orders(limit=1, order="-updated_at").orders[0].id == ids[3]
    assert orders.list_orders(limit=1, order="updated_at").orders[0].id == ids[0]
