"""The order events journal: ids, paging with `from`, the type filter, retention, statistics, and the
`documented` events mode."""

from __future__ import annotations

import httpx
from orders_helpers import act, advance, buy, errors, events, other_seller, set_status

from targ.testing import TargServer


def test_ids_grow_and_from_excludes_the_given_id(http: httpx.Client, allegro: httpx.Client,
                                                 offers: dict[str, str]) -> None:
    for _ in range(3):
        buy(http, offers["A"])
    journal = events(allegro)
    ids = [int(e["id"]) for e in journal]
    assert len(ids) == 9 and ids == sorted(ids) and len(set(ids)) == 9
    assert all(len(e["id"]) == 16 for e in journal) and journal[0]["id"] == "1767225600000000"
    assert events(allegro, **{"from": journal[3]["id"]}) == journal[4:]
    assert events(allegro, **{"from": journal[3]["id"], "limit": 2}) == journal[4:6]
    assert events(allegro, **{"from": journal[-1]["id"]}) == []
    assert events(allegro, **{"from": "1"}) == journal


def test_without_from_the_oldest_hundred(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"])["checkoutFormId"]
    for i in range(98):
        assert set_status(allegro, order_id, ("PROCESSING", "SENT")[i % 2]).status_code == 204
    journal = events(allegro, limit=1000)
    assert len(journal) == 101
    assert events(allegro) == journal[:100]
    assert events(allegro, **{"from": journal[99]["id"]}) == journal[100:]
    assert allegro.get("/order/events", params={"limit": 1001}).status_code == 422


def test_type_filter(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"])["checkoutFormId"]
    set_status(allegro, order_id, "PROCESSING")
    unpaid = buy(http, offers["A"], pay=False)["checkoutFormId"]
    act(http, unpaid, "cancel")
    picked = allegro.get("/order/events", params=[("type", "BUYER_CANCELLED"), ("type", "FULFILLMENT_STATUS_CHANGED")])
    assert [e["type"] for e in picked.json()["events"]] == ["FULFILLMENT_STATUS_CHANGED", "BUYER_CANCELLED"]
    assert [e["type"] for e in events(allegro, type="BOUGHT,FILLED_IN")] == ["BOUGHT", "FILLED_IN"] * 2
    unknown = allegro.get("/order/events", params={"type": "PAID"})
    assert unknown.status_code == 422 and errors(unknown)[0]["path"] == "type"
    for not_an_id in ("abc", "\u00b2", "\u0663", "-1", " 1"):   # digits that int() refuses, or reads as others
        garbage = allegro.get("/order/events", params={"from": not_an_id})
        assert garbage.status_code == 422 and errors(garbage)[0]["path"] == "from"


def test_stats_and_sixty_day_retention(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                       offers: dict[str, str]) -> None:
    assert allegro.get("/order/event-stats").json() == {"latestEvent": None}
    assert events(allegro) == []
    old = buy(http, offers["A"])["events"]
    advance(targ, allegro, "P30D")
    recent = buy(http, offers["A"])["events"]
    stats = allegro.get("/order/event-stats").json()
    assert stats == {"latestEvent": {"id": recent[-1]["id"], "occurredAt": "2026-01-31T00:00:00.000Z"}}
    assert int(recent[0]["id"]) == 1769817600000000                   # the µs epoch of the journaling time
    advance(targ, allegro, "P30DT1S")
    assert events(allegro) == recent and old[0]["id"] not in [e["id"] for e in events(allegro)]
    advance(targ, allegro, "P30D")
    assert events(allegro) == [] and allegro.get("/order/event-stats").json() == {"latestEvent": None}
    assert events(allegro, **{"from": recent[0]["id"]}) == []


def test_journals_are_per_seller(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                 offers: dict[str, str]) -> None:
    someone = other_seller(targ, http)
    theirs = buy(http, someone["offerId"])["events"]
    mine = buy(http, offers["A"])["events"]
    assert events(allegro) == mine
    assert httpx.get(f"{targ.url}/order/events", headers=someone["headers"]).json()["events"] == theirs
    assert int(mine[0]["id"]) > int(theirs[-1]["id"])


def journal_in_documented_mode(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                               offers: dict[str, str]) -> list[dict[str, str]]:
    assert http.patch("/__targ/config", json={"eventsMode": "documented"}).status_code == 200
    for i in range(12):
        order_id = buy(http, offers["A"], pay=i % 2 == 0)["checkoutFormId"]
        if i % 2:
            act(http, order_id, "cancel")
    return [{"type": e["type"], "order": e["order"]["checkoutForm"]["id"], "occurredAt": e["occurredAt"]}
            for e in events(allegro, limit=1000)]


def test_documented_mode_has_the_vendors_quirks_reproducibly(targ: TargServer, http: httpx.Client,
                                                              allegro: httpx.Client, offers: dict[str, str]) -> None:
    journal = journal_in_documented_mode(targ, http, allegro, offers)
    targ.reset()
    assert journal_in_documented_mode(targ, http, allegro, offers) == journal       # seeded: the same quirks
    by_order: dict[str, list[str]] = {}
    for e in journal:
        by_order.setdefault(e["order"], []).append(e["type"])
    duplicated = [types for types in by_order.values() if len(types) != len(set(types))]
    swapped = [types for types in by_order.values() if types.index("FILLED_IN") < types.index("BOUGHT")]
    late = [types for types in by_order.values() if "BUYER_CANCELLED" in types
            and "READY_FOR_PROCESSING" in types[types.index("BUYER_CANCELLED"):]]
    assert duplicated and swapped and late
    for types in by_order.values():             # every transition still arrives at least once
        assert {"BOUGHT", "FILLED_IN"} <= set(types)
    assert http.get("/__targ/config").json()["eventsMode"] == "documented"
