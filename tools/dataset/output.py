"""Rendering the four files, and writing them or checking the committed ones."""

from __future__ import annotations

import json
import sys

from generated import Outputs, stale

from .base import DATA_DIR, REPO_ROOT, Draw, Json
from .categories import build_categories_file
from .compatibility import build_compatibility_file
from .delivery import build_delivery_file
from .reference import build_reference_file


def render(data: dict[str, Json]) -> bytes:
    """JSON with one list element per line: small, and a changed record is a one-line diff."""
    parts = []
    for key, value in data.items():
        if isinstance(value, list):
            body = ",\n".join("  " + json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"{json.dumps(key)}: [\n{body}\n]")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode()


def build(seed: int) -> Outputs:
    draw = Draw(seed)
    categories = build_categories_file(draw)
    files = {
        "allegro-categories.json": categories,
        "allegro-delivery.json": build_delivery_file(draw),
        "allegro-compatibility.json": build_compatibility_file(draw, categories["categories"]),
        "allegro-reference.json": build_reference_file(draw),
    }
    return {DATA_DIR / name: render(data) for name, data in files.items()}


def check(outputs: Outputs) -> int:
    out_of_date = stale(outputs)
    for path in out_of_date:
        print(f"{path.relative_to(REPO_ROOT)} differs from a fresh build", file=sys.stderr)
    if out_of_date:
        print("run: python tools/make_dataset.py --seed 0", file=sys.stderr)
    return 1 if out_of_date else 0


def write(outputs: Outputs) -> None:
    for path, content in outputs.items():
        path.write_bytes(content)
        print(f"wrote {path.relative_to(REPO_ROOT)} ({len(content)} bytes)")
