"""The generated dataset: deterministic, committed as generated, loaded lazily, shaped as docs/datasets.md says."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import httpx
from catalog_helpers import ALLEGRO_JSON

from targ.allegro.catalog import dataset
from targ.allegro.catalog.tree import one_fulfillment_allowed, tree
from targ.testing import TargServer

REPO = Path(__file__).resolve().parents[3]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_dataset", REPO / "tools" / "make_dataset.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_dataset"] = module   # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_committed_files_are_the_seed_0_build() -> None:
    gen = _generator()
    first, again = gen.build(0), gen.build(0)
    assert first == again                               # same seed, byte-identical
    assert gen.check(first) == 0                        # what is committed is what --seed 0 writes
    other = gen.build(1)
    assert other != first and set(other) == set(first)  # the seed draws ids, addresses, ...
    assert gen.check(other) == 1
    assert sum(len(content) for content in first.values()) < 400_000


def test_loaded_on_first_use_not_at_start() -> None:
    dataset.load.cache_clear()
    with TargServer() as srv:
        assert dataset.load.cache_info().currsize == 0
        headers = {"Authorization": f"Bearer {srv.demo['accessToken']}", "Accept": ALLEGRO_JSON}
        assert httpx.get(f"{srv.url}/order/carriers", headers=headers).status_code == 200
        assert dataset.load.cache_info().currsize == 1   # only the file that request needed


def test_tree_shape() -> None:
    categories = tree()
    assert 150 <= len(categories.categories) <= 400
    for category in categories.categories:
        assert re.fullmatch(r"[1-9][0-9]*", category["id"])          # decimal strings, like the spec's examples
        assert category["leaf"] == (category["id"] not in categories.children)
    depth = max(len(categories.path(c)) for c in categories.categories)
    assert depth >= 4
    mains = [c["name"] for c in categories.children[None]]
    assert {"Elektronika", "Dom i Ogród", "Moda", "Motoryzacja", "Supermarket"} <= set(mains)
    # the ids the spec's examples and the seeds use are real categories
    assert categories.get("709")["name"] == "Komputery" and categories.get("12")["parent"] == "709"
    assert categories.get("165")["parent"] == "4"


def test_one_fulfillment_flags() -> None:
    assert one_fulfillment_allowed("79155")            # the One Fulfillment guide's example category
    assert not one_fulfillment_allowed("999999999")
    banned = [c for c in tree().categories if not c["oneFulfillment"]]
    assert 5 <= len(banned) < len(tree().categories) // 2
    cars = next(c for c in tree().categories if c["name"] == "Samochody osobowe")
    assert not one_fulfillment_allowed(cars["id"])     # inherited from "Samochody"
