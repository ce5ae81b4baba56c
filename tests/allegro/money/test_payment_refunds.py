"""`POST/GET /payments/refunds` on real orders: what may be refunded, the statuses on the clock, the wallet."""

from __future__ import annotations

from typing import Any

import httpx
from money_helpers import bought, drain, error, refund, refund_body, refunds, units


def test_a_refund_of_units_moves_through_its_statuses(http: httpx.Client, allegro: httpx.Client,
                                                     offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 3)
    unit = cf["lineItems"][0]["price"]["amount"]
    made = refund(allegro, refund_body(cf, lineItems=units(cf, 2), sellerComment="Brak towaru"))
    assert made.status_code == 200, made.text
    r = made.json()
    assert r["status"] == "NEW" and r["payment"] == {"id": cf["payment"]["id"]} and r["order"] == {"id": cf["id"]}
    assert r["totalValue"] == {"amount": f"{2 * float(unit):.2f}", "currency": "PLN"}
    assert r["lineItems"] == [{"id": cf["lineItems"][0]["id"], "type": "QUANTITY", "quantity": 2}]
    assert r["sellerComment"] == "Brak towaru" and r["reason"] == "REFUND"
    listed = refunds(allegro)
    assert listed["refunds"] == [r] and listed["count"] == 1 and listed["totalCount"] == 1
    assert [x["id"] for x in refunds(allegro, status="WAITING")["refunds"]] == [r["id"]]
    drain(http)
    assert refunds(allegro, id=r["id"])["refunds"][0]["status"] == "SUCCESS"
    assert refunds(allegro, status="WAITING")["refunds"] == []


def test_never_above_what_was_paid(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 2)
    assert refund(allegro, refund_body(cf, lineItems=units(cf, 1))).status_code == 200
    # A refund under way counts (allegro-api #8840): one unit is left, two are asked for.
    e = error(refund(allegro, refund_body(cf, lineItems=units(cf, 2))), 422)
    line_item = cf["lineItems"][0]["id"]
    assert e["code"] == "VALIDATION_ERROR" and e["path"] == "lineItems.quantity"
    assert e["message"] == f"Oferta: {line_item} ilość przekroczona, dostępna: 1, żądana: 2"
    assert e["userMessage"] == e["message"]
    english = error(refund(allegro, refund_body(cf, lineItems=units(cf, 2)), **{"Accept-Language": "en-US"}), 422)
    assert english["userMessage"] == f"Offer: {line_item} quantity exceeded, available: 1, requested: 2"
    delivery = cf["delivery"]["cost"]["amount"]
    too_much = f"{float(delivery) + 0.01:.2f}"
    e = error(refund(allegro, refund_body(cf, delivery={"value": {"amount": too_much, "currency": "PLN"}})), 422)
    assert e["path"] == "delivery.value"
    assert e["message"] == (f"Dostawa: wartość przekroczona, dostępna: {delivery.replace('.', ',')} PLN, "
                            f"żądana: {too_much.replace('.', ',')} PLN")
    amount = [{"id": line_item, "type": "AMOUNT", "value": {"amount": "39.99", "currency": "PLN"}}]
    assert refund(allegro, refund_body(cf, lineItems=amount)).status_code == 200
    e = error(refund(allegro, refund_body(cf, lineItems=[{**amount[0], "value": {"amount": "0.01",
                                                                                    "currency": "PLN"}}])), 422)
    assert e["message"] == f"Oferta: {line_item} wartość przekroczona, dostępna: 0,00 PLN, żądana: 0,01 PLN"
    full = refund(allegro, refund_body(cf, delivery={"value": {"amount": delivery, "currency": "PLN"}}))
    assert full.status_code == 200
    assert len(refunds(allegro, **{"payment.id": cf["payment"]["id"]})["refunds"]) == 3


def test_bad_input_names_the_field_and_changes_nothing(http: httpx.Client, allegro: httpx.Client,
                                                       offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 1)
    line_item = cf["lineItems"][0]["id"]
    cases: list[tuple[dict[str, Any], str, str | None]] = [
        ({"lineItems": [{"id": line_item, "type": "AMOUNT"}]}, "lineItems.value", "Invalid value: null"),
        ({"lineItems": [{"id": line_item, "type": "AMOUNT", "value": {"amount": "10.001", "currency": "PLN"}}]},
         "lineItems.value.amount", "Invalid value: 10.001"),
        ({"lineItems": [{"id": line_item, "type": "QUANTITY"}]}, "lineItems.quantity", "Invalid value: null"),
        ({"delivery": {"value": {"amount": "1.00", "currency": "EUR"}}}, "delivery.value.currency",
         "Invalid value: EUR"),
    ]
    for parts, path, details in cases:
        e = error(refund(allegro, refund_body(cf, **parts)), 422)
        assert (e["code"], e["path"], e["details"]) == ("VALIDATION_ERROR", path, details), e
        assert e["userMessage"] == "Niewłaściwy format parametru"
    e = error(refund(allegro, refund_body(cf, lineItems=[{"id": "0b9a3b4e-0000-4000-8000-000000000000",
                                                          "type": "QUANTITY", "quantity": 1}])), 422)
    assert e["path"] == "lineItems.id"
    e = error(refund(allegro, refund_body(cf)), 422)
    assert e["code"] == "VALIDATION_ERROR" and e["path"] is None
    e = error(refund(allegro, {**refund_body(cf, lineItems=units(cf, 1)),
                               "order": {"id": "0b9a3b4e-0000-4000-8000-000000000001"}}), 422)
    assert e["path"] == "order.id"
    missing = refund_body(cf, lineItems=units(cf, 1))
    del missing["reason"]
    assert refund(allegro, missing).status_code in (400, 422)
    assert refunds(allegro)["totalCount"] == 0


def test_unknown_and_other_sellers_payments_are_not_found(targ: Any, http: httpx.Client, allegro: httpx.Client,
                                                          offers: dict[str, str]) -> None:
    from money_helpers import other_seller
    cf = bought(http, allegro, offers["A"], 1)
    unknown = {**refund_body(cf, lineItems=units(cf, 1)), "payment": {"id": "0b9a3b4e-0000-4000-8000-00000000000f"}}
    e = error(refund(allegro, unknown), 404)
    assert e["path"] == "payment.id"
    other = other_seller(targ, http)
    e = error(httpx.post(f"{targ.url}/payments/refunds", json=refund_body(cf, lineItems=units(cf, 1)),
                         headers={**other["headers"], "Content-Type": "application/vnd.allegro.public.v1+json"}), 404)
    assert e["path"] == "payment.id"
    theirs = httpx.get(f"{targ.url}/payments/refunds", headers=other["headers"])
    assert theirs.status_code == 200 and theirs.json()["refunds"] == []


def test_the_same_command_answers_the_same_refund(http: httpx.Client, allegro: httpx.Client,
                                                  offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 2)
    body = refund_body(cf, lineItems=units(cf, 1))
    first = refund(allegro, body).json()
    again = refund(allegro, body)
    assert again.status_code == 200 and again.json() == first
    assert refunds(allegro)["totalCount"] == 1


def test_unpaid_order_has_nothing_to_refund(http: httpx.Client, allegro: httpx.Client,
                                            offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 1, pay=False)
    e = error(refund(allegro, refund_body(cf, lineItems=units(cf, 1))), 422)
    assert e["message"].endswith("dostępna: 0, żądana: 1")


def test_refund_leaves_the_order_and_its_events_alone(http: httpx.Client, allegro: httpx.Client,
                                                      offers: dict[str, str]) -> None:
    from money_helpers import order
    cf = bought(http, allegro, offers["A"], 1)
    events_before = allegro.get("/order/events").json()["events"]
    assert refund(allegro, refund_body(cf, lineItems=units(cf, 1))).status_code == 200
    drain(http)
    after = order(allegro, cf["id"])
    assert (after["status"], after["fulfillment"]["status"], after["revision"]) == \
        (cf["status"], cf["fulfillment"]["status"], cf["revision"])
    assert allegro.get("/order/events").json()["events"] == events_before


def test_list_filters_and_paging(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    first = bought(http, allegro, offers["A"], 1)
    second = bought(http, allegro, offers["A"], 1)
    a = refund(allegro, refund_body(first, lineItems=units(first, 1))).json()
    b = refund(allegro, refund_body(second, lineItems=units(second, 1))).json()
    assert [r["id"] for r in refunds(allegro)["refunds"]] == [b["id"], a["id"]]      # newest first
    assert [r["id"] for r in refunds(allegro, **{"order.id": first["id"]})["refunds"]] == [a["id"]]
    one = refunds(allegro, limit=1, offset=1)
    assert [r["id"] for r in one["refunds"]] == [a["id"]] and one["count"] == 1 and one["totalCount"] == 2
    assert refunds(allegro, **{"occurredAt.gte": "2100-01-01T00:00:00Z"})["refunds"] == []
    e = error(allegro.get("/payments/refunds", params={"occurredAt.gte": "2030-01-02T00:00:00Z",
                                                       "occurredAt.lte": "2030-01-01T00:00:00Z"}), 422)
    assert e["path"] == "occurredAt.gte"
    assert "x-targ-backing" not in allegro.get("/payments/refunds").headers
