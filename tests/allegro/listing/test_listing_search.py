"""`GET /offers/listing` over several sellers' offers: who is visible, phrase, filters and their counts, sort,
paging, promoted first, categories, include, translations, marketplaces."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from listing_helpers import NEW, SEND, USED, NewSeller, found, list_offer, offer_body, search

from targ.testing import TargServer


@pytest.fixture
def market(targ: TargServer, allegro: httpx.Client, ids: dict[str, str], seller: NewSeller) -> dict[str, Any]:
    """Two more sellers: `sklep-drugi` lists two iPhones (new 2999.00, used 1999.00) and keeps a draft;
    `sklep-trzeci` lists one (3100.00) and ends it."""
    second, client2 = seller("sklep-drugi")
    third, client3 = seller("sklep-trzeci")
    new = list_offer(targ, client2, offer_body("iPhone 13 128GB niebieski", "2999.00"))
    used = list_offer(targ, client2, offer_body("iPhone 13 128GB używany", "1999.00", condition=USED))
    draft = client2.post("/sale/product-offers", headers=SEND,
                         json=offer_body("iPhone 13 szkic", "2500.00", publication={"status": "INACTIVE"}))
    assert draft.status_code == 201, draft.text
    ended = list_offer(targ, client3, offer_body("iPhone 13 etui gratis", "3100.00"))
    patched = client3.patch(f"/sale/product-offers/{ended}", json={"publication": {"status": "ENDED"}}, headers=SEND)
    assert patched.status_code == 200, patched.text
    return {"second": second, "third": third, "new": new, "used": used, "draft": draft.json()["id"],
            "ended": ended, "client2": client2, **ids}


def test_every_sellers_listed_offers_and_only_those(allegro: httpx.Client, market: dict[str, Any]) -> None:
    result = search(allegro, phrase="iphone")
    items = result["items"]["regular"]
    assert [o["id"] for o in items] == [market["used"], market["new"]]   # relevance: newest listed first
    assert result["searchMeta"] == {"availableCount": 2, "totalCount": 2, "fallback": False}
    offer = next(o for o in items if o["id"] == market["new"])
    assert offer["seller"] == {"id": market["second"]["id"], "login": "sklep-drugi", "company": True,
                               "superSeller": False}
    assert offer["sellingMode"] == {"format": "BUY_NOW", "price": {"amount": "2999.00", "currency": "PLN"},
                                    "popularity": 0, "popularityRange": "0"}
    assert offer["stock"] == {"unit": "UNIT", "available": 5}
    assert offer["delivery"]["lowestPrice"] == {"amount": "9.99", "currency": "PLN"}
    assert offer["images"] and offer["promotion"] == {"emphasized": False, "bold": False, "highlight": False}
    # The draft and the ended offer are nowhere; the ended one is found among closed offers.
    assert market["draft"] not in found(allegro, phrase="iphone szkic", fallback="false")
    assert found(allegro, phrase="iphone", searchMode="CLOSED") == [market["ended"]]
    # A sale moves the seller's stock in the public view too.
    assert found(allegro, **{"seller.id": market["second"]["id"]}) == [market["used"], market["new"]]


def test_seller_filters(allegro: httpx.Client, market: dict[str, Any], demo: dict[str, Any]) -> None:
    both = found(allegro, **{"seller.id": [market["second"]["id"], demo["sellerId"]], "sort": "+price"})
    assert both == [market["A"], market["C"], market["B"], market["used"], market["new"]]
    assert found(allegro, **{"seller.login": "SKLEP-DRUGI", "sort": "-price"}) == [market["new"], market["used"]]
    assert found(allegro, **{"seller.id": f"{market['third']['id']},{demo['sellerId']}",
                             "phrase": "kubek"}) == [market["A"]]
    assert found(allegro, **{"seller.login": "nikt-taki"}) == []


def test_filters_and_their_counts(allegro: httpx.Client, market: dict[str, Any]) -> None:
    category = market["client2"].get(f"/sale/product-offers/{market['new']}").json()["category"]["id"]
    result = search(allegro, **{"category.id": category, "parameter.11323": USED})
    assert [o["id"] for o in result["items"]["regular"]] == [market["used"]]
    condition = next(f for f in result["filters"] if f["id"] == "parameter.11323")
    assert condition["type"] == "MULTI" and condition["name"] == "Stan"
    assert {v["value"]: (v["count"], v["selected"]) for v in condition["values"]} == {
        NEW: (1, False), USED: (1, True)}   # counted over everything but this filter
    price = next(f for f in result["filters"] if f["id"] == "price")
    assert (price["type"], price["minValue"], price["maxValue"], price["unit"]) == ("NUMERIC", 1999.0, 1999.0, "zł")
    assert [v["idSuffix"] for v in price["values"]] == [".from", ".to"]
    assert found(allegro, phrase="iphone", **{"price.from": "2000", "price.to": "3000"}) == [market["new"]]
    assert found(allegro, phrase="iphone", **{"price.to": "1999.00"}) == [market["used"]]
    priced = search(allegro, phrase="iphone", **{"price.from": "2000"})
    bounds = next(f for f in priced["filters"] if f["id"] == "price")["values"]
    assert [(v["value"], v["selected"]) for v in bounds if v["selected"]] == [("2000", True)]
    assert found(allegro, phrase="iphone", **{"sellingMode.format": "AUCTION"}) == []
    formats = search(allegro, phrase="iphone", **{"sellingMode.format": "AUCTION"})["filters"][0]
    assert formats["id"] == "sellingMode.format"
    assert {v["value"]: v["count"] for v in formats["values"]} == {"BUY_NOW": 2, "AUCTION": 0}


def test_categories_path_and_subcategories(allegro: httpx.Client, market: dict[str, Any]) -> None:
    result = search(allegro, **{"category.id": "5"})    # Dom i Ogród: the mug and the lamp
    assert result["categories"]["path"] == [{"id": "5", "name": "Dom i Ogród"}]
    assert result["categories"]["subcategories"] == [{"id": "290681", "name": "Wyposażenie", "count": 2}]
    assert sorted(found(allegro, **{"category.id": "5"})) == sorted([market["A"], market["B"]])
    english = allegro.get("/offers/listing", params={"category.id": "5"}, headers={"Accept-Language": "en-US"})
    assert english.json()["categories"]["path"] == [{"id": "5", "name": "Home and Garden"}]


def test_sort_and_paging(allegro: httpx.Client, market: dict[str, Any], demo: dict[str, Any]) -> None:
    sellers = {"seller.id": [market["second"]["id"], demo["sellerId"]]}
    by_price = found(allegro, **sellers, sort="+price")
    assert found(allegro, **sellers, sort="-price") == by_price[::-1]
    assert found(allegro, **sellers, sort="+withDeliveryPrice") == by_price   # the same delivery price for all
    assert found(allegro, **sellers, sort="-startTime")[:2] == [market["used"], market["new"]]
    page = search(allegro, **sellers, sort="+price", offset=1, limit=2)
    assert [o["id"] for o in page["items"]["regular"]] == by_price[1:3]
    assert page["searchMeta"]["totalCount"] == 5
    options = {o["value"]: o["selected"] for o in page["sort"]}
    assert options == {"relevance": False, "+price": True, "-price": False, "+withDeliveryPrice": False,
                       "-withDeliveryPrice": False, "+endTime": False, "-startTime": False}


def test_promoted_offers_come_first(allegro: httpx.Client, market: dict[str, Any], demo: dict[str, Any]) -> None:
    promoted = allegro.post(f"/sale/offers/{market['B']}/promo-options-modification", headers=SEND, json={
        "modifications": [{"modificationType": "CHANGE", "packageType": "BASE", "packageId": "emphasized10d"}]})
    assert promoted.status_code == 200, promoted.text
    items = search(allegro, **{"seller.id": demo["sellerId"], "sort": "+price"})["items"]
    assert [o["id"] for o in items["promoted"]] == [market["B"]]
    assert items["promoted"][0]["promotion"]["emphasized"] is True
    assert [o["id"] for o in items["regular"]] == [market["A"], market["C"]]
    # Paging runs over promoted, then regular offers.
    second_page = search(allegro, **{"seller.id": demo["sellerId"], "sort": "+price", "offset": 1, "limit": 1})
    assert second_page["items"] == {"promoted": [], "regular": [items["regular"][0]]}


def test_phrase_and_fallback(allegro: httpx.Client, market: dict[str, Any]) -> None:
    assert found(allegro, phrase="iPhone niebieski") == [market["new"]]
    assert found(allegro, phrase="IPHONE UŻYWANY") == [market["used"]]   # case and diacritics ignored
    assert found(allegro, phrase="iphone 128gb") == [market["used"], market["new"]]
    # A parameter value is searched too (allegro-api #9245): the EAN of the mug's product.
    assert found(allegro, phrase="5901234123457") == [market["A"]]
    related = search(allegro, phrase="kubek smartfon")
    assert [o["id"] for o in related["items"]["regular"]] == [market["A"]]
    assert related["searchMeta"]["fallback"] is True
    none = search(allegro, phrase="kubek smartfon", fallback="false")
    assert none["items"] == {"promoted": [], "regular": []} and none["searchMeta"]["totalCount"] == 0


def test_include_picks_the_entities(allegro: httpx.Client, market: dict[str, Any]) -> None:
    assert set(search(allegro, phrase="iphone", include=["-all", "filters", "sort"])) == {"filters", "sort"}
    assert set(search(allegro, phrase="iphone", include="-items")) == {"categories", "filters", "searchMeta", "sort"}
    assert set(search(allegro, phrase="iphone", include="-all,searchMeta")) == {"searchMeta"}


def test_title_in_the_asked_language(allegro: httpx.Client, market: dict[str, Any]) -> None:
    translated = allegro.patch(f"/sale/offers/{market['A']}/translations/en-US", headers=SEND,
                               json={"title": {"translation": "White ceramic mug"}})
    assert translated.status_code == 200, translated.text
    english = allegro.get("/offers/listing", params={"phrase": "kubek"}, headers={"Accept-Language": "en-US"})
    assert english.json()["items"]["regular"][0]["name"] == "White ceramic mug"
    assert search(allegro, phrase="kubek")["items"]["regular"][0]["name"] == "Kubek ceramiczny biały 330 ml"


def test_additional_marketplace(targ: TargServer, allegro: httpx.Client, seller: NewSeller) -> None:
    _, client = seller("sklep-cz")
    body = offer_body("iPhone 13 pro Česko", "3500.00",
                      additionalMarketplaces={"allegro-cz": {"sellingMode": {"price": {"amount": "35000.00",
                                                                                       "currency": "CZK"}}}})
    offer_id = list_offer(targ, client, body)
    czech = search(allegro, phrase="iphone", marketplaceId="allegro-cz")["items"]["regular"]
    assert [(o["id"], o["sellingMode"]["price"]) for o in czech] == [
        (offer_id, {"amount": "35000.00", "currency": "CZK"})]
    assert found(allegro, phrase="kubek", marketplaceId="allegro-cz") == []
