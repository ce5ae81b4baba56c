"""The buyer's purchase (`POST /__targ/buyer/purchases`) and the order it makes, as the seller reads it."""

from __future__ import annotations

import re
from typing import Any

import httpx
from orders_helpers import buy, events, order, other_seller

from targ.testing import TargServer

PACZKOMATY = "2488f7b7-5d1c-4d65-b85c-4cbcf253fd93"    # Allegro Paczkomaty InPost, paid in advance
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def stock(http: httpx.Client, offer_id: str) -> int:
    return next(o["stock"] for o in http.get("/__targ/demo").json()["offers"] if o["id"] == offer_id)


def test_default_purchase_is_paid_and_journaled(http: httpx.Client, allegro: httpx.Client,
                                                offers: dict[str, str]) -> None:
    bought = buy(http, offers["A"], 3)
    assert UUID.match(bought["checkoutFormId"]) and bought["status"] == "READY_FOR_PROCESSING"
    assert [e["type"] for e in bought["events"]] == ["BOUGHT", "FILLED_IN", "READY_FOR_PROCESSING"]
    assert bought["events"] == events(allegro)                       # exactly as the journal shows them
    assert stock(http, offers["A"]) == 97
    cf = order(allegro, bought["checkoutFormId"])
    item = cf["lineItems"][0]
    assert item["offer"]["id"] == offers["A"] and item["quantity"] == 3 and item["boughtAt"] == cf["updatedAt"]
    assert item["price"] == item["originalPrice"] == {"amount": "39.99", "currency": "PLN"}
    assert cf["delivery"]["cost"] == {"amount": "9.99", "currency": "PLN"}
    assert cf["summary"]["totalToPay"] == {"amount": "129.96", "currency": "PLN"}           # 3 × 39.99 + 9.99
    assert cf["payment"]["paidAmount"] == cf["summary"]["totalToPay"] and cf["payment"]["provider"] == "PAYU"
    assert cf["payment"]["finishedAt"] == "2026-01-01T00:00:00.000Z"
    assert cf["fulfillment"] == {"status": "NEW", "shipmentSummary": {"lineItemsSent": "NONE"},
                                 "provider": {"id": "SELLER"}}
    assert cf["marketplace"] == {"id": "allegro-pl"} and re.fullmatch(r"[0-9a-f]{8}", cf["revision"])
    assert cf["revision"] == bought["events"][-1]["order"]["checkoutForm"]["revision"]
    assert cf["delivery"]["method"]["name"] == "Allegro Paczkomaty InPost" and cf["delivery"]["pickupPoint"]["id"]
    assert cf["delivery"]["time"]["dispatch"] == {"from": "2026-01-01T00:00:00.000Z", "to": "2026-01-02T00:00:00.000Z"}
    buyer = cf["buyer"]
    assert buyer["email"].endswith("@allegromail.pl") and buyer["guest"] is False
    assert buyer["address"]["countryCode"] == "PL" and re.fullmatch(r"\d\d-\d{3}", buyer["address"]["postCode"])
    assert re.fullmatch(r"[5-8]\d{8}", buyer["phoneNumber"])
    assert cf["delivery"]["address"]["lastName"] == buyer["lastName"] and cf["invoice"] == {"required": False}


def test_generated_buyers_are_deterministic(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                            offers: dict[str, str]) -> None:
    first = order(allegro, buy(http, offers["A"])["checkoutFormId"])
    targ.reset()
    again = order(allegro, buy(http, offers["A"])["checkoutFormId"])
    assert first == again
    other = order(allegro, buy(http, offers["A"])["checkoutFormId"])
    assert other["buyer"]["id"] != first["buyer"]["id"] and other["buyer"]["login"] != first["buyer"]["login"]
    same = order(allegro, buy(http, offers["A"], buyer={"login": first["buyer"]["login"]})["checkoutFormId"])
    assert same["buyer"] == first["buyer"]                          # a login that bought before is the same buyer


def test_refused_purchases_change_nothing(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                          offers: dict[str, str]) -> None:
    short = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": offers["A"], "quantity": 1},
                                                                     {"offerId": offers["B"], "quantity": 3}]})
    assert short.status_code == 409
    assert short.json() == {"error": "insufficient_stock",
                            "message": f"offer {offers['B']} has 2 units available, 3 wanted"}
    assert stock(http, offers["A"]) == 100 and stock(http, offers["B"]) == 2
    assert events(allegro) == [] and allegro.get("/order/checkout-forms").json()["totalCount"] == 0
    second = other_seller(targ, http)
    mixed = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": offers["A"]},
                                                                     {"offerId": second["offerId"]}]})
    assert mixed.status_code == 400 and mixed.json()["error"] == "mixed_sellers"
    wrong = http.post("/__targ/buyer/purchases",
                      json={"sellerId": second["id"], "lineItems": [{"offerId": offers["A"]}]})
    assert wrong.status_code == 400 and wrong.json()["error"] == "mixed_sellers"
    one_ff = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": offers["A"]},
                                                                      {"offerId": offers["C"]}]})
    assert one_ff.status_code == 400 and one_ff.json()["error"] == "mixed_fulfillment"
    unknown = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": "123"}]})
    assert unknown.status_code == 404 and unknown.json()["error"] == "not_found"
    for body in ({}, {"lineItems": []}, {"lineItems": [{"offerId": offers["A"], "quantity": 0}]},
                 {"lineItems": [{"offerId": offers["A"]}], "payment": {"type": "BITCOIN"}},
                 {"lineItems": [{"offerId": offers["A"]}], "fillIn": False, "pay": True},
                 {"lineItems": [{"offerId": offers["A"]}], "colour": "red"}):
        resp = http.post("/__targ/buyer/purchases", json=body)
        assert resp.status_code == 400 and resp.json()["error"] == "bad_request", body
    assert allegro.get("/order/checkout-forms").json()["totalCount"] == 0


def test_one_line_item_per_offer_and_the_last_unit_ends_the_offer(http: httpx.Client, allegro: httpx.Client,
                                                                   offers: dict[str, str]) -> None:
    bought = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": offers["B"], "quantity": 1},
                                                                      {"offerId": offers["B"], "quantity": 1}]})
    cf = order(allegro, bought.json()["checkoutFormId"])
    assert [(li["offer"]["id"], li["quantity"]) for li in cf["lineItems"]] == [(offers["B"], 2)]
    assert stock(http, offers["B"]) == 0
    again = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": offers["B"]}]})
    assert again.status_code == 409 and again.json()["error"] == "offer_not_buyable"


def test_cash_on_delivery_is_ready_without_payment(http: httpx.Client, allegro: httpx.Client,
                                                   offers: dict[str, str]) -> None:
    bought = buy(http, offers["A"], payment={"type": "CASH_ON_DELIVERY"})
    assert [e["type"] for e in bought["events"]] == ["BOUGHT", "FILLED_IN", "READY_FOR_PROCESSING"]
    cf = order(allegro, bought["checkoutFormId"])
    assert cf["payment"]["type"] == "CASH_ON_DELIVERY" and "paidAmount" not in cf["payment"]
    assert cf["delivery"]["method"]["name"] == "Allegro Paczkomaty InPost pobranie"
    refused = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": offers["A"]}],
                                                         "payment": {"type": "CASH_ON_DELIVERY"},
                                                         "delivery": {"methodId": PACZKOMATY}})
    assert refused.status_code == 400 and refused.json()["error"] == "payment_not_accepted"


def test_unpaid_order_hides_its_address_until_paid(http: httpx.Client, allegro: httpx.Client,
                                                   offers: dict[str, str]) -> None:
    bought = buy(http, offers["A"], fillIn=False)
    assert bought["status"] == "BOUGHT" and [e["type"] for e in bought["events"]] == ["BOUGHT"]
    cf = order(allegro, bought["checkoutFormId"])
    assert "address" not in cf["delivery"] and "paidAmount" not in cf["payment"]
    filled = http.post(f"/__targ/buyer/checkout-forms/{cf['id']}/fill-in",
                       json={"delivery": {"address": {"street": "Polna 7"}}, "messageToSeller": "Bez faktury"})
    assert filled.status_code == 200 and [e["type"] for e in filled.json()["events"]] == ["FILLED_IN"]
    assert order(allegro, cf["id"])["status"] == "FILLED_IN"
    paid = http.post(f"/__targ/buyer/checkout-forms/{cf['id']}/pay")
    assert paid.json()["status"] == "READY_FOR_PROCESSING"
    ready = order(allegro, cf["id"])
    assert ready["delivery"]["address"]["street"] == "Polna 7" and ready["messageToSeller"] == "Bez faktury"
    assert ready["revision"] != cf["revision"] and [e["type"] for e in paid.json()["events"]] == [
        "READY_FOR_PROCESSING"]


def test_buyer_delivery_invoice_and_surcharges(http: httpx.Client, allegro: httpx.Client,
                                               offers: dict[str, str]) -> None:
    points = allegro.get("/order/carriers/ALLEGRO/points").json()["points"]
    methods = allegro.get("/sale/delivery-methods").json()["deliveryMethods"]
    one_box = next(m["id"] for m in methods if m["name"] == "Allegro One Box, One Kurier")
    bought = buy(http, offers["A"], 2, buyer={"login": "firma_abc", "companyName": "ABC sp. z o.o.",
                                              "firstName": "Ewa", "lastName": "Nowak"},
                 delivery={"methodId": one_box, "pickupPoint": points[0]["id"]}, invoiceRequired=True,
                 surcharges=[{"amount": "5.00"}])
    assert [e["type"] for e in bought["events"]] == ["BOUGHT", "FILLED_IN", "READY_FOR_PROCESSING",
                                                     "READY_FOR_PROCESSING"]
    cf = order(allegro, bought["checkoutFormId"])
    assert cf["buyer"]["login"] == "firma_abc" and cf["buyer"]["companyName"] == "ABC sp. z o.o."
    assert cf["delivery"]["pickupPoint"]["id"] == points[0]["id"]
    assert cf["delivery"]["pickupPoint"]["address"]["city"] == points[0]["address"]["city"]
    company = cf["invoice"]["address"]["company"]
    assert cf["invoice"]["required"] is True and company["name"] == "ABC sp. z o.o."
    assert company["ids"][0]["type"] == "PL_NIP" and re.fullmatch(r"\d{10}", company["taxId"])
    [surcharge] = cf["surcharges"]
    assert surcharge["paidAmount"] == {"amount": "5.00", "currency": "PLN"} and UUID.match(surcharge["id"])
    listed = allegro.get("/order/checkout-forms", params={"surcharges.id": surcharge["id"]}).json()
    assert [o["id"] for o in listed["checkoutForms"]] == [cf["id"]]


def test_other_marketplace_prices_in_its_currency(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                                  offers: dict[str, str]) -> None:
    refused = http.post("/__targ/buyer/purchases", json={"lineItems": [{"offerId": offers["A"]}],
                                                         "marketplace": "allegro-cz"})
    assert refused.status_code == 400 and refused.json()["error"] == "offer_not_on_marketplace"
    czech = other_seller(targ, http, "ceska-prodejna", "allegro-cz")
    bought = buy(http, czech["offerId"], 2)
    cf = httpx.get(f"{targ.url}/order/checkout-forms/{bought['checkoutFormId']}", headers=czech["headers"]).json()
    assert cf["marketplace"] == {"id": "allegro-cz"} and cf["lineItems"][0]["price"]["currency"] == "CZK"
    assert cf["summary"]["totalToPay"] == {"amount": "577.00", "currency": "CZK"}           # 2 × 249 + 79
    assert cf["buyer"]["address"]["countryCode"] == "CZ" and cf["buyer"]["preferences"]["language"] == "cs-CZ"
    assert cf["delivery"]["time"]["dispatch"]["to"] == "2026-01-03T00:00:00.000Z"           # handling PT48H


def test_one_fulfillment_order(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    cf = order(allegro, buy(http, offers["C"])["checkoutFormId"])
    assert cf["fulfillment"]["provider"] == {"id": "ALLEGRO"}
    listed = allegro.get("/order/checkout-forms", params={"fulfillment.provider.id": "ALLEGRO"}).json()
    assert [o["id"] for o in listed["checkoutForms"]] == [cf["id"]]


def check_event_shape(event: dict[str, Any], seller_id: str) -> None:
    assert set(event) == {"id", "order", "type", "occurredAt"}
    assert set(event["order"]) == {"seller", "buyer", "lineItems", "checkoutForm", "marketplace"}
    assert event["order"]["seller"] == {"id": seller_id}


def test_events_carry_the_order_as_it_was(http: httpx.Client, demo: dict[str, Any], offers: dict[str, str]) -> None:
    bought = buy(http, offers["A"])
    revisions = [e["order"]["checkoutForm"]["revision"] for e in bought["events"]]
    assert len(set(revisions)) == 3                                  # every buyer step is a new revision
    for event in bought["events"]:
        check_event_shape(event, demo["sellerId"])
