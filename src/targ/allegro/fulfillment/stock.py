"""The seller's stock report (`GET /fulfillment/stock`): one row per product, computed from the warehouse ledger,
pending notices and orders at the current virtual time.

Quantities:
* `available` - sellable units not yet bought: what the One Fulfillment offer can sell (spec: "taken from the current
  active offer, or ... the amount that will be available on offer after it will have been created");
* `onOffer` (seed 003) - the stock of the product's offer while it is ACTIVE, else 0;
* `onOrder` - units bought and not yet shipped (unpaid and paid orders, sales.py);
* `onHold` - units in the warehouse that cannot be sold (received DAMAGE), shown as `unfulfillable` in sorting.

Sales figures count the line items of the product's offer by the UTC day they were bought, excluding today:
`lastWeekAverage` (7 days / 7), `lastFourteenDaysAverage` (14 days / 14), `lastThirtyDaysSum` (30 days).
`reserve.outOfStockIn` is `available / lastFourteenDaysAverage` days: LOW_STOCK at 14 days or less (and when nothing
is available), EXCESS_ONE_YEAR beyond 365, NORMAL between; NOT_ENOUGH_DATA (without `outOfStockIn`) when nothing
sold in 14 days.

Storage fees (targ's model; the vendor's rates are in its price list): a sellable unit is stored free for
FREE_STORAGE_DAYS after it was put away; beyond that it costs DAILY_FEE_NET a day (plus 23% VAT), in the
marketplace's currency. `storageFee` reports yesterday: CHARGED with details when units were charged, else
NOT_APPLICABLE. The guide's `storageFee` filter groups rows as PAID (charged), TO_BE_PAID_SOON (units reach the end
of the free period within SOON_DAYS) and FREE.

Rows: every product with units in the ledger, plus every product of a notice on its way (IN_TRANSIT or UNPACKING),
which the report shows with `asnStatus` SUBMITTED ("Pending delivery").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from targ.allegro.fulfillment import asn as notices
from targ.allegro.fulfillment import ledger, products, sales
from targ.allegro.fulfillment.products import FfProduct
from targ.allegro.sellers import currency, get_seller
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

DAY_MS = 86_400_000
FREE_STORAGE_DAYS = 90
SOON_DAYS = 7
DAILY_FEE_NET = Decimal("0.05")
VAT = Decimal("1.23")
LOW_STOCK_DAYS = 14
EXCESS_DAYS = 365
CENT = Decimal("0.01")


@dataclass
class Row:
    product: FfProduct
    available: int
    on_offer: int
    on_order: int
    on_hold: int
    week_average: float
    fortnight_average: float
    month_sum: int
    out_of_stock_in: int | None
    reserve_status: str
    fee: Json
    fee_group: str                   # FREE | PAID | TO_BE_PAID_SOON (the guide's storageFee filter)
    fee_rank: tuple[int, float]      # the guide's storageFee sort order
    pending_delivery: bool
    updated_at: int                  # ms of the last movement in the warehouse
    serial_numbers: tuple[str, ...] = ()   # of the sellable units stored (the CSV's numery_seryjne)

    def view(self) -> Json:
        """StockProductItem."""
        reserve: Json = {"status": self.reserve_status}
        if self.out_of_stock_in is not None:
            reserve = {"outOfStockIn": self.out_of_stock_in, **reserve}
        out: Json = {
            "product": self.product.view(),
            "quantity": {"onOffer": self.on_offer, "available": self.available, "onOrder": self.on_order,
                         "onHold": self.on_hold},
            "sellingStats": {"lastWeekAverage": self.week_average, "lastFourteenDaysAverage": self.fortnight_average,
                             "lastThirtyDaysSum": self.month_sum},
            "reserve": reserve,
            "storageFee": self.fee,
        }
        if self.product.offer_id:
            out["offerId"] = self.product.offer_id
        return out


def rows(world: World, seller: str) -> list[Row]:
    """Every row of the seller's report, in no particular order."""
    now = world.clock.now_ms()
    known = products.of_seller(world, seller)
    entries = ledger.of_seller(world, seller)
    pending = {item["product"]["id"] for asn in notices.of_seller(world, seller)
               if asn["status"] in (notices.IN_TRANSIT, notices.UNPACKING) for item in asn.get("items") or ()}
    sold = sales.of_seller(world, seller)
    money = currency(((get_seller(world, seller) or {}).get("baseMarketplace") or {}).get("id") or "allegro-pl")
    out = []
    for pid in set(entries) | pending:
        product = known.get(pid) or products.describe(world, pid)
        entry = entries.get(pid) or {"sellable": 0, "onHold": 0, "receipts": [], "updatedAt": now}
        out.append(_row(product, entry, sold, pid in pending, now, money))
    return out


def _row(product: FfProduct, entry: Mapping[str, Any], sold: sales.Sales, pending: bool, now: int, money: str) -> Row:
    today = now // DAY_MS
    on_order = sold.on_order.get(product.id, 0)
    sellable = int(entry["sellable"])
    available = max(0, sellable - on_order)
    fortnight = _average(sold.sold(product.id, today - 14, today - 1), 14)
    days, status = _reserve(available, fortnight)
    fee, group, rank = _storage_fee(entry, sellable, today, money)
    return Row(product=product, available=available,
               on_offer=product.offer_stock if product.offer_active else 0, on_order=on_order,
               on_hold=int(entry["onHold"]), week_average=_average(sold.sold(product.id, today - 7, today - 1), 7),
               fortnight_average=fortnight, month_sum=sold.sold(product.id, today - 30, today - 1),
               out_of_stock_in=days, reserve_status=status, fee=fee, fee_group=group, fee_rank=rank,
               pending_delivery=pending, updated_at=int(entry["updatedAt"]),
               serial_numbers=tuple(ledger.serial_numbers(entry)))


def _average(units: int, days: int) -> float:
    return float((Decimal(units) / days).quantize(CENT, ROUND_HALF_UP))


def _reserve(available: int, daily: float) -> tuple[int | None, str]:
    if available == 0:
        return 0, "LOW_STOCK"
    if daily <= 0:
        return None, "NOT_ENOUGH_DATA"
    days = int(available / daily)
    if days <= LOW_STOCK_DAYS:
        return days, "LOW_STOCK"
    return days, "EXCESS_ONE_YEAR" if days > EXCESS_DAYS else "NORMAL"


def _storage_fee(entry: Mapping[str, Any], sellable: int, today: int,
                 money: str) -> tuple[Json, str, tuple[int, float]]:
    """(StockStorageFee for yesterday, the guide's filter group, the guide's sort rank)."""
    yesterday = today - 1
    # Units leave oldest first (ledger.py), so the units still stored are the newest `sellable` of the receipts.
    ages: list[tuple[int, int]] = []     # (day put away, units still stored), newest first
    left = sellable
    for receipt in reversed(entry.get("receipts") or ()):
        if left <= 0:
            break
        take = min(left, int(receipt["quantity"]))
        ages.append((int(receipt["at"]) // DAY_MS, take))
        left -= take
    charged = sum(n for day, n in ages if yesterday - day >= FREE_STORAGE_DAYS)
    soon = sum(n for day, n in ages if yesterday - day >= FREE_STORAGE_DAYS - SOON_DAYS)
    fee: Json = {"status": "NOT_APPLICABLE",
                 "feeStatusAt": datetime.fromtimestamp(yesterday * 86_400, UTC).strftime("%Y-%m-%d")}
    if charged:
        net = (DAILY_FEE_NET * charged).quantize(CENT)
        gross = (net * VAT).quantize(CENT, ROUND_HALF_UP)
        fee = {**fee, "status": "CHARGED", "details": {"chargedItemsQuantity": charged, "amountNet": float(net),
                                                       "amountGross": float(gross), "currency": money}}
        return fee, "PAID", (3, float(gross))
    if soon:
        return fee, "TO_BE_PAID_SOON", (2, 0.0)
    return fee, "FREE", (1 if sellable else 0, 0.0)
