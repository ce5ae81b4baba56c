"""`GET /sale/alle-discount/{campaignId}/eligible-offers`: computed from the seller's offers as they are on the clock
(price history, stock, status, condition, invoice), paged and filtered, refused with the vendor's codes."""

from __future__ import annotations

from typing import Any

import httpx
from allediscount_helpers import (
    Body,
    campaign,
    create_offer,
    eligible,
    eligible_by_id,
    offer_body,
    patch_offer,
    send,
)

from targ.testing import TargServer


def price(amount: str, currency: str = "PLN") -> Body:
    return {"amount": amount, "currency": currency}


def test_prices_are_verified_for_a_day_then_the_base_is_the_lowest_of_30_days(
        targ: TargServer, seller_client: httpx.Client, ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    fresh = eligible_by_id(seller_client, discount)
    assert list(fresh) == [ids["A"], ids["B"], ids["C"]]
    a = fresh[ids["A"]]
    assert a["basePrice"] is None and "requiredMerchantPrice" not in a["alleDiscount"]
    verifying = "OFFER_PRICE_VERIFICATION_IN_PROGRESS"
    assert a["alleDiscount"]["campaignConditions"] == {"meetsConditions": False,
                                                       "violations": [{"code": verifying, "message": verifying}]}
    targ.clock.advance("PT23H59M")
    assert eligible_by_id(seller_client, discount)[ids["A"]]["basePrice"] is None
    targ.clock.advance("PT1M")
    a = eligible_by_id(seller_client, discount)[ids["A"]]
    assert a["basePrice"] == price("39.99")
    assert a["product"]["id"] == seller_client.get(f"/sale/product-offers/{ids['A']}").json()[
        "productSet"][0]["product"]["id"]
    # DISCOUNT: 10 % below the lowest price of 30 days, rounded down; Allegro adds 10 % more.
    assert a["alleDiscount"] == {"campaignConditions": {"meetsConditions": True, "violations": []},
                                 "requiredMerchantPrice": price("35.99"),
                                 "minimumGuaranteedDiscount": {"percentage": "10.00"}}
    # A higher price does not raise the base while the lower one is within 30 days; a lower one lowers it at once.
    patch_offer(seller_client, ids["A"], {"sellingMode": {"price": price("49.99")}})
    assert eligible_by_id(seller_client, discount)[ids["A"]]["basePrice"] == price("39.99")
    targ.clock.advance("P30D")
    a = eligible_by_id(seller_client, discount)[ids["A"]]
    assert (a["basePrice"], a["alleDiscount"]["requiredMerchantPrice"]) == (price("49.99"), price("44.99"))
    patch_offer(seller_client, ids["A"], {"sellingMode": {"price": price("45.00")}})
    assert eligible_by_id(seller_client, discount)[ids["A"]]["basePrice"] == price("45.00")


def test_the_window_holds_a_price_for_exactly_30_days(targ: TargServer, seller_client: httpx.Client,
                                                       ids: dict[str, str]) -> None:
    sourcing = campaign(seller_client, "SOURCING")
    targ.clock.advance("P1D")
    patch_offer(seller_client, ids["C"], {"sellingMode": {"price": price("99.90")}})
    targ.clock.advance("P29DT23H59M59S")
    c = eligible_by_id(seller_client, sourcing)[ids["C"]]
    # SOURCING: no reduction below the base price is required; Allegro guarantees 6 %.
    assert (c["basePrice"], c["alleDiscount"]["requiredMerchantPrice"]) == (price("89.90"), price("89.90"))
    assert c["alleDiscount"]["minimumGuaranteedDiscount"] == {"percentage": "6.00"}
    targ.clock.advance("PT1S")
    assert eligible_by_id(seller_client, sourcing)[ids["C"]]["basePrice"] == price("99.90")


def test_stock_and_status_make_an_offer_eligible_or_not(targ: TargServer, seller_client: httpx.Client,
                                                        ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    targ.clock.advance("P1D")
    offers = eligible_by_id(seller_client, discount)
    assert offers[ids["B"]]["alleDiscount"]["campaignConditions"] == {
        "meetsConditions": False, "violations": [{"code": "NOT_ENOUGH_STOCK", "message": "NOT_ENOUGH_STOCK"}]}
    meeting = eligible(seller_client, discount, meetsConditions="true")
    assert [o["id"] for o in meeting["eligibleOffers"]] == [ids["A"], ids["C"]] and meeting["totalCount"] == 2
    patch_offer(seller_client, ids["B"], {"stock": {"available": 5}})
    patch_offer(seller_client, ids["A"], {"stock": {"available": 4}})
    offers = eligible_by_id(seller_client, discount)
    assert offers[ids["B"]]["alleDiscount"]["campaignConditions"]["meetsConditions"] is True
    assert [v["code"] for v in offers[ids["A"]]["alleDiscount"]["campaignConditions"]["violations"]] == [
        "NOT_ENOUGH_STOCK"]
    # An ended offer is not listed at all; listed again, its history still counts (no new verification).
    patch_offer(seller_client, ids["A"], {"publication": {"status": "ENDED"}})
    assert ids["A"] not in eligible_by_id(seller_client, discount)
    assert eligible(seller_client, discount, offerId=ids["A"]) == {"eligibleOffers": [], "count": 0,
                                                                   "totalCount": 0}
    patch_offer(seller_client, ids["A"], {"stock": {"available": 50}, "publication": {"status": "ACTIVE"}})
    targ.drain()
    a = eligible(seller_client, discount, offerId=ids["A"])["eligibleOffers"]
    assert [(o["id"], o["basePrice"], o["alleDiscount"]["campaignConditions"]["meetsConditions"]) for o in a] == [
        (ids["A"], price("39.99"), True)]


def test_condition_invoice_and_catalogue_product(targ: TargServer, seller_client: httpx.Client,
                                                 ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    used = create_offer(targ, seller_client, offer_body(parameters=[{"id": "11323", "valuesIds": ["11323_2"]}],
                                                        payments={"invoice": "NO_INVOICE"}))
    data = {"name": "Kubek termiczny stalowy 450 ml", "category": {"id": "210098"},
            "images": ["https://example.com/kubek.jpg"], "parameters": [{"id": "225693", "values": ["5909990000017"]}]}
    proposed = create_offer(targ, seller_client, offer_body(productSet=[{"product": data}]))
    targ.clock.advance("P1D")
    offers = eligible_by_id(seller_client, discount)
    assert [v["code"] for v in offers[used]["alleDiscount"]["campaignConditions"]["violations"]] == [
        "VAT_INVOICE_REQUIRED", "NOT_NEW_OFFER"]
    assert offers[used]["basePrice"] == price("3999.00")
    # A product the seller proposed is in no campaign's list of goods.
    assert proposed not in offers and list(offers) == [ids["A"], ids["B"], ids["C"], used]


def test_paging_filters_and_sellers(targ: TargServer, seller_client: httpx.Client,
                                    other_seller: tuple[Body, httpx.Client], ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    page = eligible(seller_client, discount, offset=1, limit=1)
    assert [o["id"] for o in page["eligibleOffers"]] == [ids["B"]] and (page["count"], page["totalCount"]) == (1, 3)
    assert eligible(seller_client, discount, offset=3)["eligibleOffers"] == []
    assert [o["id"] for o in eligible(seller_client, discount, offerId=ids["C"])["eligibleOffers"]] == [ids["C"]]
    _, other = other_seller
    assert eligible(other, discount) == {"eligibleOffers": [], "count": 0, "totalCount": 0}
    assert eligible(other, discount, offerId=ids["A"])["eligibleOffers"] == []
    mine = create_offer(targ, other, offer_body())
    assert [o["id"] for o in eligible(other, discount)["eligibleOffers"]] == [mine]
    assert ids["A"] in eligible_by_id(seller_client, discount) and mine not in eligible_by_id(seller_client, discount)


def test_another_marketplace_lists_the_offers_visible_there(targ: TargServer, seller_client: httpx.Client,
                                                            ids: dict[str, str]) -> None:
    czech = campaign(seller_client, "DISCOUNT", "allegro-cz")
    assert eligible(seller_client, czech)["eligibleOffers"] == []
    both = create_offer(targ, seller_client, offer_body(
        additionalMarketplaces={"allegro-cz": {"sellingMode": {"price": price("4100.00", "CZK")}}}))
    targ.clock.advance("P1D")
    listed = eligible(seller_client, czech)["eligibleOffers"]
    assert [(o["id"], o["basePrice"], o["alleDiscount"]["requiredMerchantPrice"]) for o in listed] == [
        (both, price("4100.00", "CZK"), price("3690.00", "CZK"))]


def test_refusals(seller_client: httpx.Client) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    path = f"/sale/alle-discount/{discount}/eligible-offers"
    cases: list[tuple[dict[str, Any], str, str, str]] = [
        ({"offset": -1}, "OffsetNegative", "offset", "Url parameter offset cannot be negative"),
        ({"limit": 0}, "LimitBelowMin", "limit", "Url parameter limit must be at least 1"),
        ({"limit": 201}, "LimitAboveMax", "limit", "Url parameter limit cannot be greater than 200"),
        ({"offerId": "abc"}, "OfferIdInvalidFormat", "offerId", "Url parameter offerId has invalid format"),
    ]
    for params, code, where, message in cases:
        resp = seller_client.get(path, params=params)
        assert resp.status_code == 400, resp.text
        assert resp.json() == {"errors": [{"code": code, "message": message, "details": None, "path": where,
                                           "userMessage": message + ".", "metadata": {}}]}
    assert len(eligible(seller_client, discount, limit=200)["eligibleOffers"]) == 3
    missing = seller_client.get("/sale/alle-discount/ALLEOBNIZKA_20000101_PL/eligible-offers")
    assert missing.status_code == 404
    assert missing.json()["errors"][0] == {
        "code": "CampaignNotFound", "message": "Campaign doesn't exist or it isn't AlleDiscount campaign",
        "details": None, "path": None, "metadata": {},
        "userMessage": "Campaign with given id doesn't exist or isn't AlleDiscount campaign. Check the provided "
                       "campaign id."}
    assert send(seller_client, "GET", "/sale/alle-discount/campaigns").status_code == 200


def test_the_campaigns_scope_is_needed(targ: TargServer, demo: dict[str, Any], seller_client: httpx.Client) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    token = targ.admin.call("POST", f"/sellers/{demo['sellerId']}/tokens",
                            {"scopes": ["allegro:api:sale:offers:read"]})["accessToken"]
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/vnd.allegro.public.v1+json"}
    for path in (f"/sale/alle-discount/{discount}/eligible-offers", f"/sale/alle-discount/{discount}/submitted-offers"):
        resp = httpx.get(f"{targ.url}{path}", headers=headers)
        assert resp.status_code == 403 and resp.json()["errors"][0]["code"] == "AccessDenied"
