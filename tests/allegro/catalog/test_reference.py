"""Marketplaces, tax settings, campaigns and what Allegro offers to dress offers with."""

from __future__ import annotations

import re

import httpx
from catalog_helpers import ALLEGRO_BETA, advance

from targ.allegro.catalog.tree import tree
from targ.testing import TargServer


def test_marketplaces(allegro: httpx.Client, app: httpx.Client) -> None:
    marketplaces = {m["id"]: m for m in allegro.get("/marketplaces").json()["marketplaces"]}
    assert {k: m["currencies"]["base"]["code"] for k, m in marketplaces.items()} == {
        "allegro-pl": "PLN", "allegro-cz": "CZK", "allegro-sk": "EUR", "allegro-hu": "HUF"}
    assert marketplaces["allegro-cz"]["shippingCountries"] == [{"code": "CZ"}]
    assert app.get("/marketplaces").status_code == 403                # user tokens only


def test_tax_settings(allegro: httpx.Client) -> None:
    books = allegro.get("/sale/tax-settings", params={"category.id": "79155", "countryCode": "PL"})
    assert books.status_code == 200
    body = books.json()
    assert [r["countryCode"] for r in body["rates"]] == ["PL"]
    assert [v["value"] for v in body["rates"][0]["values"]] == ["23.00", "5.00", "EXEMPT"]
    assert body["subjects"] == [{"label": "Towar", "value": "GOODS"}]
    phones = allegro.get("/sale/tax-settings", params={"category.id": "165"},
                         headers={"Accept": ALLEGRO_BETA})
    assert phones.headers["content-type"].startswith(ALLEGRO_BETA)
    assert [r["countryCode"] for r in phones.json()["rates"]] == ["PL", "CZ", "SK", "HU"]
    assert "23.00" in [v["value"] for v in phones.json()["rates"][0]["values"]]
    coins = next(c for c in tree().categories if c["name"] == "Monety")
    exemptions = allegro.get("/sale/tax-settings", params={"category.id": coins["id"]}).json()["exemptions"]
    assert {"label": "Procedura marży", "value": "MARGIN_SCHEME"} in exemptions
    assert allegro.get("/sale/tax-settings", params={"category.id": "31337"}).status_code == 404


def test_badge_campaign_windows_follow_the_clock(targ: TargServer, allegro: httpx.Client) -> None:
    campaigns = {c["id"]: c for c in allegro.get("/sale/badge-campaigns").json()["badgeCampaigns"]}
    assert set(campaigns) == {"BARGAIN", "HIT", "NOWOSC", "ALLEGRO_DAYS"}
    assert campaigns["BARGAIN"]["visibility"] == {"type": "WITHIN", "from": "2025-12-02T00:00:00Z",
                                                  "to": "2026-03-02T00:00:00Z"}
    assert campaigns["HIT"]["eligibility"]["refusalReasons"][0]["code"] == "BB1"
    assert allegro.get("/sale/badge-campaigns", params={"marketplace.id": "allegro-cz"}).json() == {
        "badgeCampaigns": []}
    advance(targ, allegro, "P61D")
    assert {c["id"] for c in allegro.get("/sale/badge-campaigns").json()["badgeCampaigns"]} == {"HIT", "NOWOSC"}


def test_alle_discount_campaigns(allegro: httpx.Client) -> None:
    campaigns = allegro.get("/sale/alle-discount/campaigns").json()["alleDiscountCampaigns"]
    assert [c["id"] for c in campaigns] == ["ALLEOBNIZKA_20251231_PL", "ALLEOBNIZKA_20260131_PL",
                                            "ALLEOBNIZKA_20251231_CZ"]
    assert campaigns[0]["name"] == "AlleObniżka 31.12-14.01.2026"
    one = allegro.get("/sale/alle-discount/campaigns", params={"campaignId": campaigns[1]["id"]}).json()
    assert one == {"alleDiscountCampaigns": [campaigns[1]]}


def test_fundraising_search(allegro: httpx.Client) -> None:
    def search(phrase: str, limit: int = 10) -> list[str]:
        resp = allegro.get("/charity/fundraising-campaigns", params={"phrase": phrase, "limit": limit},
                           headers={"Accept": ALLEGRO_BETA})
        assert resp.status_code == 200
        return [c["organization"]["name"] for c in resp.json()["campaigns"]]

    assert search("wielka") == ["Wielka Orkiestra Świątecznej Pomocy"] * 2
    assert search("caritas", 1) == ["Caritas Polska"]
    assert search("pomoc") == ["Wielka Orkiestra Świątecznej Pomocy"] * 2 + [
        "Polska Akcja Humanitarna", "Caritas Polska", "Fundacja Siepomaga"]
    assert search("xyz") == []


def test_offer_options(allegro: httpx.Client, app: httpx.Client) -> None:
    packages = app.get("/sale/offer-promotion-packages").json()
    assert packages["marketplaceId"] == "allegro-pl"
    assert [p["id"] for p in packages["basePackages"]] == ["emphasized10d", "emphasized1d"]
    assert [m["marketplaceId"] for m in packages["additionalMarketplaces"]] == ["allegro-cz", "allegro-sk",
                                                                                 "allegro-hu"]
    templates = allegro.get("/sale/size-tables-templates").json()["templates"]
    assert [t["name"] for t in templates] == ["Odzież damska", "Odzież męska", "Obuwie"]
    definitions = [d["id"] for c in allegro.get("/sale/offer-additional-services/categories").json()["categories"]
                   for d in c["definitions"]]
    assert "GIFT_WRAP" in definitions and "CARRY_IN" in definitions
    types = app.get("/billing/billing-types", headers={"Accept-Language": "en-US"}).json()
    assert {"id": "SUC", "description": "Sales commission"} in types
    deposits = allegro.get("/deposit/types").json()["deposits"]
    assert all(re.fullmatch(r"[0-9a-f-]{36}", d["id"]) and d["price"]["currency"] == "PLN" for d in deposits)


def test_classified_packages(allegro: httpx.Client) -> None:
    cars = next(c for c in tree().categories if c["name"] == "Samochody osobowe")
    packages = allegro.get("/sale/classifieds-packages", params={"category.id": cars["id"]}).json()["packages"]
    assert [(p["name"], p["type"]) for p in packages] == [("Standard", "BASE"), ("Power", "BASE"),
                                                          ("Premium", "BASE"), ("Podbicie", "EXTRA")]
    assert allegro.get("/sale/classifieds-packages", params={"category.id": "165"}).json() == {"packages": []}
    power = allegro.get("/sale/classifieds-packages/6174be19-56f9-484b-b72c-43b0b00785e8").json()
    assert power["name"] == "Power" and power["promotions"] == [{"name": "emphasized", "duration": "PT240H"}]
    assert allegro.get("/sale/classifieds-packages/nope").status_code == 404
