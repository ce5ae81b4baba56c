"""`GET /order/events` costs what it returns, whatever the journal's size (issue 14, defect 3): it used to read and
decode every event after `from` before taking `limit` (12.5 s for `limit=10` at 300k events)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from targ.allegro.orders import events
from targ.app import build_world
from targ.world import DEFAULT_TEST_START, Options, World

SELLER, OTHER = "seller-1", "seller-2"


@pytest.fixture
def world() -> Iterator[World]:
    w = build_world(Options(clock_start=DEFAULT_TEST_START, frozen=True))
    yield w
    w.close()


def _journal(world: World, n: int, seller: str = SELLER, every: int = 1) -> list[str]:
    """n events, a second apart; every `every`-th is FILLED_IN, the rest BOUGHT."""
    ids = []
    with world.store.transaction():
        for i in range(n):
            type_ = "FILLED_IN" if i % every == every - 1 else "BOUGHT"
            pending = events.Pending(type_, {"id": f"order-{i}"}, world.clock.now_ms())
            ids += [e["id"] for e in events.journal(world, seller, [pending])]
            world.clock.set(world.clock.now_ms() + 1000)
    return ids


def _rows(world: World, **kwargs: object) -> tuple[list[str], int]:
    before = world.store.rows_read   # type: ignore[attr-defined]
    found = events.read(world, SELLER, **kwargs)   # type: ignore[arg-type]
    return [e["id"] for e in found], world.store.rows_read - before   # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [200, 4000])
def test_a_page_reads_only_its_rows_from_any_from(world: World, size: int) -> None:
    _journal(world, size // 2, OTHER)             # another seller's journal interleaved changes nothing
    ids = _journal(world, size)
    for start in (None, 0, size // 2, size - 11):
        after = None if start is None else int(ids[start])
        got, rows = _rows(world, after=after, types=None, limit=10)
        first = 0 if start is None else start + 1
        assert got == ids[first:first + 10]
        assert rows == 10
    assert _rows(world, after=int(ids[-1]), types=None, limit=10) == ([], 0)


def test_a_rare_type_is_found_without_reading_the_others(world: World) -> None:
    ids = _journal(world, 3000, every=100)        # 30 FILLED_IN among 3000
    got, rows = _rows(world, after=None, types=frozenset({"FILLED_IN"}), limit=5)
    assert got == [ids[i] for i in range(99, 500, 100)]
    assert rows == 5
    got, rows = _rows(world, after=int(ids[150]), types=frozenset({"FILLED_IN", "BOUGHT"}), limit=4)
    assert got == ids[151:155] and rows == 4


def test_several_types_read_only_the_events_returned(world: World) -> None:
    """Each type's page comes from its own index range; only the merged page's events are read and decoded (one
    page per type used to be decoded, then cut)."""
    ids = _journal(world, 2000, every=10)         # FILLED_IN every tenth
    wanted = frozenset({"FILLED_IN", "BOUGHT", "BUYER_CANCELLED"})
    for start, limit in ((None, 7), (995, 100), (1990, 100)):
        after = None if start is None else int(ids[start])
        first = 0 if start is None else start + 1
        got, rows = _rows(world, after=after, types=wanted, limit=limit)
        assert got == ids[first:first + limit] and rows == len(got)
    got, rows = _rows(world, after=int(ids[500]), types=frozenset({"FILLED_IN", "BUYER_CANCELLED"}), limit=3)
    assert got == [ids[509], ids[519], ids[529]] and rows == 3


def test_expired_events_are_not_read(world: World) -> None:
    ids = _journal(world, 1000)
    world.clock.set(world.clock.now_ms() + world.config.ms("eventRetention") - 500_000)   # the first 500 expire
    got, rows = _rows(world, after=None, types=None, limit=10)
    assert got == ids[500:510]
    assert rows == 10


def test_an_order_list_page_reads_its_orders_only_also_right_after_a_write(world: World) -> None:
    """The list used to decode and sort every order after any write (0.5-2.1 s at 100k orders)."""
    from targ.allegro.orders import buyer, model
    from targ.allegro.orders.listing import list_orders
    from targ.demo import demo_view
    from targ.http.request import Headers, Request

    demo = demo_view(world)
    offer = demo["offers"][0]["id"]
    with world.store.transaction():
        bought = [buyer.purchase(world, {"lineItems": [{"offerId": offer, "quantity": 1}]})[0]["id"]
                  for _ in range(60)]

    def page(**params: object) -> tuple[list[str], int, int]:
        req = Request(world, "GET", "/order/checkout-forms", Headers([]), "http://t", params=dict(params))
        before = world.store.rows_read   # type: ignore[attr-defined]
        with world.store.transaction():
            body = list_orders(req, demo["sellerId"])
        return ([cf["id"] for cf in body["checkoutForms"]], body["totalCount"],
                world.store.rows_read - before)  # type: ignore[attr-defined]

    assert page(limit=5) == (bought[::-1][:5], 60, 5)
    with world.store.transaction():           # a write: the seller changes one order's fulfillment status
        order = model.get(world, bought[0])
        assert order is not None
        order["fulfillment"]["status"] = "PROCESSING"
        model.save(world, order)
    ids, total, rows = page(limit=5, **{"fulfillment.status": ["PROCESSING"]})
    assert (ids, total) == ([bought[0]], 1) and rows == 1
    ids, total, rows = page(limit=5, offset=50, sort="lineItems.boughtAt")
    assert (ids, total, rows) == (bought[50:55], 60, 5)
