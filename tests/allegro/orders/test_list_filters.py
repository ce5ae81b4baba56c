"""The order list reads its multi-valued filters the same however the values arrive (issue 15): the parameter layer
may hand over a list, or a string (a comma list, or one value), and the union never depends on which."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from targ.allegro.errors import AllegroError
from targ.allegro.orders import buyer, model
from targ.allegro.orders.listing import list_orders
from targ.app import build_world
from targ.demo import demo_view
from targ.http.request import Headers, Request
from targ.world import DEFAULT_TEST_START, Options, World


@pytest.fixture
def world() -> Iterator[World]:
    w = build_world(Options(clock_start=DEFAULT_TEST_START, frozen=True))
    yield w
    w.close()


def test_several_values_arrive_as_a_list_or_a_comma_string(world: World) -> None:
    demo = demo_view(world)
    offer = demo["offers"][0]["id"]
    with world.store.transaction():
        new, processing, sent = (buyer.purchase(world, {"lineItems": [{"offerId": offer, "quantity": 1}]})[0]["id"]
                                 for _ in range(3))
        for order_id, status in ((processing, "PROCESSING"), (sent, "SENT")):
            order = model.get(world, order_id)
            assert order is not None
            order["fulfillment"]["status"] = status
            model.save(world, order)

    def ids(**params: Any) -> list[str]:
        req = Request(world, "GET", "/order/checkout-forms", Headers([]), "http://t", params=params)
        with world.store.transaction():
            return [cf["id"] for cf in list_orders(req, demo["sellerId"])["checkoutForms"]]

    both = [processing, new]
    assert ids(**{"fulfillment.status": "NEW,PROCESSING"}) == both
    assert ids(**{"fulfillment.status": ["NEW", "PROCESSING"]}) == both
    assert ids(**{"fulfillment.status": ["NEW,PROCESSING", "NEW"]}) == both
    assert ids(**{"fulfillment.status": "SENT"}) == [sent]
    assert ids(**{"status": "BOUGHT,READY_FOR_PROCESSING", "fulfillment.status": "SENT,NEW"}) == [sent, new]
    with pytest.raises(AllegroError) as refused:
        ids(**{"fulfillment.status": "NEW,SHIPPED"})
    assert refused.value.status == 400 and refused.value.problems[0].path == "fulfillment.status"
