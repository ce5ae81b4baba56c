"""The seller's wallets and their history (`GET /payments/payment-operations`).

A wallet is one balance per payment operator (PAYU, P24, AF, ...), type (AVAILABLE: may be paid out; WAITING:
suspended for payout) and currency. Every change of a balance is one operation, a doc of kind `payment_operation`
(owner = the seller) holding the `BaseOperation` exactly as the list shows it - `wallet.balance` is the balance
after it - plus `_targ.ms` (when it occurred). Balances are docs of kind `wallet_balance`, so an operation costs one
read and two writes whatever the history's length, and the newest operation's balance always equals the sum of
the wallet's operations (tests/allegro/money check it).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from targ.allegro.orders.model import money
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

OPERATION_KIND = "payment_operation"
BALANCE_KIND = "wallet_balance"
OPERATORS = ("PAYU", "P24", "AF", "AF_P24", "AF_PAYU")
AVAILABLE, WAITING = "AVAILABLE", "WAITING"
# The spec's `group` parameter: which types each group holds (CORRECTION is in INCOME and REFUND).
GROUPS: dict[str, frozenset[str]] = {
    "INCOME": frozenset({"CONTRIBUTION", "SURCHARGE", "CORRECTION", "DEDUCTION_INCREASE", "LOAN_DEDUCTION_INCREASE",
                         "COMPENSATION", "COMPENSATION_COD_INCREASE", "TOP_UP"}),
    "OUTCOME": frozenset({"PAYOUT", "PAYOUT_CANCEL", "DEDUCTION_CHARGE", "LOAN_DEDUCTION_CHARGE",
                          "COMPENSATION_COD_CHARGE"}),
    "REFUND": frozenset({"REFUND_CHARGE", "REFUND_CANCEL", "REFUND_INCREASE", "CORRECTION",
                         "PROVIDER_REFUND_TRANSFER_CHARGE", "PROVIDER_REFUND_TRANSFER_INCREASE"}),
    "BLOCKADES": frozenset({"BLOCKADE", "BLOCKADE_RELEASE"}),
}


def group_of(kind: str) -> str:
    return next(g for g, kinds in GROUPS.items() if kind in kinds)


def operator_of(provider: str | None) -> str | None:
    """The wallet an order's payment lands in: its provider when that is a wallet operator. Wire transfers
    (OFFLINE), deferred payments (EPT) and cash on delivery never pass through the seller's wallet."""
    return provider if provider in OPERATORS else None


def _balance_id(seller: str, operator: str, wallet_type: str, currency: str) -> str:
    return f"{seller}:{operator}:{wallet_type}:{currency}"


def balance(world: World, seller: str, operator: str, currency: str, wallet_type: str = AVAILABLE) -> Decimal:
    doc = world.store.get(BALANCE_KIND, _balance_id(seller, operator, wallet_type, currency))
    return Decimal(doc["amount"]) if doc else Decimal(0)


def balances(world: World, seller: str) -> Iterator[tuple[str, str, str, Decimal]]:
    """(operator, wallet type, currency, balance) of every wallet the seller has used."""
    for doc in world.store.scan(BALANCE_KIND, seller):
        yield doc.data["operator"], doc.data["type"], doc.data["currency"], Decimal(doc.data["amount"])


def record(world: World, seller: str, kind: str, *, operator: str, amount: Decimal, currency: str,
           marketplace: str | None, details: Json, wallet_type: str = AVAILABLE) -> Json:
    """Books one operation of `amount` (negative for a charge) on the wallet, now; returns it as listed."""
    after = balance(world, seller, operator, currency, wallet_type) + amount
    world.store.put(BALANCE_KIND, _balance_id(seller, operator, wallet_type, currency),
                    {"operator": operator, "type": wallet_type, "currency": currency, "amount": str(after)},
                    owner=seller)
    now = world.clock.now_ms()
    operation: Json = {"type": kind, "group": group_of(kind),
                       "wallet": {"paymentOperator": operator, "type": wallet_type,
                                  "balance": money(after, currency)},
                       "value": money(amount, currency), "occurredAt": iso(now)}
    if marketplace is not None:
        operation["marketplaceId"] = marketplace
    operation.update(details)
    world.store.insert(OPERATION_KIND, world.ids.uuid(OPERATION_KIND), {**operation, "_targ": {"ms": now}},
                       owner=seller, alt=kind)
    return operation


def participant(buyer: Json) -> Json:
    """`BuyerParticipant`: the buyer's id, login, names and, when known, address."""
    out: Json = {"id": buyer["id"], "login": buyer["login"], "firstName": buyer.get("firstName") or "",
                 "lastName": buyer.get("lastName") or ""}
    if buyer.get("companyName"):
        out["companyName"] = buyer["companyName"]
    address = buyer.get("address") or {}
    if address.get("street") and address.get("city") and address.get("postCode"):
        out["address"] = {"street": address["street"], "city": address["city"], "postCode": address["postCode"]}
    return out


def history(world: World, seller: str) -> list[Json]:
    """Every operation of the seller, newest first, with `_targ`."""
    return [doc.data for doc in world.store.find(OPERATION_KIND, seller, desc=True)]
