"""`GET /billing/billing-entries`: the sales commission of each sale from the tariff, commission coming back when a
sale does not complete, and the list's filters."""

from __future__ import annotations

import json
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import Any

import httpx
from money_helpers import SEND, billing, bought, drain, error, other_seller

import targ
from targ.testing import TargServer

TARIFF = json.loads((Path(targ.__file__).parent / "data" / "allegro-reference.json").read_text())["commissions"]


def rate_for(allegro: httpx.Client, offer_id: str) -> Decimal:
    """The tariff's rate for the offer's main category, found through the public category tree."""
    category = allegro.get(f"/sale/product-offers/{offer_id}").json()["category"]["id"]
    while True:
        node = allegro.get(f"/sale/categories/{category}").json()
        if not node.get("parent"):
            break
        category = node["parent"]["id"]
    rates = {row["categoryId"]: row["rate"] for row in TARIFF["byMainCategory"]}
    return Decimal(rates.get(category, TARIFF["default"]))


def commission(price: str, quantity: int, rate: Decimal) -> Decimal:
    """Rounded up to the grosz, as Allegro rounds commissions (the regulations' annex 4, Part I point 3)."""
    return (Decimal(price) * quantity * rate / 100).quantize(Decimal("0.01"), rounding=ROUND_CEILING)


def test_a_sale_is_charged_its_commission(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 3)
    li = cf["lineItems"][0]
    fee = commission(li["price"]["amount"], 3, rate_for(allegro, offers["A"]))
    assert fee > 0
    entries = billing(allegro)
    assert entries == [{"id": entries[0]["id"], "occurredAt": li["boughtAt"],
                        "type": {"id": "SUC", "name": "Sales commission"},
                        "offer": {"id": offers["A"], "name": li["offer"]["name"]},
                        "value": {"amount": f"-{fee}", "currency": "PLN"}, "tax": {"percentage": "23.00"},
                        "balance": {"amount": f"-{fee}", "currency": "PLN"}, "order": {"id": cf["id"]}}]
    polish = allegro.get("/billing/billing-entries", headers={"Accept-Language": "pl-PL"}).json()
    assert polish["billingEntries"][0]["type"]["name"] == "Prowizja od sprzedaży"
    assert "x-targ-backing" not in allegro.get("/billing/billing-entries").headers


def test_an_unpaid_order_cancelled_gives_the_commission_back(targ: TargServer, http: httpx.Client,
                                                             allegro: httpx.Client, offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 2, pay=False)
    targ.clock.advance("P8D")                      # past paymentDeadline: AUTO_CANCELLED
    allegro.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"
    entries = billing(allegro, **{"order.id": cf["id"]})
    assert [e["type"]["id"] for e in entries] == ["REF", "SUC"]
    assert entries[0]["type"]["name"] == "Refund"
    assert Decimal(entries[0]["value"]["amount"]) == -Decimal(entries[1]["value"]["amount"]) > 0
    assert entries[0]["balance"]["amount"] == "0.00" and entries[0]["offer"]["id"] == offers["A"]


def test_a_granted_refund_claim_gives_the_claimed_units_commission_back(
        http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 3)
    assert http.post(f"/__targ/buyer/checkout-forms/{cf['id']}/cancel", json={}).status_code == 200
    assert [e["type"]["id"] for e in billing(allegro)] == ["SUC"]          # paid: the commission stays for now
    li = cf["lineItems"][0]
    claim = allegro.post("/order/refund-claims", json={"lineItem": {"id": li["id"]}, "quantity": 2}, headers=SEND)
    assert claim.status_code == 201, claim.text
    drain(http)
    assert allegro.get(f"/order/refund-claims/{claim.json()['id']}").json()["status"] == "GRANTED"
    rate = rate_for(allegro, offers["A"])
    entries = billing(allegro)
    assert [e["type"]["id"] for e in entries] == ["REF", "SUC"]
    back = commission(li["price"]["amount"], 3, rate) - commission(li["price"]["amount"], 1, rate)
    assert entries[0]["value"]["amount"] == f"{back}" and entries[0]["order"] == {"id": cf["id"]}
    assert Decimal(entries[0]["balance"]["amount"]) == -commission(li["price"]["amount"], 1, rate)


def test_filters_and_paging(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                            offers: dict[str, str]) -> None:
    first = bought(http, allegro, offers["A"], 1)
    second = bought(http, allegro, offers["B"], 1)
    assert [e["order"]["id"] for e in billing(allegro)] == [second["id"], first["id"]]      # newest first
    assert [e["order"]["id"] for e in billing(allegro, **{"order.id": first["id"]})] == [first["id"]]
    assert [e["offer"]["id"] for e in billing(allegro, **{"offer.id": offers["B"]})] == [offers["B"]]
    assert len(billing(allegro, **{"type.id": ["SUC", "LIS"]})) == 2
    assert billing(allegro, **{"type.id": "REF"}) == []
    assert [e["order"]["id"] for e in billing(allegro, limit=1, offset=1)] == [first["id"]]
    assert billing(allegro, marketplaceId="allegro-cz") == []
    assert billing(allegro, **{"occurredAt.lte": "2000-01-01T00:00:00Z"}) == []
    e = error(allegro.get("/billing/billing-entries", params={"occurredAt.gte": "2030-01-02T00:00:00Z",
                                                              "occurredAt.lte": "2030-01-01T00:00:00Z"}), 422)
    assert (e["code"], e["path"]) == ("VALIDATION_ERROR", "occurredAt.gte")
    e = error(allegro.get("/billing/billing-entries", params={"marketplaceId": "allegro-xx"}), 422)
    assert e["path"] == "marketplaceId"
    assert allegro.get("/billing/billing-entries", params={"limit": 101}).status_code in (400, 422)
    other = other_seller(targ, http)
    theirs = httpx.get(f"{targ.url}/billing/billing-entries", headers=other["headers"])
    assert theirs.status_code == 200 and theirs.json()["billingEntries"] == []


def test_money_agrees_to_the_grosz(http: httpx.Client, allegro: httpx.Client, demo: dict[str, Any],
                                   offers: dict[str, str]) -> None:
    """Purchases, a partial and a full refund, fees and a payout: the orders, refunds, wallet and billing agree."""
    from money_helpers import operations, refund, refund_body, refunds, units
    orders = [bought(http, allegro, offers["A"], 3), bought(http, allegro, offers["A"], 2)]
    partial = refund(allegro, refund_body(orders[0], lineItems=units(orders[0], 1))).json()
    full = refund(allegro, refund_body(orders[1], lineItems=units(orders[1], 2), delivery={
        "value": orders[1]["delivery"]["cost"]})).json()
    assert Decimal(full["totalValue"]["amount"]) == Decimal(orders[1]["payment"]["paidAmount"]["amount"])
    drain(http)
    assert {r["status"] for r in refunds(allegro)["refunds"]} == {"SUCCESS"}
    assert http.post(f"/__targ/sellers/{demo['sellerId']}/payouts", json={"amount": "1.00"}).status_code == 201
    ops = operations(allegro)["paymentOperations"]
    by_type: dict[str, Decimal] = {}
    for op in ops:
        by_type[op["type"]] = by_type.get(op["type"], Decimal(0)) + Decimal(op["value"]["amount"])
    paid = sum((Decimal(o["payment"]["paidAmount"]["amount"]) for o in orders), Decimal(0))
    refunded = Decimal(partial["totalValue"]["amount"]) + Decimal(full["totalValue"]["amount"])
    entries = billing(allegro)
    fees = sum((Decimal(e["value"]["amount"]) for e in entries), Decimal(0))
    rate = rate_for(allegro, offers["A"])
    price = orders[0]["lineItems"][0]["price"]["amount"]
    assert fees == -(commission(price, 3, rate) + commission(price, 2, rate))
    assert Decimal(entries[0]["balance"]["amount"]) == fees
    assert by_type == {"CONTRIBUTION": paid, "REFUND_CHARGE": -refunded, "DEDUCTION_CHARGE": fees,
                       "PAYOUT": Decimal("-1.00")}
    assert Decimal(ops[0]["wallet"]["balance"]["amount"]) == paid - refunded + fees - 1
