"""The operations (marketplacesGET, getTaxSettingsForCategory); what they do, the vendor's rules and their sources:
`targ.allegro.catalog.marketplaces`."""

from __future__ import annotations

from targ.allegro.catalog.dataset import REFERENCE, load
from targ.allegro.catalog.marketplaces import marketplaces
from targ.allegro.catalog.tree import require_category
from targ.handlers import handler
from targ.http.request import Reply, Request


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
