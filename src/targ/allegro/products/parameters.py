"""Category parameters in product and offer bodies: checked against the reference dataset and shown the vendor's way.

Products and offers store parameters in the request's compact form (`{id, valuesIds}`, `{id, values}` or
`{id, rangeValue}`); views add `name`, `valuesLabels`, `unit` and `options` from the category tree. A dictionary
value given as text (`values: ["Apple"]`) that names a dictionary entry is stored as its id, as the vendor resolves
it; free text is kept only where the parameter takes custom values.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from targ.allegro.catalog.tree import tree
from targ.allegro.errors import AllegroError
from targ.allegro.messages import localised
from targ.json_types import Json

GTIN_PARAMETER = "225693"
IDENTIFYING = frozenset({"225693", "224017"})   # EAN (GTIN), Kod producenta (MPN)


def invalid(message: str, path: str | None, code: str = "VALIDATION_ERROR", user_message: str | None = None,
            metadata: dict[str, str] | None = None) -> AllegroError:
    return AllegroError(422, code, message, path=path, user_message=user_message, metadata=metadata)


def definition(parameter_id: str) -> Json | None:
    return tree().parameters.get(str(parameter_id))


def _number(value: str, where: str, kind: str, restrictions: Json) -> None:
    try:
        number = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        raise invalid(f"'{value}' is not a valid {kind} value.", where) from None
    if kind == "integer" and number != number.to_integral_value():
        raise invalid(f"'{value}' is not a valid integer value.", where)
    low, high = restrictions.get("min"), restrictions.get("max")
    if (low is not None and number < Decimal(str(low))) or (high is not None and number > Decimal(str(high))):
        raise invalid(f"The value {value} is outside the allowed range [{low}, {high}].", where)


def normalise(parameters: list[Json] | None, category: Json, where: str = "parameters") -> list[Json]:
    """Checks parameters against the category (known there, valid values) and returns them in stored form."""
    allowed = {ref["id"] for ref in tree().refs(category)}
    out: list[Json] = []
    for i, param in enumerate(parameters or ()):
        pid, at = str(param.get("id") or ""), f"{where}[{i}]"
        spec = definition(pid)
        if spec is None or pid not in allowed:
            raise invalid(f"Parameter {pid} is not available in category {category['id']}.", f"{at}.id",
                          code="ParameterNotFoundException")
        stored: Json = {"id": pid}
        if spec["type"] == "dictionary":
            stored.update(_dictionary(spec, param, at))
        elif param.get("rangeValue"):
            for end in ("from", "to"):
                _number(param["rangeValue"][end], f"{at}.rangeValue.{end}", spec["type"], spec["restrictions"])
            stored["rangeValue"] = dict(param["rangeValue"])
        else:
            values = [str(v) for v in param.get("values") or ()]
            if not values:
                raise invalid(f"Parameter {pid} has no value.", f"{at}.values")
            for value in values:
                if spec["type"] in ("integer", "float"):
                    _number(value, f"{at}.values", spec["type"], spec["restrictions"])
                elif not spec["restrictions"].get("minLength", 0) <= len(value) <= spec["restrictions"].get(
                        "maxLength", 10_000):
                    raise invalid(f"The value of parameter {pid} has an invalid length.", f"{at}.values")
            most = spec["restrictions"].get("allowedNumberOfValues")
            if most is not None and len(values) > most:
                raise invalid(f"Parameter {pid} takes at most {most} values.", f"{at}.values")
            stored["values"] = values
        out.append(stored)
    return out


def _dictionary(spec: Json, param: Json, at: str) -> Json:
    by_id = {entry["id"]: entry for entry in spec["dictionary"]}
    by_label = {entry["value"].casefold(): entry["id"] for entry in spec["dictionary"]}
    ids = [str(v) for v in param.get("valuesIds") or ()]
    custom: list[str] = []
    for value in param.get("values") or ():
        if str(value).casefold() in by_label:
            ids.append(by_label[str(value).casefold()])
        elif spec["options"].get("customValuesEnabled"):
            custom.append(str(value))
        else:
            raise invalid(f"'{value}' is not a value of parameter {spec['id']}.", f"{at}.values")
    # A value named both ways (`valuesIds` and its label in `values`, as a GET returns it) is one value.
    ids = list(dict.fromkeys(ids))
    for value_id in ids:
        if value_id not in by_id:
            raise invalid(f"'{value_id}' is not a value of parameter {spec['id']}.", f"{at}.valuesIds")
    if not ids and not custom:
        raise invalid(f"Parameter {spec['id']} has no value.", f"{at}.valuesIds")
    if len(ids) + len(custom) > 1 and not spec["restrictions"].get("multipleChoices"):
        raise invalid(f"Parameter {spec['id']} takes a single value.", f"{at}.valuesIds")
    out: Json = {"valuesIds": ids}
    if custom:
        out["values"] = custom
    return out


def missing_required(parameters: list[Json], category: Json, world: Any, *, product: bool) -> list[str]:
    """Ids of the category's required parameters (for the product, or for the offer) that `parameters` lack."""
    have = {p["id"] for p in parameters}
    wanted = [r for r in tree().requirements(world, category)
              if (r.ref.get("requiredForProduct") if product else r.required)]
    return [r.definition["id"] for r in wanted if r.definition["id"] not in have]


def values_of(parameters: list[Json] | None, parameter_id: str) -> list[str]:
    for param in parameters or ():
        if str(param.get("id")) == parameter_id:
            return [str(v) for v in (param.get("valuesIds") or []) + (param.get("values") or [])]
    return []


def searchable_values(param: Json) -> list[Any]:
    """The parameter's values as the dataset writes them (Polish), whatever the answer's language: what a phrase
    search matches."""
    entries = {e["id"]: e for e in (definition(param["id"]) or {}).get("dictionary") or ()}
    return [entries[v]["value"] for v in param.get("valuesIds") or () if v in entries] + \
        list(param.get("values") or ())


def view(param: Json, *, labels: bool = True) -> Json:
    """A stored parameter as the vendor shows it: with its name, and (`labels`) the labels, unit and options
    that product views carry (ParameterProductOfferResponse has only id, name, values, valuesIds, rangeValue)."""
    spec = definition(param["id"]) or {"name": param["id"], "type": "string", "unit": None}
    out: Json = {"id": param["id"], "name": localised(spec, "name")}
    if "rangeValue" in param:
        out["rangeValue"] = dict(param["rangeValue"])
    entries = {e["id"]: e for e in spec.get("dictionary") or ()}
    value_ids = list(param.get("valuesIds") or ())
    values = [localised(entries[v], "value") for v in value_ids if v in entries] + \
        list(param.get("values") or ())
    out["values"] = values
    out["valuesIds"] = value_ids
    if labels:
        out["valuesLabels"] = list(values)
        if spec.get("unit"):
            out["unit"] = spec["unit"]
        out["options"] = {"identifiesProduct": param["id"] in IDENTIFYING, "isGTIN": param["id"] == GTIN_PARAMETER}
    return out


def describes_product(parameter_id: str) -> bool:
    spec = definition(parameter_id)
    return bool(spec and spec["options"].get("describesProduct"))
