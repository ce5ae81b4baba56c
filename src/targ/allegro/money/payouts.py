"""Payouts: the seller's money leaves an AVAILABLE wallet for the bank account (the admin action
`POST /__targ/sellers/{id}/payouts`, the seller's side of Allegro that the API does not expose).

Before a payout, the fees the seller still owes Allegro (a negative billing balance not yet deducted) are taken from
the same wallet first, as one DEDUCTION_CHARGE: targ's rule for sellers whose fees are paid from the balance
(docs/behaviour.md). Then PAYOUT takes the amount asked for, by default everything left. Both are payment operations,
so the wallet's newest balance is still the sum of its history.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from targ.allegro.money import billing, wallet
from targ.allegro.orders.model import MarketplaceRefusal
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

DEDUCTED_KIND = "fees_deducted"      # per seller and currency: the fees already taken from wallets


def _deducted(world: World, seller: str, currency: str) -> Decimal:
    doc = world.store.get(DEDUCTED_KIND, f"{seller}:{currency}")
    return Decimal(doc["amount"]) if doc else Decimal(0)


def owed(world: World, seller: str, currency: str) -> Decimal:
    """The fees not yet paid: the billing account's debt minus what earlier deductions took."""
    return max(Decimal(0), -billing.balance(world, seller, currency) - _deducted(world, seller, currency))


def payout(world: World, seller: str, operator: str, currency: str, amount: Decimal | None) -> list[Json]:
    """The DEDUCTION_CHARGE (when fees are owed) and the PAYOUT, as listed; `MarketplaceRefusal` (409) when the
    wallet holds less than asked for, or nothing."""
    operations = []
    fees = min(owed(world, seller, currency), wallet.balance(world, seller, operator, currency))
    if fees > 0:
        world.store.put(DEDUCTED_KIND, f"{seller}:{currency}",
                        {"amount": str(_deducted(world, seller, currency) + fees)}, owner=seller)
        operations.append(wallet.record(world, seller, "DEDUCTION_CHARGE", operator=operator, amount=-fees,
                                        currency=currency, marketplace=None,
                                        details={"deduction": {"id": world.ids.uuid("deduction")}}))
    left = wallet.balance(world, seller, operator, currency)
    wanted = left if amount is None else amount
    if wanted <= 0 or wanted > left:
        raise MarketplaceRefusal(409, "insufficient_funds", f"the {operator} wallet holds {left} {currency} after "
                                 f"fees; a payout of {wanted} {currency} is not possible")
    operations.append(wallet.record(world, seller, "PAYOUT", operator=operator, amount=-wanted, currency=currency,
                                    marketplace=None, details={"payout": {"id": world.ids.uuid("payout")}}))
    return operations
