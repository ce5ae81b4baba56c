"""Serialising the bundles, and writing them or checking the committed ones."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import orjson
from generated import Outputs, stale

from .allegro import build_allegro
from .common import BUNDLE_DIR, REPO_ROOT, Json
from .record import RECORD, record
from .voucherify import build_voucherify


def dump_bundle(bundle: Json) -> bytes:
    """Compact JSON, with one top-level entry per line and one operation/schema/erratum per line (readable diffs)."""
    lines = [b"{"]
    entries = list(bundle.items())
    for index, (key, value) in enumerate(entries):
        comma = b"," if index < len(entries) - 1 else b""
        head = orjson.dumps(key) + b":"
        if isinstance(value, list) and value:
            items = [orjson.dumps(item) for item in value]
            lines += [head + b"[", b",\n".join(items), b"]" + comma]
        elif isinstance(value, dict) and value:
            items = [orjson.dumps(name) + b":" + orjson.dumps(item) for name, item in value.items()]
            lines += [head + b"{", b",\n".join(items), b"}" + comma]
        else:
            lines.append(head + orjson.dumps(value) + comma)
    lines.append(b"}")
    return b"\n".join(lines) + b"\n"


BUILDERS: dict[str, Callable[[Path], Json]] = {"allegro": build_allegro, "voucherify": build_voucherify}


def build_all(shared: Path) -> Outputs:
    """Both bundles, and the record of this build (tools/specs/record.py)."""
    bundle = {BUNDLE_DIR / f"{vendor}.json": dump_bundle(build(shared)) for vendor, build in BUILDERS.items()}
    return {**bundle, RECORD: record(bundle)}


def check(outputs: Outputs) -> int:
    out_of_date = stale(outputs)
    for path in out_of_date:
        print(f"{path.relative_to(REPO_ROOT)} is out of date: run python tools/compile_specs.py", file=sys.stderr)
    return 1 if out_of_date else 0


def write(outputs: Outputs) -> None:
    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(REPO_ROOT)} ({len(data):,} bytes)")
