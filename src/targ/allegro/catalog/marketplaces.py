"""Marketplaces and what follows from them: `GET /marketplaces` (languages, currencies, shipping countries) and
`GET /sale/tax-settings` (the VAT subjects, rates and exemptions a category allows, per marketplace country)."""

from __future__ import annotations

from targ.allegro.catalog.dataset import REFERENCE, load
from targ.allegro.catalog.tree import tree
from targ.json_types import Json


def marketplaces() -> list[Json]:
    return load(REFERENCE)["marketplaces"]


def base_currency(marketplace_id: str) -> str | None:
    found = next((m for m in marketplaces() if m["id"] == marketplace_id), None)
    return found["currencies"]["base"]["code"] if found else None


def tax_rates(category_id: str, country: str) -> list[str]:
    """Rate values (`23.00`, ..., `EXEMPT`) an offer in the category may declare for a country (offers area)."""
    category = tree().get(category_id)
    if category is None:
        return []
    return [r["value"] for r in load(REFERENCE)["taxProfiles"][category["tax"]]["rates"].get(country, [])]
