"""What a seller may put into an advance ship notice, checked beyond the compiled schema.

The compiled spec keeps only `shipping.method` of the vendor's per-method shipping schemas (the discriminator's
variants are dropped), so the constraints of the spec's descriptions are enforced here:

* items: at least one; each product one of the seller's available products (seed 003: only products linked to the
  seller's offers), at most once, a whole quantity of 1..1 000 000;
* handlingUnit: `unitType` BOX | PALLET | CONTAINER, `amount` a whole number ≥ 1, `labelsType` ONE_FULFILMENT | NONE,
  and a CONTAINER cannot be labelled ONE_FULFILMENT; in a DRAFT each of them may still be missing;
* shipping: `method` OWN_TRANSPORT (truckLicencePlate), COURIER_BY_SELLER (courier), THIRD_PARTY_DELIVERY
  (thirdParty), each with `estimatedTimeOfArrival` and `countryCode`; a field of another method is refused;
  `courier.id` is one of the vendor's ids, and `courier.name` is kept only with OTHER ("ignored otherwise").
  ALREADY_IN_WAREHOUSE is Allegro's own value and cannot be chosen.

Submitting needs everything a DRAFT may leave out (`missing_for_submit`). After submit only the edits of seed 003
"Edytuj zakończone awizo" are allowed (`submitted_changes`).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from targ.allegro.errors import AllegroProblem, Params
from targ.allegro.fulfillment.common import invalid, problem, whole
from targ.clock import iso, parse_time
from targ.json_types import Json

SHIPPING_METHODS = ("OWN_TRANSPORT", "COURIER_BY_SELLER", "THIRD_PARTY_DELIVERY")
METHOD_FIELD = {"OWN_TRANSPORT": "truckLicencePlate", "COURIER_BY_SELLER": "courier",
                "THIRD_PARTY_DELIVERY": "thirdParty"}
COMMON_SHIPPING = ("method", "estimatedTimeOfArrival", "countryCode")
COURIERS = ("ALLEGRO", "DB_SCHENKER", "DHL", "DPD", "DPD_SK", "INPOST", "ORLEN", "POCZTA_POLSKA", "SUUS", "UPS",
            "OTHER")
UNIT_TYPES = ("BOX", "PALLET", "CONTAINER")
LABELS_TYPES = ("ONE_FULFILMENT", "NONE")
MAX_QUANTITY = 1_000_000
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}:\d{2})$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


class Checker:
    """Collects every problem of a body, so one answer names all of them (as the edge's VALIDATION_ERROR does)."""

    def __init__(self) -> None:
        self.problems: list[AllegroProblem] = []

    def fail(self, path: str, key: str, params: Params | None = None) -> None:
        self.problems.append(problem("VALIDATION_ERROR", key, params, path=path))

    def done(self) -> None:
        if self.problems:
            raise invalid(self.problems)


# --- DRAFT content (create and update) --------------------------------------------------------------------------
def draft_content(body: Json, available: set[str]) -> Json:
    """The notice content a create or update body describes, normalised; 422 naming every problem."""
    check = Checker()
    out: Json = {"items": _items(check, body.get("items"), available, None)}
    if body.get("handlingUnit") is not None:
        out["handlingUnit"] = _handling_unit(check, body["handlingUnit"])
    if body.get("shipping") is not None:
        out["shipping"] = _shipping(check, body["shipping"])
    if body.get("declaredVolumeInCc") is not None:
        volume = body["declaredVolumeInCc"]
        if isinstance(volume, bool) or not isinstance(volume, int | float) or volume <= 0:
            check.fail("declaredVolumeInCc", "volume")
        out["declaredVolumeInCc"] = volume
    check.done()
    return out


def _items(check: Checker, items: Any, available: set[str] | None, allowed: set[str] | None) -> list[Json]:
    """Items as stored. `available`: products the seller may announce; `allowed`: the only products a submitted
    notice may still contain (its declared ones)."""
    if not isinstance(items, list) or not items:
        check.fail("items", "no_items")
        return []
    out, seen = [], set()
    for i, item in enumerate(items):
        pid = str(((item or {}).get("product") or {}).get("id") or "")
        at = f"items[{i}]"
        if pid in seen:
            check.fail(f"{at}.product.id", "item_repeated", {"product": pid})
        elif allowed is not None and pid not in allowed:
            check.fail(f"{at}.product.id", "item_not_declared", {"product": pid})
        elif available is not None and pid not in available:
            check.fail(f"{at}.product.id", "item_unavailable", {"product": pid})
        seen.add(pid)
        quantity = whole(item.get("quantity"))
        if quantity is None or not 1 <= quantity <= MAX_QUANTITY:
            check.fail(f"{at}.quantity", "quantity", {"max": MAX_QUANTITY})
        out.append({"product": {"id": pid}, "quantity": quantity or 0})
    return out


def _handling_unit(check: Checker, unit: Json) -> Json:
    out: Json = {}
    unit_type, labels = unit.get("unitType"), unit.get("labelsType")
    if unit_type is not None:
        if unit_type not in UNIT_TYPES:
            check.fail("handlingUnit.unitType", "unit_type", {"allowed": ", ".join(UNIT_TYPES)})
        out["unitType"] = unit_type
    if unit.get("amount") is not None:
        out["amount"] = _amount(check, unit["amount"])
    if labels is not None:
        if labels not in LABELS_TYPES:
            check.fail("handlingUnit.labelsType", "labels_type", {"allowed": ", ".join(LABELS_TYPES)})
        elif unit_type == "CONTAINER" and labels == "ONE_FULFILMENT":
            check.fail("handlingUnit.labelsType", "container_labels")
        out["labelsType"] = labels
    return out


def _amount(check: Checker, value: Any) -> int:
    amount = whole(value)
    if amount is None or amount < 1:
        check.fail("handlingUnit.amount", "unit_amount")
    return amount or 0


def _shipping(check: Checker, shipping: Json) -> Json:
    method = shipping.get("method")
    if method not in SHIPPING_METHODS:
        check.fail("shipping.method", "shipping_method", {"allowed": ", ".join(SHIPPING_METHODS)})
        return {"method": method}
    out: Json = {"method": method}
    for key, value in shipping.items():
        if key == "method" or value is None:
            continue
        if key not in COMMON_SHIPPING and key != METHOD_FIELD[method]:
            check.fail(f"shipping.{key}", "shipping_field_unused", {"field": key, "method": method})
            continue
        out[key] = _shipping_field(check, key, value)
    return out


def _shipping_field(check: Checker, key: str, value: Any) -> Any:
    at = f"shipping.{key}"
    if key == "estimatedTimeOfArrival":
        if not isinstance(value, str) or not _RFC3339.match(value):
            check.fail(at, "arrival", {"at": at})
            return value
        return iso(parse_time(value))
    if key == "countryCode":
        if not isinstance(value, str) or not _COUNTRY.match(value):
            check.fail(at, "country", {"at": at})
        return value
    if key == "truckLicencePlate":
        if not isinstance(value, str) or not value.strip() or len(value) > 20:
            check.fail(at, "licence_plate", {"at": at})
        return value
    if key == "courier":
        return _courier(check, value)
    return _third_party(check, value)


def _courier(check: Checker, courier: Any) -> Json:
    if not isinstance(courier, dict):
        check.fail("shipping.courier", "courier_object")
        return {}
    out: Json = {}
    cid = courier.get("id")
    if cid is not None and cid not in COURIERS:
        check.fail("shipping.courier.id", "courier_id", {"allowed": ", ".join(COURIERS)})
    if cid is not None:
        out["id"] = cid
    name = courier.get("name")
    if cid == "OTHER":
        if not isinstance(name, str) or not name.strip():
            check.fail("shipping.courier.name", "courier_name")
        out["name"] = name
    numbers = courier.get("trackingNumbers")
    if numbers is not None:
        if not isinstance(numbers, list) or not all(isinstance(n, str) and n.strip() for n in numbers):
            check.fail("shipping.courier.trackingNumbers", "tracking_numbers")
        out["trackingNumbers"] = list(numbers) if isinstance(numbers, list) else numbers
    return out


def _third_party(check: Checker, third: Any) -> Json:
    if not isinstance(third, dict):
        check.fail("shipping.thirdParty", "third_party_object")
        return {}
    for key in ("name", "orderNumber"):
        if third.get(key) is not None and (not isinstance(third[key], str) or not third[key].strip()):
            check.fail(f"shipping.thirdParty.{key}", "third_party_field", {"field": key})
    return {k: third[k] for k in ("name", "orderNumber") if third.get(k) is not None}


# --- submitting ----------------------------------------------------------------------------------------------------
def missing_for_submit(asn: Json, available: set[str]) -> list[AllegroProblem]:
    """A COMMAND_FAILED entry for everything a DRAFT may leave out but a submitted notice needs (spec: handling unit
    and shipping constraints "not required when ASN status is DRAFT")."""
    def failed(path: str, key: str = "submit_required", params: Params | None = None) -> AllegroProblem:
        return problem("COMMAND_FAILED", key, {"at": path, **(params or {})}, path=path)

    out = [failed(f"items[{i}].product.id", "submit_unavailable", {"product": it["product"]["id"]})
           for i, it in enumerate(asn.get("items") or ()) if it["product"]["id"] not in available]
    if not asn.get("items"):
        out.append(failed("items", "submit_no_items"))
    unit = asn.get("handlingUnit") or {}
    out += [failed(f"handlingUnit.{k}") for k in ("unitType", "amount", "labelsType") if not unit.get(k)]
    shipping = asn.get("shipping") or {}
    method = shipping.get("method")
    needed = [*COMMON_SHIPPING, METHOD_FIELD[method]] if method in METHOD_FIELD else ["method"]
    out += [failed(f"shipping.{k}") for k in needed if not shipping.get(k)]
    if method == "COURIER_BY_SELLER" and shipping.get("courier") and not shipping["courier"].get("id"):
        out.append(failed("shipping.courier.id"))
    if method == "THIRD_PARTY_DELIVERY" and shipping.get("thirdParty"):
        third = shipping["thirdParty"]
        out += [failed(f"shipping.thirdParty.{k}") for k in ("name", "orderNumber") if not third.get(k)]
    return out


# --- edits of a submitted notice -------------------------------------------------------------------------------------
def submitted_changes(asn: Json, body: Json) -> tuple[Json, bool]:
    """(the new content, whether labels must be made again) for `PUT …/submitted`. Allowed: item quantities,
    removing items, the handling-unit amount, and the shipping details of the notice's own method; anything else
    sent with a different value is refused (422), as an update of a read-only property is."""
    check = Checker()
    new: Json = {k: copy.deepcopy(asn[k]) for k in ("items", "handlingUnit", "shipping", "declaredVolumeInCc")
                 if k in asn}
    if body.get("items") is not None:
        declared = {it["product"]["id"] for it in asn.get("items") or ()}
        new["items"] = _items(check, body["items"], None, declared)
    relabel = False
    unit = body.get("handlingUnit")
    if unit is not None:
        current = asn.get("handlingUnit") or {}
        for key in ("unitType", "labelsType"):
            _frozen(check, f"handlingUnit.{key}", unit.get(key), current.get(key))
        if unit.get("amount") is not None:
            amount = _amount(check, unit["amount"])
            relabel = amount != current.get("amount")
            new["handlingUnit"] = {**current, "amount": amount}
    if body.get("shipping") is not None:
        new["shipping"] = _submitted_shipping(check, body["shipping"], asn.get("shipping") or {})
    _frozen(check, "declaredVolumeInCc", body.get("declaredVolumeInCc"), asn.get("declaredVolumeInCc"))
    check.done()
    return new, relabel


def _submitted_shipping(check: Checker, given: Json, current: Json) -> Json:
    method = current.get("method")
    _frozen(check, "shipping.method", given.get("method"), method)
    _frozen(check, "shipping.countryCode", given.get("countryCode"), current.get("countryCode"))
    out = copy.deepcopy(current)
    for key, value in given.items():
        if key in ("method", "countryCode") or value is None:
            continue
        if key != "estimatedTimeOfArrival" and key != METHOD_FIELD.get(method or ""):
            check.fail(f"shipping.{key}", "submitted_shipping_field", {"field": key, "method": method})
            continue
        out[key] = _shipping_field(check, key, value)
    return out


def _frozen(check: Checker, path: str, given: Any, current: Any) -> None:
    if given is not None and given != current:
        check.fail(path, "frozen", {"at": path})
