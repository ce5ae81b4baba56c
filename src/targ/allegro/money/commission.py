"""The sales commission tariff (billing type SUC) from the reference dataset (`commissions`; each rate's source in
tools/dataset/fees.py): one rate per main category, which its subcategories inherit.

Every commission targ computes goes through `commission` here: what billing charges for a sale
(`money.sales`) and what `POST /pricing/offer-fee-preview` previews (`money.fees`), so the two agree to the grosz.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from functools import cache

from targ.allegro.catalog.dataset import load
from targ.allegro.catalog.tree import tree
from targ.json_types import Json

REFERENCE = "allegro-reference.json"
CENT = Decimal("0.01")


@cache
def _table() -> Json:
    return load(REFERENCE)["commissions"]


@cache
def _rates() -> dict[str, Decimal]:
    return {row["categoryId"]: Decimal(row["rate"]) for row in _table()["byMainCategory"]}


def is_advertisement(category: Json) -> bool:
    return bool(tree().options(category).get("advertisement"))


def rate(category_id: str | None) -> Decimal:
    """The percentage charged on a sale in `category_id`: its main category's rate, none in an advertisement
    category (those pay classified packages: allegro-api #8007), the default for a category the tree does not
    know."""
    category = tree().get(category_id) if category_id else None
    if category is None:
        return Decimal(_table()["default"])
    if is_advertisement(category):
        return Decimal(0)
    return _rates().get(tree().path(category)[0]["id"], Decimal(_table()["default"]))


def commission(value: Decimal, percent: Decimal) -> Decimal:
    """`percent` of the gross `value`, rounded up to the grosz: "Kwoty prowizji zaokrąglane są w górę do pełnych
    groszy" (the regulations' annex 4, Part I point 3; allegro-api #9392: 14.76 % of 639.50 = 94.3902 → 94.40)."""
    return (value * percent / 100).quantize(CENT, rounding=ROUND_CEILING)


def featured_commission(value: Decimal, percent: Decimal) -> Decimal:
    """The extra commission on a sale of a featured offer ("Prowizja od sprzedaży oferty wyróżnionej"): a share of
    the rate, on the same value, rounded up (8.99 at 14.76 % → 1.33 and 1.00: allegro-api #8568)."""
    return commission(value, percent * Decimal(_table()["featuredShare"]) / 100)
