"""The named durations and limits that drive time-dependent behaviour (`GET/PATCH /__targ/config`).

Durations are ISO 8601 strings on the wire. Defaults follow the vendors' documented behaviour where known
(see ../shared/reference/allegro-behaviour.md); the rest are choices written down in docs/behaviour.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from targ.clock import parse_duration

if TYPE_CHECKING:
    from targ.store.base import Store


@dataclass(frozen=True)
class Setting:
    default: Any
    kind: str          # "duration" | "int" | "choice"
    doc: str
    choices: tuple[str, ...] = ()


SETTINGS: dict[str, Setting] = {
    "accessTokenTtl": Setting("PT12H", "duration", "Lifetime of an Allegro access token (vendor: 12 h)."),
    "refreshTokenTtl": Setting("P90D", "duration", "Lifetime of an Allegro refresh token (vendor: 3 months)."),
    "authorizationCodeTtl": Setting("PT10S", "duration", "Lifetime of an OAuth authorization code (vendor: 10 s)."),
    "deviceCodeTtl": Setting("PT1H", "duration", "Lifetime of a device code (vendor: 3600 s)."),
    "oauthParameters": Setting("form-or-query", "choice", "Where the token endpoint reads its parameters: "
                               "`form-or-query` (the legacy query string too) or `form-only` (the vendor since "
                               "2025-08-23).", ("form-or-query", "form-only")),
    "paymentDeadline": Setting("P7D", "duration", "An unpaid order is AUTO_CANCELLED after this."),
    "auctionPaymentDeadline": Setting("P30D", "duration", "An unpaid order won in an auction is AUTO_CANCELLED "
                                      "after this (vendor: 30 days)."),
    "affiliateConfirmation": Setting("P30D", "duration", "A CPS conversion of a paid, kept order is CONFIRMED "
                                     "this long after the purchase."),
    "buyerCancelWindow": Setting("P3D", "duration", "A buyer may cancel or modify an order within this."),
    "orderRetention": Setting("P365D", "duration", "Orders older than this leave lists and GET by id (404)."),
    "eventRetention": Setting("P60D", "duration", "Order and offer events older than this are dropped."),
    "eventsMode": Setting("ordered", "choice", "`ordered`: events strictly in order; `documented`: the vendor's "
                          "occasional duplicates and out-of-order delivery.", ("ordered", "documented")),
    "jobDelay": Setting("PT5S", "duration", "Default time an asynchronous vendor job (import, export, command) takes."),
    "warehouseArrivalDelay": Setting("P2D", "duration", "Submitted advance ship notice → UNPACKING."),
    "warehouseUnpackingDelay": Setting("P1D", "duration", "UNPACKING → COMPLETED."),
    "warehousePickingDelay": Setting("PT2H", "duration", "A One Fulfillment order PROCESSING → READY_FOR_SHIPMENT "
                                     "(picked and packed)."),
    "warehouseShippingDelay": Setting("PT4H", "duration", "A One Fulfillment order READY_FOR_SHIPMENT → SENT "
                                      "(handed to the carrier)."),
    "carrierStepDelay": Setting("P1D", "duration", "Time between two automatic parcel tracking statuses."),
    "offerImageTtl": Setting("PT6H", "duration", "An image uploaded with POST /sale/images and not used in an offer "
                             "is removed this long after the upload (`expiresAt`; vendor: 6 h)."),
    "maxStatusChangesPerOrder": Setting(100, "int", "Fulfillment status changes allowed per order (vendor: 100)."),
}


class Config:
    META_KEY = "config"

    def __init__(self, store: Store) -> None:
        self._store = store
        # Settings are read on hot paths (every order read checks retention): keep the parsed values while the
        # stored config is unchanged (the store's generation for it says so).
        self._memo: tuple[tuple[int, int], dict[str, Any], dict[str, int]] | None = None

    def _current(self) -> tuple[dict[str, Any], dict[str, int]]:
        generation = self._store.generation(f"meta:{self.META_KEY}")
        if self._memo is None or self._memo[0] != generation:
            stored = self._store.meta_get(self.META_KEY) or {}
            values = {name: stored.get(name, s.default) for name, s in SETTINGS.items()}
            durations = {n: parse_duration(v) for n, v in values.items() if SETTINGS[n].kind == "duration"}
            self._memo = (generation, values, durations)
        return self._memo[1], self._memo[2]

    def values(self) -> dict[str, Any]:
        return dict(self._current()[0])

    def get(self, name: str) -> Any:
        return self._current()[0][name]

    def ms(self, name: str) -> int:
        """A duration setting in milliseconds."""
        return self._current()[1][name]

    def update(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Validates every change first, then applies all of them (or none). Raises ValueError naming the key."""
        for name, value in changes.items():
            setting = SETTINGS.get(name)
            if setting is None:
                raise ValueError(f"unknown setting {name!r}")
            check_value(name, setting, value)
        stored = self._store.meta_get(self.META_KEY) or {}
        stored.update(changes)
        self._store.meta_set(self.META_KEY, stored)
        return self.values()


def check_value(name: str, setting: Setting, value: Any) -> None:
    if setting.kind == "duration":
        if not isinstance(value, str):
            raise ValueError(f"{name} must be an ISO 8601 duration string")
        if parse_duration(value) < 0:
            raise ValueError(f"{name} must not be negative")
    elif setting.kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"{name} must be a non-negative integer")
    elif value not in setting.choices:
        raise ValueError(f"{name} must be one of {', '.join(setting.choices)}")
