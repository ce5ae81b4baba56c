"""`POST /pricing/offer-fee-preview`: the commissions and listing fees of an offer body from the same fee tables
billing charges with, and the vendor's refusals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from pricing_helpers import (
    CATEGORIES,
    FEES,
    SEND,
    commission,
    error,
    featured,
    fee_of,
    main_category,
    offer_body,
    preview,
    previewed,
    promotion_price,
    rate,
)

from targ.testing import TargServer


def _goods_leaves() -> list[str]:
    """One leaf of every main category that sells goods (not advertisements)."""
    out: dict[str, str] = {}
    for category in CATEGORIES:
        if category["leaf"] and not category["options"].get("advertisement"):
            out.setdefault(main_category(category["id"])["id"], category["id"])
    return sorted(out.values())


@pytest.mark.parametrize("category_id", _goods_leaves())
def test_each_main_category_is_charged_its_rate(allegro: httpx.Client, category_id: str) -> None:
    answer = previewed(allegro, {"offer": offer_body(category_id, "123.45")})
    assert answer["commissions"] == [{"name": "Prowizja od sprzedaży", "type": "commissionFee",
                                      "fee": {"amount": commission("123.45", category_id), "currency": "PLN"}}]
    assert answer["quotes"] == [{"name": "Wystawienie przedmiotu", "type": "listingFee",
                                 "fee": {"amount": "0.00", "currency": "PLN"}, "cycleDuration": "PT240H"}]


def test_the_rates_differ_by_main_category(allegro: httpx.Client) -> None:
    fees = {category_id: fee_of(previewed(allegro, {"offer": offer_body(category_id, "100.00")})["commissions"],
                                "commissionFee")["amount"] for category_id in _goods_leaves()}
    assert len(set(fees.values())) >= 4
    assert fees == {c: str(rate(c)) for c in fees}            # 100.00 at r % is r


def test_commission_is_rounded_up_to_the_grosz(allegro: httpx.Client) -> None:
    """10.01 at 8 % is 0.8008: 0.81, not 0.80 (the regulations: "zaokrąglane w górę do pełnych groszy")."""
    phones = "165"
    assert rate(phones) == Decimal("8.00")
    answer = previewed(allegro, {"offer": offer_body(phones, "10.01")})
    assert fee_of(answer["commissions"], "commissionFee")["amount"] == "0.81"


def test_a_featured_offer_pays_the_featured_commission_and_the_fee(allegro: httpx.Client) -> None:
    body = {"offer": offer_body("165", "8.99", promotion={"emphasized10d": True, "departmentPage": True})}
    answer = previewed(allegro, body)
    assert fee_of(answer["commissions"], "commissionFeatureFee") == {"amount": featured("8.99", "165"),
                                                                     "currency": "PLN"}
    assert [c["name"] for c in answer["commissions"]] == ["Prowizja od sprzedaży",
                                                          "Prowizja od sprzedaży oferty wyróżnionej"]
    assert fee_of(answer["quotes"], "distinctionFee") == {"amount": "19.90", "currency": "PLN"}
    assert fee_of(answer["quotes"], "departmentPageFee") == {"amount": promotion_price("departmentPage"),
                                                             "currency": "PLN"}
    assert [q["cycleDuration"] for q in answer["quotes"]] == ["PT240H", "PT240H", "PT240H"]
    daily = previewed(allegro, {"offer": offer_body("165", "8.99", promotion={"emphasized1d": True})})
    assert [q["cycleDuration"] for q in daily["quotes"]] == ["PT240H", "PT24H"]
    # The legacy flag of GET /sale/offers, still honoured (allegro-api #8568).
    legacy = previewed(allegro, {"offer": offer_body("165", "8.99", promotion={"emphasized": True})})
    assert legacy["commissions"] == answer["commissions"]
    plain = previewed(allegro, {"offer": offer_body("165", "8.99", promotion={"emphasized10d": False})})
    assert [c["type"] for c in plain["commissions"]] == ["commissionFee"]


def test_names_in_english_when_asked(allegro: httpx.Client) -> None:
    answer = previewed(allegro, {"offer": offer_body("165", "8.99", promotion={"emphasized10d": True})},
                       **{"Accept-Language": "en-US"})
    assert [c["name"] for c in answer["commissions"]] == ["Sales commission", "Featured offer sales commission"]
    assert [q["name"] for q in answer["quotes"]] == ["Listing fee", "Featured offer fee"]


def test_another_marketplace_is_priced_in_its_currency(allegro: httpx.Client) -> None:
    answer = previewed(allegro, {"offer": offer_body("165", "250.00", "CZK", promotion={"emphasized10d": True}),
                                 "marketplaceId": "allegro-cz"})
    assert fee_of(answer["commissions"], "commissionFee") == {"amount": commission("250.00", "165"),
                                                              "currency": "CZK"}
    assert fee_of(answer["quotes"], "distinctionFee") == {"amount": promotion_price("emphasized10d", "CZK"),
                                                          "currency": "CZK"}
    e = error(preview(allegro, {"offer": offer_body("165", "250.00"), "marketplaceId": "allegro-cz"}), 422)
    assert (e["code"], e["path"]) == ("VALIDATION_ERROR", "offer.sellingMode.price.currency")
    e = error(preview(allegro, {"offer": offer_body("165", "250.00"), "marketplaceId": "allegro-xx"}), 422)
    assert e["path"] == "marketplaceId"


def test_an_auction_is_previewed_on_its_starting_price(allegro: httpx.Client) -> None:
    body = {"offer": {"category": {"id": "165"}, "sellingMode": {
        "format": "AUCTION", "startingPrice": {"amount": "50.00", "currency": "PLN"}}}}
    assert fee_of(previewed(allegro, body)["commissions"], "commissionFee")["amount"] == commission("50.00", "165")


def test_a_product_offer_as_read_is_previewed_as_is(allegro: httpx.Client, offers: dict[str, str]) -> None:
    """The vendor's advice: send the offer as GET returns it (allegro-api #2768); unknown fields are ignored."""
    offer = allegro.get(f"/sale/product-offers/{offers['A']}").json()
    answer = previewed(allegro, {"offer": offer})
    price = offer["sellingMode"]["price"]["amount"]
    assert fee_of(answer["commissions"], "commissionFee")["amount"] == commission(price, offer["category"]["id"])


def test_advertisements_are_priced_by_their_packages(allegro: httpx.Client) -> None:
    flats = "92655"                                            # Nieruchomości › Mieszkania na sprzedaż
    e = error(preview(allegro, {"offer": offer_body(flats, "450000.00")}), 422)
    assert (e["code"], e["message"], e["path"]) == ("VALIDATION_ERROR", "There is no price list for given category",
                                                   "classifiedsPackages")
    standard, bump = ({row["name"]: row for row in FEES["classifieds"]}[n] for n in ("Pakiet Standard",
                                                                                      "Pakiet Podbicie"))
    answer = previewed(allegro, {"offer": offer_body(flats, "450000.00"), "classifiedsPackages": {
        "basePackage": {"id": standard["packageId"]}, "extraPackages": [{"id": bump["packageId"]}]}})
    assert answer == {"commissions": [], "quotes": [
        {"name": "Pakiet Standard", "type": "listingFee", "fee": {"amount": standard["prices"]["PLN"],
                                                                   "currency": "PLN"},
         "cycleDuration": "PT240H", "classifiedsPackage": {"id": standard["packageId"]}},
        {"name": "Pakiet Podbicie", "type": "listingFee", "fee": {"amount": bump["prices"]["PLN"], "currency": "PLN"},
         "cycleDuration": "PT24H", "classifiedsPackage": {"id": bump["packageId"]}}]}
    e = error(preview(allegro, {"offer": offer_body(flats, "1.00"), "classifiedsPackages": {
        "basePackage": {"id": "no-such-package"}}}), 422)
    assert e["path"] == "classifiedsPackages.basePackage.id"
    e = error(preview(allegro, {"offer": offer_body("165", "10.00"), "classifiedsPackages": {
        "basePackage": {"id": standard["packageId"]}}}), 422)
    assert (e["message"], e["path"]) == ("Only advertisements can have packages.", "classifiedsPackages")


@pytest.mark.parametrize(("body", "path"), [
    ({"offer": offer_body("999999999", "10.00")}, "offer.category.id"),
    ({"offer": {"sellingMode": {"price": {"amount": "10.00", "currency": "PLN"}}}}, "offer.category.id"),
    ({"offer": {"category": {"id": "165"}}}, "offer.sellingMode.price"),
    ({"offer": {"category": {"id": "165"}, "sellingMode": {"price": {"currency": "PLN"}}}},
     "offer.sellingMode.price.amount"),
    ({"offer": offer_body("165", "abc")}, "offer.sellingMode.price.amount"),
    ({"offer": offer_body("165", "-5.00")}, "offer.sellingMode.price.amount"),
    ({"offer": offer_body("165", "1.234")}, "offer.sellingMode.price.amount"),
    ({"marketplaceId": "allegro-pl"}, "offer"),
])
def test_bad_offers_are_refused_naming_the_field(allegro: httpx.Client, body: dict[str, Any], path: str) -> None:
    e = error(preview(allegro, body), 422)
    assert (e["code"], e["path"]) == ("VALIDATION_ERROR", path)
    assert e["userMessage"]


def test_unknown_category_and_missing_price_in_the_vendors_words(allegro: httpx.Client) -> None:
    e = error(preview(allegro, {"offer": offer_body("999999999", "10.00")}, **{"Accept-Language": "en-US"}), 422)
    assert (e["message"], e["userMessage"]) == ("Category '999999999' not found", "Category '999999999' not found")
    e = error(preview(allegro, {"offer": offer_body("165", "abc")}), 422)
    assert (e["details"], e["userMessage"]) == ("Invalid value: abc", "Niewłaściwy format parametru")


def test_malformed_bodies_and_media_types(allegro: httpx.Client) -> None:
    e = error(preview(allegro, {"offer": "telefon"}), 422)
    assert (e["code"], e["path"]) == ("JsonMappingException", "offer")
    resp = allegro.post("/pricing/offer-fee-preview", content=b'{"offer": ', headers=SEND)
    assert resp.status_code in (400, 422) and resp.json()["errors"]
    assert allegro.post("/pricing/offer-fee-preview", json={"offer": offer_body("165", "1.00")},
                        headers={"Content-Type": "application/json"}).status_code == 415
    assert allegro.post("/pricing/offer-fee-preview", json={"offer": offer_body("165", "1.00")},
                        headers={**SEND, "Accept": "application/json"}).status_code == 406


def test_another_sellers_offer_id_changes_nothing(targ: TargServer, allegro: httpx.Client,
                                                  offers: dict[str, str]) -> None:
    """The preview prices the body sent; an `offer.id` (anyone's) is not looked up and nothing is stored."""
    other = targ.admin.call("POST", "/sellers", {"login": "inny-sprzedawca"})
    theirs = httpx.post(f"{targ.url}/pricing/offer-fee-preview", json={"offer": offer_body("165", "10.00",
                                                                                          id=offers["A"])},
                        headers={**SEND, "Accept": SEND["Content-Type"],
                                 "Authorization": f"Bearer {other['accessToken']}"})
    assert theirs.status_code == 200
    assert fee_of(theirs.json()["commissions"], "commissionFee")["amount"] == commission("10.00", "165")
    assert allegro.get("/billing/billing-entries").json()["billingEntries"] == []
