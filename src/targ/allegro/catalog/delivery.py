"""Delivery reference data: `GET /sale/delivery-methods` and `GET /order/carriers`.

Carriers are the ids a seller may give a parcel tracking number for (`POST /order/checkout-forms/{id}/shipments`):
`OTHER` (a custom carrier, named by the seller) has no name; `X_PRESS_COURIERS`, dropped on 2024-12-09, is not
listed but is still accepted and stored as `ALLEGRO` (allegro-behaviour.md §2) — `canonical_carrier` says so for
the orders area.
"""

from __future__ import annotations

from functools import cache

from targ.allegro.catalog.dataset import DELIVERY, load
from targ.json_types import Json

# Dataset fields that are targ's own, not the vendor's: never sent.
INTERNAL = ("carrier",)


@cache
def _carrier_ids() -> frozenset[str]:
    return frozenset(c["id"] for c in load(DELIVERY)["carriers"])


def canonical_carrier(carrier_id: str) -> str | None:
    """The carrier id as Allegro stores it (an alias resolved), or None when Allegro does not know it."""
    carrier_id = load(DELIVERY)["carrierAliases"].get(carrier_id, carrier_id)
    return carrier_id if carrier_id in _carrier_ids() else None


def delivery_method(method_id: str) -> Json | None:
    """A delivery method by id, with `carrier` (the tracking carrier id, or None for the seller's own choice)."""
    return next((m for m in load(DELIVERY)["deliveryMethods"] if m["id"] == method_id), None)
