"""`GET /payments/payment-operations`: income from paid orders and surcharges, refunds, fees and payouts, with
wallet balances that add up."""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

import httpx
from money_helpers import (
    billing,
    bought,
    drain,
    error,
    operations,
    other_seller,
    refund,
    refund_body,
    refunds,
    units,
)

from targ.testing import TargServer


def _sum(ops: list[dict[str, Any]]) -> Decimal:
    return sum((Decimal(op["value"]["amount"]) for op in ops), Decimal(0))


def test_a_paid_order_is_income_in_the_operators_wallet(http: httpx.Client, allegro: httpx.Client,
                                                        offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 2)
    ops = operations(allegro)["paymentOperations"]
    assert len(ops) == 1
    op = ops[0]
    assert (op["type"], op["group"], op["marketplaceId"]) == ("CONTRIBUTION", "INCOME", "allegro-pl")
    assert op["value"] == cf["payment"]["paidAmount"] == cf["summary"]["totalToPay"]
    assert op["wallet"] == {"paymentOperator": cf["payment"]["provider"], "type": "AVAILABLE",
                            "balance": cf["payment"]["paidAmount"]}
    assert op["payment"] == {"id": cf["payment"]["id"]}
    assert op["participant"]["login"] == cf["buyer"]["login"] and op["participant"]["id"] == cf["buyer"]["id"]
    assert op["occurredAt"] == cf["payment"]["finishedAt"]
    assert "x-targ-backing" not in allegro.get("/payments/payment-operations").headers


def test_unpaid_cash_on_delivery_and_wire_transfers_leave_the_wallet_alone(
        http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    bought(http, allegro, offers["A"], 1, pay=False)
    bought(http, allegro, offers["A"], 1, payment={"type": "CASH_ON_DELIVERY"})
    bought(http, allegro, offers["A"], 1, payment={"type": "WIRE_TRANSFER"})
    assert operations(allegro)["totalCount"] == 0


def test_refunds_fees_and_payouts_add_up(http: httpx.Client, allegro: httpx.Client, demo: dict[str, Any],
                                         offers: dict[str, str]) -> None:
    first = bought(http, allegro, offers["A"], 3)
    second = bought(http, allegro, offers["A"], 1)
    assert refund(allegro, refund_body(first, lineItems=units(first, 1))).status_code == 200
    drain(http)
    ops = operations(allegro)["paymentOperations"]
    assert [o["type"] for o in ops] == ["REFUND_CHARGE", "CONTRIBUTION", "CONTRIBUTION"]
    charge = ops[0]
    assert charge["group"] == "REFUND" and charge["value"]["amount"] == f"-{first['lineItems'][0]['price']['amount']}"
    assert charge["payment"] == {"id": first["payment"]["id"]} and charge["participant"]["login"]
    fees = -sum((Decimal(e["value"]["amount"]) for e in billing(allegro)), Decimal(0))
    assert fees > 0
    paid_out = http.post(f"/__targ/sellers/{demo['sellerId']}/payouts", json={"amount": "10.00"})
    assert paid_out.status_code == 201, paid_out.text
    assert [o["type"] for o in paid_out.json()["operations"]] == ["DEDUCTION_CHARGE", "PAYOUT"]
    ops = operations(allegro)["paymentOperations"]
    assert ops[1]["value"]["amount"] == f"-{fees:.2f}" and ops[1]["group"] == "OUTCOME"
    assert ops[0]["value"]["amount"] == "-10.00" and "payout" in ops[0] and "marketplaceId" not in ops[0]
    # The newest balance is the sum of the wallet's history, and each balance the sum up to it.
    running = Decimal(0)
    for op in reversed(ops):
        running += Decimal(op["value"]["amount"])
        assert Decimal(op["wallet"]["balance"]["amount"]) == running
    total = Decimal(first["payment"]["paidAmount"]["amount"]) + Decimal(second["payment"]["paidAmount"]["amount"])
    expected = total - Decimal(first["lineItems"][0]["price"]["amount"]) - fees - Decimal("10.00")
    assert Decimal(ops[0]["wallet"]["balance"]["amount"]) == expected == _sum(ops)
    # A second payout owes no fees again: everything left goes.
    rest = http.post(f"/__targ/sellers/{demo['sellerId']}/payouts", json={}).json()["operations"]
    assert [o["type"] for o in rest] == ["PAYOUT"] and rest[0]["wallet"]["balance"]["amount"] == "0.00"
    empty = http.post(f"/__targ/sellers/{demo['sellerId']}/payouts", json={})
    assert empty.status_code == 409 and empty.json()["error"] == "insufficient_funds"
    assert http.post("/__targ/sellers/999/payouts", json={}).status_code == 404
    assert http.post(f"/__targ/sellers/{demo['sellerId']}/payouts", json={"amount": 5}).status_code == 400


def test_a_refund_the_wallet_cannot_pay_is_cancelled(http: httpx.Client, allegro: httpx.Client,
                                                     demo: dict[str, Any], offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 2)
    assert http.post(f"/__targ/sellers/{demo['sellerId']}/payouts", json={}).status_code == 201
    made = refund(allegro, refund_body(cf, lineItems=units(cf, 2))).json()
    drain(http)
    assert refunds(allegro, id=made["id"])["refunds"][0]["status"] == "CANCELED"
    assert "REFUND_CHARGE" not in [o["type"] for o in operations(allegro)["paymentOperations"]]
    # A cancelled refund gives its units back (allegro-api #6042): they can be refunded again.
    assert refund(allegro, refund_body(cf, lineItems=units(cf, 2))).status_code == 200


def test_two_refunds_racing_for_the_same_units(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                               offers: dict[str, str]) -> None:
    cf = bought(http, allegro, offers["A"], 1)
    answers: list[int] = []

    def one() -> None:
        with httpx.Client(base_url=targ.url, headers=dict(allegro.headers), timeout=30) as client:
            answers.append(refund(client, refund_body(cf, lineItems=units(cf, 1))).status_code)

    threads = [threading.Thread(target=one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(answers) == [200, 422, 422, 422]
    drain(http)
    charges = [o for o in operations(allegro)["paymentOperations"] if o["type"] == "REFUND_CHARGE"]
    assert len(charges) == 1 and charges[0]["value"]["amount"] == f"-{cf['lineItems'][0]['price']['amount']}"


def test_filters_and_paging(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                            offers: dict[str, str]) -> None:
    first = bought(http, allegro, offers["A"], 1)
    second = bought(http, allegro, offers["A"], 1, buyer={"login": "kupujacy-2"})
    refund(allegro, refund_body(first, lineItems=units(first, 1)))
    drain(http)
    assert operations(allegro)["totalCount"] == 3
    assert [o["type"] for o in operations(allegro, group="REFUND")["paymentOperations"]] == ["REFUND_CHARGE"]
    assert operations(allegro, group=["INCOME", "REFUND"])["totalCount"] == 3
    assert operations(allegro, group="OUTCOME")["totalCount"] == 0
    by_payment = operations(allegro, **{"payment.id": first["payment"]["id"]})["paymentOperations"]
    assert [o["type"] for o in by_payment] == ["REFUND_CHARGE", "CONTRIBUTION"]
    by_login = operations(allegro, **{"participant.login": "kupujacy-2"})["paymentOperations"]
    assert [o["payment"]["id"] for o in by_login] == [second["payment"]["id"]]
    assert operations(allegro, **{"wallet.type": "WAITING"})["totalCount"] == 0
    assert operations(allegro, **{"wallet.paymentOperator": "P24"})["totalCount"] == 0
    assert operations(allegro, marketplaceId="allegro-cz")["totalCount"] == 0
    assert operations(allegro, currency="CZK")["totalCount"] == 0
    paged = operations(allegro, limit=1, offset=2)
    assert paged["count"] == 1 and paged["totalCount"] == 3
    assert paged["paymentOperations"][0]["payment"]["id"] == first["payment"]["id"]
    assert operations(allegro, **{"occurredAt.gte": "2100-01-01T00:00:00Z"})["totalCount"] == 0
    e = error(allegro.get("/payments/payment-operations", params={"occurredAt.gte": "2030-01-02T00:00:00Z",
                                                                  "occurredAt.lte": "2030-01-01T00:00:00Z"}), 422)
    assert e["path"] == "occurredAt.gte"
    assert allegro.get("/payments/payment-operations", params={"limit": 51}).status_code in (400, 422)
    other = other_seller(targ, http)
    theirs = httpx.get(f"{targ.url}/payments/payment-operations", headers=other["headers"])
    assert theirs.status_code == 200 and theirs.json()["totalCount"] == 0
