"""Category parameters (ids, dictionaries, restrictions) and the references categories make to them."""

from __future__ import annotations

from typing import Any

from .base import Draw, Json
from .parameter_table import PARAMETERS, SETS


def split_label(text: str) -> tuple[str, str]:
    """``"pl|en"`` -> (pl, en); a label without ``|`` reads the same in both (brands, sizes)."""
    pl, _, en = text.partition("|")
    return pl, en or pl


def build_parameters(draw: Draw) -> tuple[list[Json], dict[str, str]]:
    """The parameter definitions, and their ids by key. Pinned ids are reserved first so no drawn id takes one."""
    ids: dict[str, str] = {}
    for key, (pinned, *_rest) in PARAMETERS.items():
        if pinned:
            draw.taken.add(pinned)
            ids[key] = pinned
    for key, (pinned, *_rest) in PARAMETERS.items():
        if not pinned:
            ids[key] = draw.number(200000, 260000)
    out = []
    for key, (_pinned, pl, en, kind, spec) in PARAMETERS.items():
        pid = ids[key]
        param: dict[str, Any] = {"id": pid, "name": pl, "nameEn": en, "type": kind, "unit": spec.get("unit"),
                                 "options": {
                                     "variantsAllowed": bool(spec.get("variants")),
                                     "variantsEqual": False,
                                     "ambiguousValueId": None,
                                     "dependsOnParameterId": ids[spec["dependsOn"]] if "dependsOn" in spec else None,
                                     "describesProduct": bool(spec.get("describes")),
                                     "customValuesEnabled": bool(spec.get("custom")),
                                 }}
        if kind == "dictionary":
            entries = []
            counter = 0
            for value in spec["values"]:
                label, suffix = value if isinstance(value, tuple) else (value, None)
                ambiguous = label.startswith("*")
                pl_value, en_value = split_label(label.lstrip("*"))
                if suffix is None:
                    counter += 1
                    suffix = counter
                value_id = f"{pid}_{suffix}"
                if ambiguous:
                    param["options"]["ambiguousValueId"] = value_id
                entries.append({"id": value_id, "value": pl_value, "valueEn": en_value, "dependsOnValueIds": []})
            param["dictionary"] = entries
            param["restrictions"] = {"multipleChoices": bool(spec.get("multiple"))}
        elif kind == "string":
            param["restrictions"] = {"minLength": 1, "maxLength": spec.get("maxLength", 40),
                                     "allowedNumberOfValues": spec.get("values", 1)}
        else:
            restrictions: dict[str, Any] = {"min": spec["min"], "max": spec["max"], "range": False}
            if kind == "float":
                restrictions["precision"] = spec["precision"]
            param["restrictions"] = restrictions
        out.append(param)
    return out, ids


# The spec's example: the number of cores is required for multi-core processors, shown for single-core ones too.
CONDITIONS: dict[str, dict[str, Any]] = {
    "cpu_cores": {"requiredIf": {"cpu_kind": [1]}, "displayedIf": {"cpu_kind": [1, 2]}},
}


def parameter_refs(sets: list[str], ids: dict[str, str]) -> list[Json]:
    refs = []
    for name in sets:
        for key, required, for_product in SETS[name]:
            ref: dict[str, Any] = {"id": ids[key], "required": required, "requiredForProduct": for_product}
            for condition, targets in CONDITIONS.get(key, {}).items():
                (target, suffixes), = targets.items()
                with_value = [{"id": ids[target], "oneOfValueIds": [f"{ids[target]}_{s}" for s in suffixes]}]
                ref[condition] = ({"parametersWithValue": with_value, "parametersWithoutValue": []}
                                  if condition == "requiredIf" else {"parametersWithValue": with_value})
            refs.append(ref)
    return refs
