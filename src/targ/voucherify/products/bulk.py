"""Products and SKUs written in bulk, in the background: `PRODUCTS.BULK_UPDATE`, `PRODUCTS.METADATA_UPDATE`,
`PRODUCTS.IMPORT_CSV` and `SKUS.IMPORT_CSV` async actions, run by the project's bulk queue
(async_actions/queue.py).

* Bulk update: each item is upserted by its `source_id` ("If a product object is not found, it is upserted"), the
  fields it gives replacing the stored ones, as `PUT /v1/products/{id}` does.
* Metadata update: "Every resource in the list will receive the metadata defined in the request": the keys given
  are set and the other keys kept; an unknown source id is upserted.
* Product CSV: columns `name,source_id,price,attributes,image_url`, matched without regard to case; other columns
  go to the product's metadata (as text: targ keeps no metadata schemas). "Name is a required field." A row whose
  `source_id` names a stored product updates its name only ("No other data can be updated other than the product
  name"); any other row creates a product. `attributes` is one cell, "separated by a comma".
* SKU CSV: columns `product_id,sku,source_id,price,image_url,attributes`, others to the SKU's metadata. "Required
  fields are `source_id` and `product_id`"; `product_id` names the product by Voucherify id or source id ("first
  import products ..., then import SKUs ... to properly match SKUs to products"). `attributes` is a JSON object
  (the docs' single-quoted `{'color':'blue'}` is read too) whose keys "must be defined in the product beforehand".
  A row whose `source_id` names a stored SKU updates its `sku` and `price` only ("You can use this method to update
  the following parameters in bulk: sku and the sku price").

A bad row fails alone, with the reason in the vendor's wording ("<field>: ... (actual value is '...')"), rows counted
from 1 after the header line.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from targ.voucherify.async_actions.bulk import BulkActions
from targ.voucherify.async_actions.reports import import_result, update_result
from targ.voucherify.products.models import (
    PRODUCT_FIELDS,
    PRODUCT_KIND,
    SKU_KIND,
    find_product,
    merge_metadata,
    upsert_product,
    upsert_sku,
)

if TYPE_CHECKING:
    from targ.world import World

ACTIONS = BulkActions("voucherify.products_bulk", "PRODUCTS.BULK_UPDATE", "PRODUCTS.METADATA_UPDATE", PRODUCT_KIND)
PRODUCTS_CSV = "PRODUCTS.IMPORT_CSV"
SKUS_CSV = "SKUS.IMPORT_CSV"

PRODUCT_COLUMNS = ("name", "source_id", "price", "attributes", "image_url")
SKU_COLUMNS = ("product_id", "sku", "source_id", "price", "image_url", "attributes")


def _apply(world: World, project: str, batch: dict[str, Any], item: Any, index: int) -> None:
    kind = batch["type"]
    if kind in (PRODUCTS_CSV, SKUS_CSV):
        columns = PRODUCT_COLUMNS if kind == PRODUCTS_CSV else SKU_COLUMNS
        fields, metadata = _split(batch["headers"], item, columns)
        try:
            if kind == PRODUCTS_CSV:
                _import_product(world, project, fields, metadata)
            else:
                _import_sku(world, project, fields, metadata)
        except ValueError as err:
            failure: dict[str, Any] = {"row": index + 1, "reason": str(err)}
            if kind == SKUS_CSV:
                failure = {"source_id": fields.get("source_id", ""), **failure}
            batch["state"]["failed"].append(failure)
        else:
            batch["state"]["done"] += 1
        return
    ACTIONS.apply_update(world, project, batch, item, lambda existing, source_id, data: upsert_product(
        world, project, existing, source_id, data, PRODUCT_FIELDS), merge_metadata)


def _result(world: World, project: str, batch: dict[str, Any]) -> dict[str, Any]:
    if batch["type"] == PRODUCTS_CSV:
        return import_result(batch["state"], "product")
    if batch["type"] == SKUS_CSV:
        return import_result(batch["state"], "sku")
    return update_result(world, project, batch)


def _split(headers: list[str], row: list[str], columns: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """(standard columns by lower-case name, the other columns by header) of a row; empty cells left out."""
    fields: dict[str, str] = {}
    metadata: dict[str, str] = {}
    for i, header in enumerate(headers):
        value = row[i].strip() if i < len(row) else ""
        if not value:
            continue
        if header.lower() in columns:
            fields[header.lower()] = value
        else:
            metadata[header] = value
    return fields, metadata


def _price(fields: dict[str, str]) -> int | None:
    if "price" not in fields:
        return None
    text = fields["price"]
    if not text.isdigit():
        raise ValueError(f"price: must be a non-negative integer (actual value is '{text}')")
    return int(text)


def _import_product(world: World, project: str, fields: dict[str, str], metadata: dict[str, str]) -> None:
    if "name" not in fields:
        raise ValueError("name: property is required")
    price = _price(fields)
    existing = world.store.get_by_alt(PRODUCT_KIND, project, fields["source_id"]) if "source_id" in fields else None
    if existing is not None:
        upsert_product(world, project, existing, None, {"name": fields["name"]}, ("name",))
        return
    data: dict[str, Any] = {"name": fields["name"], "price": price, "image_url": fields.get("image_url"),
                            "metadata": metadata or None}
    if "attributes" in fields:
        data["attributes"] = [a.strip() for a in fields["attributes"].split(",") if a.strip()]
    upsert_product(world, project, None, fields.get("source_id"), data, PRODUCT_FIELDS)


def _import_sku(world: World, project: str, fields: dict[str, str], metadata: dict[str, str]) -> None:
    for required in ("source_id", "product_id"):
        if required not in fields:
            raise ValueError(f"{required}: property is required")
    product = find_product(world, project, fields["product_id"])
    if product is None:
        raise ValueError(f"product_id: Cannot find product with id {fields['product_id']}")
    price = _price(fields)
    attributes = _attributes(fields, product.data["attributes"])
    existing = world.store.get_by_alt(SKU_KIND, project, fields["source_id"])
    if existing is not None:
        upsert_sku(world, project, existing, None, None, {"sku": fields.get("sku"), "price": price},
                   ("sku", "price"))
        return
    data: dict[str, Any] = {"sku": fields.get("sku"), "price": price, "image_url": fields.get("image_url"),
                            "attributes": attributes, "metadata": metadata or None}
    upsert_sku(world, project, None, fields["source_id"], product.id, data,
               ("sku", "price", "image_url", "attributes", "metadata"))


def _attributes(fields: dict[str, str], defined: list[str]) -> dict[str, Any] | None:
    if "attributes" not in fields:
        return None
    text = fields["attributes"]
    try:
        value = json.loads(text)
    except ValueError:
        try:
            value = json.loads(text.replace("'", '"'))
        except ValueError:
            value = None
    if not isinstance(value, dict):
        raise ValueError(f"attributes: must be a JSON object (actual value is '{text}')")
    unknown = [k for k in value if k not in defined]
    if unknown:
        raise ValueError(f"attributes: {unknown[0]} is not an attribute of the product")
    return value


ACTIONS.register(_apply, _result)
