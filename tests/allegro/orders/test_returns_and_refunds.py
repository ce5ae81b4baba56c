"""Customer returns (beta media type) and commission refund claims."""

from __future__ import annotations

from typing import Any

import httpx
from orders_helpers import SEND, act, advance, buy, errors, order

from targ.testing import TargServer

BETA = "application/vnd.allegro.beta.v1+json"


def declare(http: httpx.Client, order_id: str, **body: Any) -> httpx.Response:
    return http.post(f"/__targ/buyer/checkout-forms/{order_id}/returns", json=body)


def returns(allegro: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    resp = allegro.get("/order/customer-returns", params=params, headers={"Accept": BETA})
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith(BETA)
    return resp.json()["customerReturns"]


def claim(allegro: httpx.Client, line_item: str, quantity: int = 1) -> httpx.Response:
    return allegro.post("/order/refund-claims", json={"lineItem": {"id": line_item}, "quantity": quantity},
                        headers=SEND)


def test_customer_return_follows_its_parcel(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                            offers: dict[str, str]) -> None:
    cf = order(allegro, buy(http, offers["A"], 3)["checkoutFormId"])
    line_item = cf["lineItems"][0]["id"]
    serials = {"lineItems": [{"id": line_item, "serialNumbers": {"entries": [{"value": "A1"}, {"value": "A2"}]}}]}
    allegro.post(f"/order/checkout-forms/{cf['id']}/serial-numbers", json=serials, headers=SEND)
    declared = declare(http, cf["id"], items=[{"lineItemId": line_item, "quantity": 1,
                                               "reason": {"type": "DAMAGED", "userComment": "Pęknięty"}}])
    assert declared.status_code == 201
    ret = declared.json()
    assert ret["status"] == "CREATED" and ret["orderId"] == cf["id"] and ret["marketplaceId"] == "allegro-pl"
    assert ret["items"] == [{"offerId": offers["A"], "quantity": 1, "name": cf["lineItems"][0]["offer"]["name"],
                             "price": {"amount": "39.99", "currency": "PLN"},
                             "url": f"https://allegro.pl/oferta/{offers['A']}",
                             "reason": {"type": "DAMAGED", "userComment": "Pęknięty"}}]
    assert ret["buyer"] == {"email": cf["buyer"]["email"], "login": cf["buyer"]["login"]}
    flags = [e["returned"] for e in order(allegro, cf["id"])["lineItems"][0]["serialNumbers"]["entries"]]
    assert flags == [True, False]
    sent = declare(http, cf["id"], items=[{"lineItemId": line_item, "quantity": 2}],
                   parcel={"carrierId": "INPOST", "waybill": "RET-1"}).json()
    assert sent["status"] == "DISPATCHED" and sent["parcels"][0]["waybill"] == "RET-1"
    assert declare(http, cf["id"], items=[{"lineItemId": line_item}]).json()["error"] == "too_many_returned"
    advance(targ, allegro, "P1D")
    assert [r["status"] for r in returns(allegro)] == ["CREATED", "IN_TRANSIT"]
    advance(targ, allegro, "P2D")
    assert returns(allegro, **{"parcels.waybill": "RET-1"})[0]["status"] == "DELIVERED"
    assert [r["id"] for r in returns(allegro, **{"from": ret["id"]})] == [sent["id"]]
    assert [r["id"] for r in returns(allegro, status="CREATED")] == [ret["id"]]
    assert returns(allegro, orderId="nope") == [] and len(returns(allegro, limit=1)) == 1
    one = allegro.get(f"/order/customer-returns/{ret['id']}", headers={"Accept": BETA})
    assert one.status_code == 200 and one.json()["id"] == ret["id"]


def test_reject_a_return_refund(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    order_id = buy(http, offers["A"], payment={"type": "CASH_ON_DELIVERY"})["checkoutFormId"]
    ret = declare(http, order_id).json()
    assert len(ret["refund"]["bankAccount"]["accountNumber"]) == 26        # cash on delivery: refund by transfer
    url = f"/order/customer-returns/{ret['id']}/rejection"
    body = {"rejection": {"code": "REFUND_REJECTED", "reason": "Towar używany"}}
    headers = {"Accept": BETA, "Content-Type": BETA}
    rejected = allegro.post(url, json=body, headers=headers)
    assert rejected.status_code == 200 and rejected.json()["status"] == "REJECTED"
    assert rejected.json()["rejection"] == {"code": "REFUND_REJECTED", "reason": "Towar używany",
                                            "createdAt": "2026-01-01T00:00:00.000Z"}
    assert allegro.post(url, json=body, headers=headers).status_code == 422
    unknown = allegro.post("/order/customer-returns/a3405c27-b01c-4357-9bea-e13925708b46/rejection", json=body,
                           headers=headers)
    assert unknown.status_code == 422
    missing = allegro.get("/order/customer-returns/a3405c27-b01c-4357-9bea-e13925708b46", headers={"Accept": BETA})
    assert missing.status_code == 404 and errors(missing)[0]["code"] == "NOT_FOUND"
    unpaid = buy(http, offers["A"], pay=False)["checkoutFormId"]
    assert declare(http, unpaid).json()["error"] == "not_ready"


def test_commission_refund_claims(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                  offers: dict[str, str]) -> None:
    cancelled = order(allegro, buy(http, offers["A"], 2)["checkoutFormId"])
    act(http, cancelled["id"], "cancel")
    kept = order(allegro, buy(http, offers["A"])["checkoutFormId"])
    created = claim(allegro, cancelled["lineItems"][0]["id"], 2)
    assert created.status_code == 201 and set(created.json()) == {"id"}
    rejected_id = claim(allegro, kept["lineItems"][0]["id"]).json()["id"]
    first = allegro.get(f"/order/refund-claims/{created.json()['id']}").json()
    assert first["status"] == "IN_PROGRESS" and first["type"] == "MANUAL" and first["quantity"] == 2
    assert first["lineItem"]["offer"]["id"] == offers["A"] and first["buyer"]["login"] == cancelled["buyer"]["login"]
    # The commission claimed is what billing charged for the two units (type SUC, a negative entry).
    charged = [e for e in allegro.get("/billing/billing-entries", params={"order.id": cancelled["id"]}).json()[
        "billingEntries"] if e["type"]["id"] == "SUC"]
    assert len(charged) == 1 and first["commission"] == {"amount": -float(charged[0]["value"]["amount"]),
                                                         "currency": "PLN"}
    again = claim(allegro, cancelled["lineItems"][0]["id"])
    assert again.status_code == 422 and errors(again)[0]["path"] == "lineItem.id"
    assert claim(allegro, kept["lineItems"][0]["id"], 5).status_code == 422
    assert claim(allegro, "62ae358b-8f65-4fc4-9c77-bedf604a2e2b").status_code == 422
    advance(targ, allegro, "PT5S")
    statuses = {c["id"]: c["status"] for c in allegro.get("/order/refund-claims").json()["refundClaims"]}
    assert statuses == {created.json()["id"]: "GRANTED", rejected_id: "REJECTED"}
    granted = allegro.get("/order/refund-claims", params={"status": "GRANTED"}).json()
    assert granted["count"] == 1 and granted["refundClaims"][0]["id"] == created.json()["id"]
    assert allegro.delete(f"/order/refund-claims/{rejected_id}").status_code == 422
    pending = claim(allegro, order(allegro, buy(http, offers["A"])["checkoutFormId"])["lineItems"][0]["id"]).json()
    assert allegro.delete(f"/order/refund-claims/{pending['id']}").status_code == 204
    assert allegro.get(f"/order/refund-claims/{pending['id']}").json()["status"] == "CANCELLED"
    assert allegro.get("/order/refund-claims/09f0b4cc-7880-11e9-8f9e-2a86e4085a59").status_code == 404


def test_returned_units_earn_the_commission_back(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                                 offers: dict[str, str]) -> None:
    cf = order(allegro, buy(http, offers["A"])["checkoutFormId"])
    ret = declare(http, cf["id"], parcel={"carrierId": "INPOST", "waybill": "RET-2"}).json()
    claim_id = claim(allegro, cf["lineItems"][0]["id"]).json()["id"]
    assert returns(allegro)[0]["status"] == "COMMISSION_REFUND_CLAIMED"
    advance(targ, allegro, "PT5S")
    assert allegro.get(f"/order/refund-claims/{claim_id}").json()["status"] == "GRANTED"
    assert returns(allegro, customerReturnId=ret["id"])[0]["status"] == "COMMISSION_REFUNDED"
