"""The seller's billing account (`GET /billing/billing-entries`): fees Allegro charges and what it gives back.

Entries are docs of kind `billing_entry`, owner = the seller, holding the `BillingEntry` without `type.name` (it is
translated when read) plus
`_targ {ms, marketplace}`. Charges are negative and refunds positive (allegro-api #7806); `balance` is the account's
balance after the entry, kept per seller and currency in a doc of kind `billing_balance`.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from targ.allegro.catalog.dataset import load
from targ.allegro.messages import localised
from targ.allegro.orders.model import money
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

ENTRY_KIND = "billing_entry"
BALANCE_KIND = "billing_balance"
SALES_COMMISSION, REFUND = "SUC", "REF"
# Allegro's fees carry Polish VAT (allegro-api #7806 shows "tax": {"percentage": "23.00"} on a fee).
VAT = "23.00"


@cache
def _types() -> dict[str, Json]:
    return {t["id"]: t for t in load("allegro-reference.json")["billingTypes"]}


def balance(world: World, seller: str, currency: str) -> Decimal:
    doc = world.store.get(BALANCE_KIND, f"{seller}:{currency}")
    return Decimal(doc["amount"]) if doc else Decimal(0)


def book(world: World, seller: str, type_id: str, amount: Decimal, currency: str, *, marketplace: str,
         offer: Json | None = None, order_id: str | None = None) -> Json:
    """One entry of `amount` (negative: a charge), now."""
    after = balance(world, seller, currency) + amount
    world.store.put(BALANCE_KIND, f"{seller}:{currency}", {"amount": str(after)}, owner=seller)
    now = world.clock.now_ms()
    entry: Json = {"id": world.ids.uuid(ENTRY_KIND), "occurredAt": iso(now), "type": {"id": type_id}}
    if offer is not None:
        entry["offer"] = {"id": offer["id"], "name": offer["name"]}
    entry.update({"value": money(amount, currency), "tax": {"percentage": VAT},
                  "balance": money(after, currency)})
    if order_id is not None:
        entry["order"] = {"id": order_id}
    world.store.insert(ENTRY_KIND, entry["id"], {**entry, "_targ": {"ms": now, "marketplace": marketplace}},
                       owner=seller, alt=type_id)
    return entry


def entries(world: World, seller: str) -> list[Json]:
    """Every entry of the seller, newest first (the spec's order), with `_targ`."""
    return [doc.data for doc in world.store.find(ENTRY_KIND, seller, desc=True)]


def view(entry: Json) -> Json:
    """The entry as listed, `type.name` in the answer's language (targ.allegro.messages.localised)."""
    out = {k: v for k, v in entry.items() if k != "_targ"}
    out["type"] = {"id": entry["type"]["id"], "name": localised(_types()[entry["type"]["id"]], "description")}
    return out
