"""The category tree and its parameters, indexed once per process from `allegro-categories.json`.

A category's parameters are the ones its ancestors declare plus its own (a category listing a parameter again
overrides the requirement). A scheduled REQUIREMENT_CHANGE makes a parameter required in a category and the whole
subtree below it from its `scheduledFor` on (virtual clock): before that it is "planned"
(`/sale/offers/unfilled-parameters?parameterType=REQUIREMENT_PLANNED`), after it `required: true`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from targ.allegro.catalog.dataset import CATEGORIES, at_day, load
from targ.allegro.errors import AllegroError
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

# The vendor's name for the assortment tree in its not-found messages.
TREE_NAME = "listing-pl"


@dataclass(frozen=True)
class Requirement:
    """One parameter of a category, as it applies at a given moment."""

    definition: Json
    ref: Json
    required: bool


class Tree:
    def __init__(self, data: Json) -> None:
        self.root: str = data["root"]
        self.default_options: Json = data["defaultOptions"]
        self.categories: list[Json] = data["categories"]
        self.by_id: dict[str, Json] = {c["id"]: c for c in self.categories}
        self.children: dict[str | None, list[Json]] = {}
        for category in self.categories:
            self.children.setdefault(category["parent"], []).append(category)
        self.parameters: dict[str, Json] = {p["id"]: p for p in data["parameters"]}
        self.scheduled: list[Json] = data["scheduledChanges"]
        self.events: list[Json] = data["events"]

    def get(self, category_id: str) -> Json | None:
        return self.by_id.get(category_id)

    def path(self, category: Json) -> list[Json]:
        """From the main category down to `category`."""
        out = [category]
        while out[-1]["parent"] is not None:
            out.append(self.by_id[out[-1]["parent"]])
        return out[::-1]

    def options(self, category: Json) -> Json:
        return {**self.default_options, **category["options"]}

    def compatibility(self, category: Json) -> str | None:
        """The compatibility list type (CAR, ...) offers in the category take: its own or its nearest ancestor's."""
        return next((c["compatibility"] for c in reversed(self.path(category)) if "compatibility" in c), None)

    def leaves(self) -> list[Json]:
        return [c for c in self.categories if c["leaf"]]

    def refs(self, category: Json) -> list[Json]:
        merged: dict[str, Json] = {}
        for node in self.path(category):
            for ref in node["parameters"]:
                merged.pop(ref["id"], None)
                merged[ref["id"]] = ref
        return list(merged.values())

    def changes_for(self, category: Json) -> list[Json]:
        ids = {c["id"] for c in self.path(category)}
        return [change for change in self.scheduled if change["category"] in ids]

    def requirements(self, world: World, category: Json) -> list[Requirement]:
        """The category's parameters with `required` as it stands at the current virtual time."""
        now = world.clock.now_ms()
        effective = {change["parameter"] for change in self.changes_for(category)
                     if at_day(world, change["scheduledForDay"]) <= now}
        return [Requirement(self.parameters[ref["id"]], ref, ref["required"] or ref["id"] in effective)
                for ref in self.refs(category)]

    def planned(self, world: World, category: Json) -> list[str]:
        """Parameters that will become required in the category (announced, not yet in force)."""
        now = world.clock.now_ms()
        return [change["parameter"] for change in self.changes_for(category)
                if at_day(world, change["scheduledForDay"]) > now]


@cache
def tree() -> Tree:
    return Tree(load(CATEGORIES))


def one_fulfillment_allowed(category_id: str) -> bool:
    """Whether offers in the category may be One Fulfillment offers (the guide: a listing attempt in a category
    that does not allow it fails). Unknown categories are not allowed."""
    category = tree().get(category_id)
    return bool(category and category["oneFulfillment"])


def category_not_found(category_id: str, *, in_tree: bool = False) -> AllegroError:
    """The vendor's 404 for an unknown category: code `ERROR`, the exception's name in `details`."""
    where = f" in tree '{TREE_NAME}'" if in_tree else ""
    message = f"Category '{category_id}'{where} not found"
    return AllegroError(404, "ERROR", message, details="ResourceNotFoundException", user_message=message)


def require_category(category_id: str) -> Json:
    category = tree().get(category_id)
    if category is None:
        raise category_not_found(category_id)
    return category
