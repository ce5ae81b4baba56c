"""What a shipment's input must satisfy beyond the spec's schema (which the edge checks when the command is sent):
the rules of the delivery service it names. A command reports every problem found here in its `errors`, status
ERROR, in a 200 (allegro-behaviour.md §3; #9862, #12519, #9637: "too high insurance and bad format of phone
number" came back together from the status resource).

* The service must be one of the seller's (`GET /shipment-management/delivery-services`); an Allegro Standard
  service takes no `credentialsId` (the spec: "For Allegro Standard methods, this field should be null").
* Addresses: a name or a company ("Name or Company are required"), a phone number (#9637; #13389: a non-Polish
  number failed a Polish service), a postal code of the address's country; the receiver in the service's
  destination country, with a `point` for services that deliver to pickup points.
* Packages: at most the service's parcels per shipment (#11606: `details` "Max value: 1"), each of a type the
  service takes, with positive dimensions and weight within the service's limits (#11135, #9423; docs/shipping.md
  lists them).
* Cash on delivery only where the service has it, in its currency, within its limit; insurance within the service's
  limit, never below the cash-on-delivery amount (#9128, #11162), mandatory for Packeta (#11345); HUF amounts end in
  0 or 5 (#10362).
* Additional services and properties: those the service lists, read-only properties excluded.
* `receiver.email` must be the masked address of one of the seller's orders (targ.allegro.shipping.receivers;
  #10176: `VALIDATION_FAILED` "Selected order can not be used", details `allegro_order_not_found`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from targ.allegro.catalog.delivery import delivery_method
from targ.allegro.errors import AllegroProblem
from targ.allegro.orders.delivery import is_pickup
from targ.allegro.shipping import receivers
from targ.allegro.shipping.errors import invalid, problem
from targ.allegro.shipping.services import Service, service_for
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

AMOUNT = re.compile(r"^\d+[.,]\d{1,2}$")
POSTAL_CODES = {"PL": re.compile(r"^\d{2}-?\d{3}$"), "CZ": re.compile(r"^\d{3} ?\d{2}$"),
                "SK": re.compile(r"^\d{3} ?\d{2}$"), "HU": re.compile(r"^\d{4}$")}
COUNTRY_CALLING = {"PL": "48", "CZ": "420", "SK": "421", "HU": "36"}
NATIONAL_DIGITS = {"PL": 9, "CZ": 9, "SK": 9, "HU": 9}


@dataclass
class Checked:
    """A shipment input that passed: the service and the order it ships."""

    service: Service
    order_id: str


def amount(value: Any) -> Decimal | None:
    """`\\d+[.,]\\d{1,2}` (the spec's pattern, whole), as a Decimal; None otherwise."""
    text = str(value)
    return Decimal(text.replace(",", ".")) if AMOUNT.match(text) else None


def _digits(phone: str) -> str:
    return re.sub(r"[\s\-()]", "", phone)


def phone_ok(phone: Any, country: str) -> bool:
    """Digits with an optional `+` (spaces, dashes, brackets ignored); in a country targ knows, a national number of
    its length, with or without its calling code."""
    number = _digits(str(phone or ""))
    if not re.fullmatch(r"\+?\d{7,15}", number):
        return False
    calling, length = COUNTRY_CALLING.get(country), NATIONAL_DIGITS.get(country)
    if calling is None or length is None:
        return True
    if number.startswith("+") or number.startswith("00"):
        number = number.lstrip("+")
        number = number[2:] if number.startswith("00") else number
        return number.startswith(calling) and len(number) == len(calling) + length
    return len(number) == length


def postal_code_ok(code: Any, country: str) -> bool:
    pattern = POSTAL_CODES.get(country)
    return pattern is None or bool(pattern.match(str(code or "").strip()))


def address_problems(address: Json, who: str) -> list[AllegroProblem]:
    """A name or company, a phone number and a postal code of the address's country."""
    found = []
    country = str(address.get("countryCode") or "PL")
    if not str(address.get("name") or "").strip() and not str(address.get("company") or "").strip():
        found.append(invalid("name_required", f"{who}.name"))
    if not phone_ok(address.get("phone"), country):
        found.append(invalid("phone", f"{who}.phone"))
    if not postal_code_ok(address.get("postalCode"), country):
        found.append(invalid("postal_code", f"{who}.postalCode"))
    return found


def _fmt(value: Decimal | int | float | str) -> str:
    return f"{Decimal(str(value)).normalize():f}"


def package_problems(service: Service, packages: list[Json]) -> list[AllegroProblem]:
    limits = service["parcels"]
    if not packages:
        return [invalid("packages_empty", "packages")]
    if len(packages) > limits["max"]:
        # #11606, #12519: the limit in `details`, the whole list as `path`.
        return [problem("VALIDATION_ERROR", "packages_limit", "packages", details=f"Max value: {limits['max']}")]
    found = []
    for i, package in enumerate(packages):
        at = f"packages[{i}]"
        if package.get("type") not in service["packageTypes"]:
            found.append(invalid("package_type", f"{at}.type", type=package.get("type")))
        sizes = {name: Decimal(str(package[name]["value"])) for name in ("length", "width", "height", "weight")}
        bad = [name for name, value in sizes.items() if value <= 0]
        found += [invalid("positive", f"{at}.{name}.value") for name in bad]
        if bad:
            continue
        if sizes["weight"] > Decimal(limits["maxWeight"]):
            found.append(invalid("weight", f"{at}.weight", max=_fmt(limits["maxWeight"])))
        sides = sorted((sizes["length"], sizes["width"], sizes["height"]), reverse=True)
        if "maxSides" in limits and any(s > m for s, m in zip(sides, sorted(limits["maxSides"], reverse=True),
                                                               strict=True)):
            found.append(invalid("dimensions", f"{at}.dimensions",
                                 limit=" x ".join(_fmt(m) for m in limits["maxSides"])))
        if "maxGirth" in limits and sides[0] + 2 * (sides[1] + sides[2]) > limits["maxGirth"]:
            found.append(invalid("girth", f"{at}.dimensions", max=_fmt(limits["maxGirth"])))
        if "volumetricDivisor" in limits:
            volumetric = sides[0] * sides[1] * sides[2] / Decimal(limits["volumetricDivisor"])
            if volumetric > Decimal(limits["maxVolumetricWeight"]):
                # #9423: "Parcel dimensions exceeded" at the package's weight.
                found.append(AllegroProblem("VALIDATION_ERROR", "Parcel dimensions exceeded", path=f"{at}.weight",
                                            details="", user_key="shipping.volumetric"))
    return found


def _huf_ok(value: Decimal) -> bool:
    return value == value.to_integral_value() and int(value) % 5 == 0


def money_problems(service: Service, body: Json) -> list[AllegroProblem]:
    found: list[AllegroProblem] = []
    cod, insurance = body.get("cashOnDelivery"), body.get("insurance")
    cod_amount: Decimal | None = None
    if cod is not None:
        limit = service.get("cashOnDelivery")
        cod_amount = amount(cod.get("amount"))
        if limit is None:
            found.append(invalid("cod_not_available", "cashOnDelivery"))
        elif cod.get("currency") != limit["currency"]:
            found.append(invalid("currency", "cashOnDelivery.currency", currency=limit["currency"]))
        elif cod_amount is None or cod_amount <= 0:
            found.append(invalid("amount", "cashOnDelivery.amount"))
        elif cod_amount > limit["limit"]:
            found.append(invalid("cod_limit", "cashOnDelivery.amount", limit=limit["limit"],
                                 currency=limit["currency"]))
        elif limit["currency"] == "HUF" and not _huf_ok(cod_amount):
            found.append(invalid("huf_amount", "cashOnDelivery.amount"))
    cover = service["insurance"]
    if insurance is None:
        if cover["required"]:
            found.append(invalid("insurance_required", "insurance"))
        return found
    insured = amount(insurance.get("amount"))
    if insurance.get("currency") != cover["currency"]:
        found.append(invalid("currency", "insurance.currency", currency=cover["currency"]))
    elif insured is None or insured <= 0:
        found.append(invalid("amount", "insurance.amount"))
    elif insured > cover["limit"]:
        found.append(invalid("insurance_limit", "insurance.amount", limit=cover["limit"], currency=cover["currency"]))
    elif cover["currency"] == "HUF" and not _huf_ok(insured):
        found.append(invalid("huf_amount", "insurance.amount"))
    elif cod_amount is not None and insured < cod_amount:
        found.append(invalid("insurance_below_cod", "insurance.amount"))
    return found


def extras_problems(service: Service, body: Json) -> list[AllegroProblem]:
    found = []
    offered = {a["id"] for a in service["additionalServices"]}
    for extra in body.get("additionalServices") or []:
        if extra not in offered:
            found.append(invalid("additional_service", "additionalServices", id=extra))
    settable = {p["id"] for p in service["additionalProperties"] if not p["readOnly"]}
    for key in body.get("additionalProperties") or {}:
        if key not in settable:
            found.append(invalid("additional_property", f"additionalProperties.{key}", id=key))
    return found


def check_input(world: World, seller_id: str, body: Json) -> tuple[list[AllegroProblem], Checked | None]:
    """The problems of a schema-valid `ShipmentCreateRequestDto`, or the service and order it ships."""
    if body.get("credentialsId"):
        return [invalid("credentials", "credentialsId")], None
    method_id = str(body["deliveryMethodId"])
    service = service_for(world, seller_id, method_id)
    if service is None:
        return [invalid("service_not_found", "deliveryMethodId", id=method_id)], None
    method = delivery_method(method_id) or {}
    receiver = body["receiver"]
    found = address_problems(body["sender"], "sender") + address_problems(receiver, "receiver")
    destination = method.get("destinationCountry")
    if destination and receiver.get("countryCode", "PL") != destination:
        found.append(invalid("country", "receiver.countryCode", country=destination))
    if is_pickup(method) and not str(receiver.get("point") or "").strip():
        found.append(invalid("point_required", "receiver.point"))
    found += package_problems(service, body["packages"])
    found += money_problems(service, body)
    found += extras_problems(service, body)
    order_id = receivers.order_for(world, seller_id, str(receiver.get("email") or ""), method_id)
    if order_id is None:
        found.append(AllegroProblem("VALIDATION_FAILED", "Selected order can not be used", path="receiver.email",
                                    details="allegro_order_not_found", user_key="shipping.order_not_found"))
    if found or order_id is None:
        return found, None
    return [], Checked(service, order_id)
