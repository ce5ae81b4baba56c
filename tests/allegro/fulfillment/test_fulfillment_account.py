"""The seller's One Fulfillment settings through plain HTTP: tax id, removal preferences, refund dispositions."""

from __future__ import annotations

import httpx
from fulfillment_helpers import codes_of, other_seller, send

from targ.allegro.fulfillment.account import record_refund_disposition
from targ.testing import TargServer

TAX = "/fulfillment/tax-id"
REMOVAL = "/fulfillment/removal/preferences"
REPORT = "/fulfillment/returns/refund-dispositions"


def test_tax_id_is_added_once_changed_and_verified(targ: TargServer, allegro: httpx.Client) -> None:
    assert codes_of(allegro.get(TAX), 404) == [("NOT_FOUND", None)]
    assert codes_of(send(allegro, "PUT", TAX, {"taxId": "5252674798"}), 404) == [("NOT_FOUND", None)]
    assert codes_of(send(allegro, "POST", TAX, {}), 422) == [("VALIDATION_ERROR", "taxId")]
    added = send(allegro, "POST", TAX, {"taxId": "525-267-47-98"})
    assert added.status_code == 201 and added.content == b""
    assert allegro.get(TAX).json() == {"taxId": "525-267-47-98", "verificationStatus": "ACCEPTED"}
    assert codes_of(send(allegro, "POST", TAX, {"taxId": "5252674798"}), 422) == [("TAX_ID_ALREADY_EXISTS", "taxId")]
    assert send(allegro, "PUT", TAX, {"taxId": "5252674799"}).status_code == 200   # a wrong check digit
    assert allegro.get(TAX).json() == {"taxId": "5252674799", "verificationStatus": "REJECTED"}
    _, stranger = other_seller(targ, "stranger")
    with stranger:
        assert stranger.get(TAX).status_code == 404


def test_removal_preferences(targ: TargServer, allegro: httpx.Client) -> None:
    assert codes_of(allegro.get(REMOVAL), 404) == [("NOT_FOUND", None)]
    assert codes_of(send(allegro, "PUT", REMOVAL, {"operation": "WITHDRAWAL"}), 422) == [
        ("VALIDATION_ERROR", "address")]
    withdrawal = {"operation": "WITHDRAWAL", "address": {
        "company": "Demo Seller sp. z o.o.", "street": "Uliczna 7", "postalCode": "60-166", "city": "Poznań",
        "countryCode": "PL", "phone": {"countryCode": "48", "number": "123123123"}}}
    put = send(allegro, "PUT", REMOVAL, withdrawal)
    assert put.status_code == 201 and put.json() == withdrawal
    assert allegro.get(REMOVAL).json() == withdrawal
    assert send(allegro, "PUT", REMOVAL, {"operation": "DISPOSAL"}).status_code == 201
    assert allegro.get(REMOVAL).json() == {"operation": "DISPOSAL"}
    _, stranger = other_seller(targ, "stranger")
    with stranger:
        assert stranger.get(REMOVAL).status_code == 404


def test_refund_dispositions_of_the_last_90_days(targ: TargServer, allegro: httpx.Client,
                                                 demo: dict[str, object]) -> None:
    assert allegro.get(REPORT).json() == {"report": []}
    with targ.world.store.transaction():      # the returns flow writes them; here in-process, between requests
        for login in ("first", "second"):
            record_refund_disposition(targ.world, str(demo["sellerId"]), {
                "type": "RETURN", "stockStatus": "SELLABLE", "accountableForNonSellability": "NOT_APPLICABLE",
                "buyer": {"login": login}, "product": {"name": "Powerbank", "gtins": ["5901234123471"],
                                                      "quantity": 1}})
    report = allegro.get(REPORT).json()["report"]
    assert [r["buyer"]["login"] for r in report] == ["first", "second"]
    assert allegro.get(REPORT, params={"limit": 1, "offset": 1}).json()["report"][0]["buyer"]["login"] == "second"
    assert allegro.get(REPORT, params={"createdAt.lte": "2025-12-31T00:00:00Z"}).json() == {"report": []}
    too_early = allegro.get(REPORT, params={"createdAt.gte": "2025-09-01T00:00:00Z"})
    assert codes_of(too_early, 422) == [("CREATED_AT_INVALID",
                                         "/fulfillment/returns/refund-dispositions?createdAt.gte&createdAt.lte")]
    _, stranger = other_seller(targ, "stranger")
    with stranger:
        assert stranger.get(REPORT).json() == {"report": []}
