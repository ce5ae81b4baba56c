"""Stock as purchases take it (offers.stock, the API the orders area uses) and the offer events every change makes."""

from __future__ import annotations

import httpx
import pytest
from offers_helpers import command, create, events, in_world, offer, offers_criteria, publish, seller_body, send

from targ.allegro.offers.stock import (
    InsufficientStock,
    OfferNotBuyable,
    offer_for_purchase,
    return_stock,
    set_fulfillment_stock,
    take_stock,
)
from targ.testing import TargServer


def test_buying_down_to_zero_ends_the_offer(targ: TargServer, allegro: httpx.Client, ids: dict[str, str]) -> None:
    b = ids["B"]
    assert in_world(targ, offer_for_purchase, b)["stock"]["available"] == 2
    with pytest.raises(InsufficientStock) as short:
        in_world(targ, take_stock, b, 3)
    assert short.value.available == 2
    in_world(targ, take_stock, b, 1)
    assert in_world(targ, take_stock, b, 1)["publication"] == {
        "status": "ENDED", "endedBy": "EMPTY_STOCK", "republish": False,
        "marketplaces": {"base": {"id": "allegro-pl"}, "additional": []}}
    with pytest.raises(OfferNotBuyable) as ended:
        in_world(targ, take_stock, b, 1)
    assert ended.value.reason == "ENDED"
    in_world(targ, return_stock, b, 1)                     # a cancelled purchase: stock back, offer stays ENDED
    seen = offer(allegro, b)
    assert (seen["stock"]["available"], seen["publication"]["status"]) == (1, "ENDED")
    listed = allegro.get("/sale/offers", params={"offer.id": b}).json()["offers"][0]
    assert listed["stock"] == {"available": 1, "sold": 1} and listed["publication"]["endedAt"]
    with pytest.raises(OfferNotBuyable) as missing:
        in_world(targ, take_stock, "1", 1)
    assert missing.value.reason == "NOT_FOUND"
    assert [(e["type"], e["offer"]["id"]) for e in events(allegro)] == [
        ("OFFER_STOCK_CHANGED", b), ("OFFER_STOCK_CHANGED", b), ("OFFER_ENDED", b)]
    assert events(allegro, type="OFFER_ENDED")[0]["offer"]["publication"] == {"endedBy": "EMPTY_STOCK"}


def test_fulfillment_stock_follows_the_warehouse(targ: TargServer, allegro: httpx.Client, ids: dict[str, str]) -> None:
    c = ids["C"]
    in_world(targ, set_fulfillment_stock, c, 0)
    assert offer(allegro, c)["publication"]["status"] == "ENDED"
    in_world(targ, set_fulfillment_stock, c, 7)        # units received: activated again, as the guide says
    again = offer(allegro, c)
    assert (again["publication"]["status"], again["stock"]["available"]) == ("ACTIVE", 7)
    assert [e["type"] for e in events(allegro)] == ["OFFER_STOCK_CHANGED", "OFFER_ENDED", "OFFER_STOCK_CHANGED",
                                                    "OFFER_ACTIVATED"]


def test_every_change_is_an_event(targ: TargServer, allegro: httpx.Client) -> None:
    made = create(allegro, seller_body())
    send(allegro, "PATCH", f"/sale/product-offers/{made['id']}", {"name": "Zmieniony tytuł oferty"})
    assert events(allegro) == []                          # a draft's changes make no events (the vendor's rule)
    publish(targ, allegro, made["id"])
    targ.drain()
    command(allegro, "price", {"offerCriteria": offers_criteria(made["id"]),
                               "modification": {"type": "FIXED_PRICE", "price": {"amount": "10", "currency": "PLN"}}})
    command(allegro, "quantity", {"offerCriteria": offers_criteria(made["id"]),
                                  "modification": {"changeType": "GAIN", "value": 2}})
    targ.drain()
    send(allegro, "PATCH", f"/sale/product-offers/{made['id']}", {"description": {"sections": [
        {"items": [{"type": "TEXT", "content": "<p>Nowy opis</p>"}]}]}})
    send(allegro, "PATCH", f"/sale/offers/{made['id']}/translations/en-US", {"title": {"translation": "iPhone 15"}})
    publish(targ, allegro, made["id"], action="END")
    feed = events(allegro)
    assert [e["type"] for e in feed] == ["OFFER_ACTIVATED", "OFFER_PRICE_CHANGED", "OFFER_STOCK_CHANGED",
                                         "OFFER_CHANGED", "OFFER_TRANSLATION_UPDATED", "OFFER_ENDED"]
    assert all(e["offer"]["id"] == made["id"] and e["offer"]["external"] == {"id": "ext-1"} for e in feed)
    assert feed[1]["offer"]["marketplaces"] == [{"id": "allegro-pl", "changeType": "MANUAL"}]
    assert feed[4]["translations"] == [{"language": "en-US"}]
    # from (exclusive), limit, type; ids grow
    assert [e["id"] for e in events(allegro, **{"from": feed[2]["id"], "limit": 2})] == [feed[3]["id"], feed[4]["id"]]
    assert [e["type"] for e in events(allegro, type=["OFFER_ENDED", "OFFER_ACTIVATED"])] == ["OFFER_ACTIVATED",
                                                                                           "OFFER_ENDED"]
    bad = allegro.get("/sale/offer-events", params={"from": "bm9wZQ"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["path"] == "from"
    targ.clock.advance("P61D")
    # The token of the `allegro` client has expired by now: read the feed with the demo view's fresh one.
    fresh = {"Authorization": f"Bearer {targ.demo['accessToken']}"}
    assert allegro.get("/sale/offer-events", headers=fresh).json() == {"offerEvents": []}   # past retention
