"""Loads the compiled spec bundle (see docs/spec-bundle.md); the only place that reads it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import orjson

BUNDLE_DIR = Path(__file__).parent / "bundle"
VENDORS = ("allegro", "voucherify")


@dataclass(eq=False)
class Operation:
    """One vendor operation as the bundle describes it."""

    vendor: str
    operation_id: str
    method: str
    path: str
    source: str
    raw: dict[str, Any]
    parameters: list[dict[str, Any]] = field(default_factory=list)

    @property
    def security(self) -> list[dict[str, list[str]]]:
        return self.raw.get("security") or []

    @property
    def request_body(self) -> dict[str, Any] | None:
        return self.raw.get("requestBody")

    @property
    def responses(self) -> dict[str, Any]:
        return self.raw.get("responses") or {}

    @property
    def success_status(self) -> int:
        return int(self.raw.get("successStatus") or 200)

    def request_media_types(self) -> list[str]:
        body = self.request_body
        return list((body or {}).get("content", {}))

    def response_media_types(self, status: int | str) -> list[str]:
        resp = self.responses.get(str(status)) or self.responses.get("2XX" if 200 <= int(status) < 300 else "")
        return list((resp or {}).get("content") or {})

    def declares(self, status: int) -> bool:
        return str(status) in self.responses


@dataclass(eq=False)
class Bundle:
    vendor: str
    operations: list[Operation]
    schemas: dict[str, Any]
    meta: dict[str, Any]

    def __post_init__(self) -> None:
        self.by_id: dict[str, Operation] = {op.operation_id: op for op in self.operations}


@cache
def load_bundle(vendor: str) -> Bundle:
    data = orjson.loads((BUNDLE_DIR / f"{vendor}.json").read_bytes())
    ops = [
        Operation(
            vendor=vendor,
            operation_id=o["operationId"],
            method=o["method"].upper(),
            path=o["path"],
            source=o.get("source", "pinned"),
            raw=o,
            parameters=o.get("parameters") or [],
        )
        for o in data["operations"]
    ]
    meta = {k: v for k, v in data.items() if k not in ("operations", "schemas")}
    return Bundle(vendor=vendor, operations=ops, schemas=data["schemas"], meta=meta)
