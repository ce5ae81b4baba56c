"""The unchanged generated Allegro client (`allegro-pl-rest-api` 2020.3.12, import `allegro_api`): its PricingApi
previews an offer's fees and reads the quotes of the seller's offers."""

from __future__ import annotations

from typing import Any

import allegro_api
import httpx
import pytest


@pytest.fixture
def pricing(demo_client: allegro_api.ApiClient) -> allegro_api.PricingApi:
    return allegro_api.PricingApi(demo_client)


def test_fee_preview_and_quotes_through_the_client(pricing: allegro_api.PricingApi, http: httpx.Client,
                                                   demo: dict[str, Any]) -> None:
    # The client's 2020 offer model promotes with the legacy `emphasized` flag, which the service still honours;
    # its BuyNowPrice model has no fields (an allOf the generator lost), so the price goes in as a plain mapping.
    offer = allegro_api.Offer(
        name="Smartfon", category=allegro_api.Category(id="165"),
        selling_mode=allegro_api.SellingMode(format="BUY_NOW", price={"amount": "10.01", "currency": "PLN"}),
        promotion=allegro_api.Promotion(emphasized=True))
    answer = pricing.calculate_fee_preview_using_post(allegro_api.PublicOfferPreviewRequest(offer=offer))
    # The 2020 models have no `type` (the spec added it later): names and amounts are what the client reads.
    assert [(c.name, c.fee.amount) for c in answer.commissions] == [
        ("Prowizja od sprzedaży", "0.81"), ("Prowizja od sprzedaży oferty wyróżnionej", "0.61")]
    assert [(q.name, q.fee.amount, q.cycle_duration) for q in answer.quotes] == [
        ("Wystawienie przedmiotu", "0.00", "PT240H"), ("Opłata za wyróżnienie", "19.90", "PT240H")]

    offer_a = demo["offers"][0]["id"]
    resp = http.post(f"/sale/offers/{offer_a}/promo-options-modification",
                     json={"modifications": [{"modificationType": "CHANGE", "packageType": "BASE",
                                              "packageId": "emphasized10d"}]},
                     headers={"Authorization": f"Bearer {demo['accessToken']}",
                              "Accept": "application/vnd.allegro.public.v1+json",
                              "Content-Type": "application/vnd.allegro.public.v1+json"})
    assert resp.status_code == 200, resp.text
    quotes = pricing.offer_quotes_public_using_get(offer_id=[offer_a, demo["offers"][1]["id"]])
    assert quotes.count == 1
    quote = quotes.quotes[0]
    assert (quote.type, quote.offer.id, quote.fee.amount, quote.enabled) == ("EMPHASIZED", offer_a, "19.90", True)
    assert quote.next_date.isoformat() == "2026-01-11T00:00:00+00:00"
