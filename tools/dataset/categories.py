"""allegro-categories.json: the category tree, its parameters, scheduled parameter changes and the tree's history."""

from __future__ import annotations

import base64
from typing import Any

from .base import FORMAT, Draw, Json
from .parameters import build_parameters, parameter_refs
from .tree import Node, find, parse_tree, walk
from .tree_table import TREE

# parent.id's default in the spec: the id of the tree's root, which is not a category itself.
ROOT_ID = "954b95b6-43cf-4104-8354-dea4d9b10ddf"
# The category options most categories have: written once, categories list only where they differ.
DEFAULT_OPTIONS = {
    "variantsByColorPatternAllowed": True, "advertisement": False, "advertisementPriceOptional": False,
    "offersWithProductPublicationEnabled": True, "productCreationEnabled": True, "customParametersEnabled": True,
    "sellerCanRequirePurchaseComments": False,
}


def category_options(node: Node) -> dict[str, bool]:
    """CategoryDto.options, in the vendor's key order."""
    adv = node.inherited("adv") is not None
    return {
        "variantsByColorPatternAllowed": node.inherited("nocolour") is None,
        "advertisement": adv,
        "advertisementPriceOptional": node.inherited("priceopt") is not None,
        "offersWithProductPublicationEnabled": not adv,
        "productCreationEnabled": node.inherited("noproduct") is None,
        "customParametersEnabled": not adv,
        "sellerCanRequirePurchaseComments": node.inherited("comments") is not None,
    }


def build_categories(draw: Draw, ids: dict[str, str]) -> tuple[list[Json], list[Node]]:
    roots = parse_tree(TREE)
    nodes = walk(roots)
    for node in nodes:
        if node.pinned:
            if node.pinned in draw.taken:
                raise ValueError(f"category id {node.pinned} used twice")
            draw.taken.add(node.pinned)
            node.id = node.pinned
    for node in nodes:
        if not node.id:
            node.id = draw.number(1000, 330000)
    out = []
    for node in nodes:
        options = category_options(node)
        category: dict[str, Any] = {
            "id": node.id,
            "name": node.pl,
            "nameEn": node.en,
            "parent": node.parent.id if node.parent else None,
            "leaf": not node.children,
            # Only the options that differ from DEFAULT_OPTIONS (written once at the top of the file).
            "options": {k: v for k, v in options.items() if DEFAULT_OPTIONS[k] != v},
            "parameters": parameter_refs(node.sets, ids),
            "oneFulfillment": node.inherited("noof") is None,
            "tax": node.inherited("tax") or "goods",
        }
        if "compat" in node.flags:
            category["compatibility"] = node.flags["compat"]
        if node.keywords:
            category["keywords"] = node.keywords
        out.append(category)
    return out, nodes


def event_id(n: int) -> str:
    """Opaque event ids like the spec's `MTEzMjQzODU3NA` (base64 of a growing number)."""
    return base64.b64encode(str(n).encode()).decode().rstrip("=")


def build_category_events(draw: Draw, nodes: list[Node]) -> list[Json]:
    """The tree's recent history (the last 3 months before the clock start), consistent with today's tree."""

    def snapshot(node: Node, name: str | None = None) -> Json:
        snap: dict[str, Any] = {"id": node.id, "name": name or node.pl}
        if node.parent:
            snap["parent"] = {"id": node.parent.id}
        snap["leaf"] = not node.children
        return snap

    history: list[tuple[int, str, Json, Json | None]] = [
        (-80, "CATEGORY_CREATED", snapshot(find(nodes, "Smartwatche")), None),
        (-71, "CATEGORY_RENAMED", snapshot(find(nodes, "Nawigacje i akcesoria GPS")), None),
        (-64, "CATEGORY_CREATED", snapshot(find(nodes, "Soundbary")), None),
        (-50, "CATEGORY_MOVED", snapshot(find(nodes, "Powerbanki")), None),
        (-43, "CATEGORY_DELETED", {"id": draw.number(1000, 330000), "name": "Krzesła", "leaf": True},
         {"id": find(nodes, "Krzesła kuchenne").id}),
        (-35, "CATEGORY_CREATED", snapshot(find(nodes, "Wideorejestratory")), None),
        (-28, "CATEGORY_DELETED", {"id": draw.number(1000, 330000), "name": "Gadżety - kubki", "leaf": True},
         {"id": find(nodes, "Kubki").id}),
        (-21, "CATEGORY_RENAMED", snapshot(find(nodes, "Kryminał, sensacja, thriller")), None),
        (-14, "CATEGORY_MOVED", snapshot(find(nodes, "Dyski SSD")), None),
        (-9, "CATEGORY_CREATED", snapshot(find(nodes, "Opony całoroczne")), None),
        (-3, "CATEGORY_DELETED", {"id": draw.number(1000, 330000), "name": "Nawigacje samochodowe", "leaf": True},
         {"id": find(nodes, "Akcesoria i oprogramowanie").id}),
    ]
    base = 1132438574
    events = []
    for n, (days, kind, category, redirect) in enumerate(history):
        event: dict[str, Any] = {"id": event_id(base + n * 7919), "day": days, "minute": draw.rng.randint(0, 1439),
                                 "type": kind, "category": category}
        if redirect is not None:
            event["redirectCategory"] = redirect
        events.append(event)
    return events


# Parameters that become required (REQUIREMENT_CHANGE): (category, parameter key, days announced, days effective)
SCHEDULED = [
    ("Klocki hamulcowe", "mpn", -9, 21),
    ("Smartfony i telefony komórkowe", "screen", -5, 45),
    ("T-shirty damskie", "material", -2, 10),
    ("Fantastyka", "isbn", -20, 60),
]


def build_scheduled_changes(nodes: list[Node], ids: dict[str, str]) -> list[Json]:
    return [{"category": find(nodes, cat).id, "parameter": ids[key], "scheduledAtDay": at, "scheduledForDay": on,
             "type": "REQUIREMENT_CHANGE"} for cat, key, at, on in SCHEDULED]


def build_categories_file(draw: Draw) -> Json:
    parameters, ids = build_parameters(draw)
    categories, nodes = build_categories(draw, ids)
    return {
        "format": FORMAT,
        "seed": draw.seed,
        "root": ROOT_ID,
        "defaultOptions": DEFAULT_OPTIONS,
        "categories": categories,
        "parameters": parameters,
        "scheduledChanges": build_scheduled_changes(nodes, ids),
        "events": build_category_events(draw, nodes),
    }
