"""The Voucherify bundle: the pinned spec, with real success statuses behind its "2XX" responses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .common import ERRATA_FILE, FORMAT_VERSION, Json, Operation
from .errata import Errata, fix_required_undefined
from .operations import build_operation, build_security_schemes, convert_component_schemas
from .sources import Source, Spec, load_json

VOUCHERIFY_SPEC = "voucherify-openapi.json"
VOUCHERIFY_DOCS_DIR = "voucherify-docs"


def build_voucherify(shared: Path) -> Json:
    specs = shared / "specs"
    docs_paths = sorted((specs / VOUCHERIFY_DOCS_DIR).glob("*.json"))
    sources = [
        Source("pinned", VOUCHERIFY_SPEC, specs / VOUCHERIFY_SPEC),
        *(Source("docs", f"{VOUCHERIFY_DOCS_DIR}/{path.name}", path) for path in docs_paths),
        Source("errata", ERRATA_FILE, shared / ERRATA_FILE),
    ]
    spec = Spec("pinned", load_json(specs / VOUCHERIFY_SPEC))
    documented = documented_success_statuses([load_json(path) for path in docs_paths])

    operations = [build_operation(spec, method, path, item) for method, path, item in spec.operations()]
    for op in operations:
        op["successStatus"] = voucherify_success_status(op, documented)
    bundle: Json = {
        "vendor": "voucherify",
        "format": FORMAT_VERSION,
        "sources": [source.record() for source in sources],
        "errata": [],
        "securitySchemes": build_security_schemes(spec.doc["components"]["securitySchemes"]),
        "operations": operations,
        "schemas": convert_component_schemas(spec.doc),
    }
    errata = Errata()
    if "object" not in bundle["schemas"]["OrderItem"].get("required", []):
        raise ValueError("erratum voucherify-orderitem-object-required no longer applies")
    fix_required_undefined(bundle, errata, "voucherify")
    bundle["errata"] = errata.records
    return bundle


@dataclass
class DocumentedStatuses:
    """Real success statuses from Voucherify's documentation specs, by operationId and by (METHOD, path)."""

    by_operation_id: dict[str, str]
    by_route: dict[tuple[str, str], str]


def documented_success_statuses(docs: list[Json]) -> DocumentedStatuses:
    by_id: dict[str, str] = {}
    by_route: dict[tuple[str, str], str] = {}
    for doc in docs:
        spec = Spec("docs", doc)
        for method, path, item in spec.operations():
            raw = item[method]
            codes = [str(code) for code in raw["responses"] if re.fullmatch(r"2\d\d", str(code))]
            if not codes:
                continue
            by_id[raw["operationId"]] = min(codes)
            by_route[(method.upper(), path)] = min(codes)
    return DocumentedStatuses(by_id, by_route)


def voucherify_success_status(op: Operation, documented: DocumentedStatuses) -> str:
    """The real status behind "2XX": documented where the docs specs cover it, else 204 without content, 200."""
    status = documented.by_operation_id.get(op["operationId"]) or documented.by_route.get((op["method"], op["path"]))
    if status:
        return status
    return "200" if op["responses"]["2XX"].get("content") else "204"
