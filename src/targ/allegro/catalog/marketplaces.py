"""Marketplaces and what follows from them: `GET /marketplaces` (languages, currencies, shipping countries) and
`GET /sale/tax-settings` (the VAT subjects, rates and exemptions a category allows, per marketplace country)."""

from __future__ import annotations

from typing import Any

from targ.allegro.catalog.dataset import REFERENCE, load
from targ.allegro.catalog.tree import require_category, tree
from targ.handlers import handler
from targ.http.request import Reply, Request

Json = dict[str, Any]


def marketplaces() -> list[Json]:
    return load(REFERENCE)["marketplaces"]


def base_currency(marketplace_id: str) -> str | None:
    found = next((m for m in marketplaces() if m["id"] == marketplace_id), None)
    return found["currencies"]["base"]["code"] if found else None


@handler("allegro", "marketplacesGET", backing="dataset")
def list_marketplaces(req: Request) -> Reply:
    return Reply({"marketplaces": marketplaces()})


@handler("allegro", "getTaxSettingsForCategory", backing="dataset")
def tax_settings(req: Request) -> Reply:
    """The category's tax profile (inherited down the tree: books and food get the reduced rates, collectibles
    the margin scheme, services and real estate the SERVICES subject); `countryCode` narrows the rates."""
    category = require_category(req.param("category.id"))
    profile = load(REFERENCE)["taxProfiles"][category["tax"]]
    countries = req.param("countryCode") or list(profile["rates"])
    rates = [{"countryCode": c, "values": profile["rates"][c]} for c in profile["rates"] if c in countries]
    return Reply({"subjects": profile["subjects"], "rates": rates, "exemptions": profile["exemptions"]})


def tax_rates(category_id: str, country: str) -> list[str]:
    """Rate values (`23.00`, ..., `EXEMPT`) an offer in the category may declare for a country (offers area)."""
    category = tree().get(category_id)
    if category is None:
        return []
    return [r["value"] for r in load(REFERENCE)["taxProfiles"][category["tax"]]["rates"].get(country, [])]
