"""Customers written in bulk, in the background: `CUSTOMERS.BULK_UPDATE`, `CUSTOMERS.METADATA_UPDATE` and
`CUSTOMERS.IMPORT_CSV` async actions, run by the project's bulk queue (async_actions/queue.py).

* Bulk update: each item is upserted by its `source_id` ("If a customer object is not found, it is upserted"), the
  fields it gives replacing the stored ones, as `PUT /v1/customers/{id}` does.
* Metadata update: "Every resource in the list will receive the metadata defined in the request": the keys given
  are set and the other keys kept; an unknown source id is upserted.
* CSV import: one customer per row; the standard columns (`Id`, `Name`, `Email`, `Phone`, `Birthdate`, `Source_id`,
  `Address_line_1`, `Address_line_2`, `Address_Postal_Code`, `Address_City`, `Address_State`, `Address_Country`,
  `Description`, matched without regard to case) fill the profile, "all properties which cannot be mapped to
  standard customer fields will be added to the metadata object" (as text: targ keeps no metadata schemas). A row
  with an `Id` updates that customer (an unknown one fails the row), else its `Source_id` names it (an unknown one
  creates it). Empty cells set nothing.

Results are the vendor's: for the two updates `{"done_count", "failed_count", "reports", "reports_available_till",
"errors"}` (reports.py), for the import `{"message": "N customer(s) imported successfully, M failed.", "failed":
[{"source_id", "row", "reason"}], "done_count", "failed_count"}` (rows counted from 1 after the header line).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from targ.voucherify.async_actions.bulk import BulkActions
from targ.voucherify.async_actions.reports import import_result, update_result
from targ.voucherify.customers.models import CUSTOMER_KIND, find_customer_by_id, merge_metadata, write_customer

if TYPE_CHECKING:
    from targ.world import World

ACTIONS = BulkActions("voucherify.customers_bulk", "CUSTOMERS.BULK_UPDATE", "CUSTOMERS.METADATA_UPDATE", CUSTOMER_KIND)
IMPORT_CSV = "CUSTOMERS.IMPORT_CSV"

# CSV column (lower case) → profile field; address columns fill `address`.
CSV_FIELDS = {"name": "name", "email": "email", "phone": "phone", "birthdate": "birthdate",
              "description": "description", "source_id": "source_id"}
CSV_ADDRESS = {"address_line_1": "line_1", "address_line_2": "line_2", "address_postal_code": "postal_code",
               "address_city": "city", "address_state": "state", "address_country": "country"}


def _apply(world: World, project: str, batch: dict[str, Any], item: Any, index: int) -> None:
    kind = batch["type"]
    if kind == IMPORT_CSV:
        _import_row(world, project, batch, item, index)
        return
    ACTIONS.apply_update(world, project, batch, item, lambda existing, _source_id, data: write_customer(
        world, project, existing, data), merge_metadata)


def _result(world: World, project: str, batch: dict[str, Any]) -> dict[str, Any]:
    if batch["type"] == IMPORT_CSV:
        return import_result(batch["state"], "customer")
    return update_result(world, project, batch)


def _import_row(world: World, project: str, batch: dict[str, Any], row: list[str], index: int) -> None:
    state = batch["state"]
    cells = dict(zip((h.lower() for h in batch["headers"]), (c.strip() for c in row), strict=False))
    source_id = cells.get("source_id") or None
    try:
        data = _row_profile(batch["headers"], row)
    except ValueError as err:
        state["failed"].append({"source_id": source_id or "", "row": index + 1, "reason": str(err)})
        return
    existing = None
    if cells.get("id"):
        existing = find_customer_by_id(world, project, cells["id"])
        if existing is None:
            state["failed"].append({"source_id": source_id or "", "row": index + 1,
                                    "reason": f"Cannot find customer with id {cells['id']}"})
            return
    elif source_id:
        existing = world.store.get_by_alt(CUSTOMER_KIND, project, source_id)
    if existing is not None:
        data["metadata"] = {**(existing.data.get("metadata") or {}), **data.get("metadata", {})}
        if "address" in data:
            data["address"] = {**(existing.data.get("address") or {}), **data["address"]}
    write_customer(world, project, existing, data)
    state["done"] += 1


def _row_profile(headers: list[str], row: list[str]) -> dict[str, Any]:
    """A row's profile fields, address and metadata; raises ValueError (the row's failure reason) for a bad one."""
    data: dict[str, Any] = {}
    address: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    for i, header in enumerate(headers):
        value = row[i].strip() if i < len(row) else ""
        key = header.lower()
        if not value or key == "id":
            continue
        if key in CSV_FIELDS:
            data[CSV_FIELDS[key]] = value
        elif key in CSV_ADDRESS:
            address[CSV_ADDRESS[key]] = value
        else:
            metadata[header] = value
    if "birthdate" in data:
        try:
            date.fromisoformat(data["birthdate"])
        except ValueError:
            raise ValueError(f"birthdate: must be a date in the format YYYY-MM-DD (actual value is "
                             f"'{data['birthdate']}')") from None
    if address:
        data["address"] = address
    if metadata:
        data["metadata"] = metadata
    return data


ACTIONS.register(_apply, _result)
