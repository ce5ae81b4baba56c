"""The sales commission tariff (billing type SUC) from the reference dataset: one rate per main category, which its
subcategories inherit (tools/dataset/reference_table.py, COMMISSIONS, with its source)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from targ.allegro.catalog.dataset import load
from targ.allegro.catalog.tree import tree

REFERENCE = "allegro-reference.json"
CENT = Decimal("0.01")


@cache
def _rates() -> tuple[dict[str, Decimal], Decimal]:
    table = load(REFERENCE)["commissions"]
    return ({row["categoryId"]: Decimal(row["rate"]) for row in table["byMainCategory"]},
            Decimal(table["default"]))


def rate(category_id: str | None) -> Decimal:
    """The percentage charged on a sale in `category_id` (the default for a category the tree does not know)."""
    by_main, default = _rates()
    category = tree().get(category_id) if category_id else None
    if category is None:
        return default
    return by_main.get(tree().path(category)[0]["id"], default)


def commission(value: Decimal, percent: Decimal) -> Decimal:
    """`percent` of `value`, rounded half up to the grosz (a fee is never a fraction of a grosz)."""
    return (value * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
