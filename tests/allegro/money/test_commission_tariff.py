"""The commission billing charges for a sale is the one `POST /pricing/offer-fee-preview` previews for the same
offer, to the grosz: one function computes both (targ.allegro.money.commission)."""

from __future__ import annotations

from decimal import Decimal

import httpx
from money_helpers import SEND, billing, bought


def previewed_commission(allegro: httpx.Client, offer_id: str) -> Decimal:
    offer = allegro.get(f"/sale/product-offers/{offer_id}").json()
    resp = allegro.post("/pricing/offer-fee-preview", json={"offer": offer}, headers=SEND)
    assert resp.status_code == 200, resp.text
    fees = [c["fee"] for c in resp.json()["commissions"] if c["type"] == "commissionFee"]
    assert len(fees) == 1 and fees[0]["currency"] == "PLN"
    return Decimal(fees[0]["amount"])


def test_a_sale_is_charged_what_the_preview_said(http: httpx.Client, allegro: httpx.Client,
                                                 offers: dict[str, str]) -> None:
    """Offers A, B and C sit in different categories (different rates); C's 89.90 at 8 % is 7.192, charged 7.20."""
    charged: dict[str, str] = {}
    for key in "ABC":
        expected = previewed_commission(allegro, offers[key])
        cf = bought(http, allegro, offers[key], 1)
        suc = [e for e in billing(allegro, **{"order.id": cf["id"]}) if e["type"]["id"] == "SUC"]
        assert [e["value"]["amount"] for e in suc] == [f"-{expected}"]
        charged[key] = str(expected)
    assert len(set(charged.values())) == 3
    assert charged["C"] == "7.20"


def test_a_price_change_moves_both_alike(http: httpx.Client, allegro: httpx.Client, offers: dict[str, str]) -> None:
    resp = allegro.patch(f"/sale/product-offers/{offers['A']}", headers=SEND,
                         json={"sellingMode": {"price": {"amount": "10.01", "currency": "PLN"}}})
    assert resp.status_code == 200, resp.text
    expected = previewed_commission(allegro, offers["A"])
    cf = bought(http, allegro, offers["A"], 1)
    assert [e["value"]["amount"] for e in billing(allegro, **{"order.id": cf["id"]})] == [f"-{expected}"]
