"""`GET /fulfillment/stock` (JSON or CSV) and `GET /fulfillment/available-products`.

Stock filters (spec and seed 003): `phrase` (in the product name, any case), `productId`, `productAvailability`
(ORed: UNAVAILABLE = nothing available, LOW = available but LOW_STOCK, SUFFICIENT = the rest), `productStatus`
UNFULFILLABLE (units on hold), `asnStatus` (SUBMITTED: a notice with the product is on its way; NOT_FOUND: none is),
`outOfStockInFrom/To` (rows without a prediction drop out), and the guide's `storageFee` (FREE, PAID,
TO_BE_PAID_SOON; not in the spec's parameters, read from the query). Sorting: every `sort` value of the spec, ties by
name then product id; `reserve` puts rows with nothing available or NOT_ENOUGH_DATA first, `storageFee` follows the
guide's order (no stock, free, to be paid soon, charged by gross amount).

`Accept: text/csv` answers the same rows as a CSV file with the guide's columns, every field quoted; as the spec
says, `offset`, `limit`, `sort` and `productId` are ignored for CSV (all rows, by name).
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any

from targ.allegro.fulfillment.stock import Row
from targ.http.request import Request

CSV = "text/csv"
CSV_COLUMNS = ("id_produktu", "nazwa", "na_ofercie", "w_realizacji", "niezdatne", "url_obrazka",
               "data_ostatniej_aktualizacji", "data_wygenerowania_pliku", "numery_seryjne")
FEE_GROUPS = ("FREE", "PAID", "TO_BE_PAID_SOON")

_SORT_KEYS: dict[str, Any] = {
    "available": lambda r: r.available,
    "unfulfillable": lambda r: r.on_hold,
    "name": lambda r: r.product.name.casefold(),
    "lastWeekSalesAverage": lambda r: r.week_average,
    "lastFourteenDaysSalesAverage": lambda r: r.fortnight_average,
    "lastThirtyDaysSalesSum": lambda r: r.month_sum,
    "reserve": lambda r: (0, 0) if r.available == 0 or r.out_of_stock_in is None else (1, r.out_of_stock_in),
    "storageFee": lambda r: r.fee_rank,
}


def availability(row: Row) -> str:
    if row.available == 0:
        return "UNAVAILABLE"
    return "LOW" if row.reserve_status == "LOW_STOCK" else "SUFFICIENT"


def select(req: Request, all_rows: list[Row], *, for_csv: bool) -> list[Row]:
    p = req.params
    phrase = (p.get("phrase") or "").casefold()
    wanted = set(p.get("productAvailability") or ())
    fee_group = next((v for k, v in req.query_pairs if k == "storageFee" and v in FEE_GROUPS), None)
    low, high = p.get("outOfStockInFrom"), p.get("outOfStockInTo")

    def keep(r: Row) -> bool:
        days = r.out_of_stock_in
        return all((
            not phrase or phrase in r.product.name.casefold(),
            for_csv or not p.get("productId") or r.product.id == p["productId"],
            not wanted or availability(r) in wanted,
            p.get("productStatus") != "UNFULFILLABLE" or r.on_hold > 0,
            p.get("asnStatus") is None or r.pending_delivery == (p["asnStatus"] == "SUBMITTED"),
            low is None or (days is not None and days >= low),
            high is None or (days is not None and days <= high),
            fee_group is None or r.fee_group == fee_group,
        ))

    return [r for r in all_rows if keep(r)]


def ordered(found: list[Row], sort: str) -> list[Row]:
    out = sorted(found, key=lambda r: (r.product.name.casefold(), r.product.id))
    key = sort.lstrip("-")
    if key != "name" or sort.startswith("-"):
        # Python's sort is stable, also in reverse: equal rows keep their order by name.
        out.sort(key=_SORT_KEYS[key], reverse=sort.startswith("-"))
    return out


def as_csv(found: list[Row], now: int) -> str:
    def stamp(ms: int) -> str:
        return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M")

    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in found:
        writer.writerow((r.product.id, r.product.name, r.on_offer, r.on_order, r.on_hold, r.product.image or "",
                         stamp(r.updated_at), stamp(now), ",".join(r.serial_numbers)))
    return buffer.getvalue()
