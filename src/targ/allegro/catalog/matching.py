"""`GET /sale/matching-categories?name=...`: leaf categories suggested for a product name.

A small text matcher over the dataset: the name's words are compared with each leaf's name, its matching keywords
and its ancestors' names, without diacritics; a shared prefix (4+ letters, at most 2 short of the shorter word)
stands in for Polish inflection ("lampka" ~ "lampy", "telefon" ~ "telefony"). Leaf name and keyword hits weigh 3,
ancestor hits 1; the best five leaves are suggested, best first (ties in tree order). A name matching nothing
gives an empty list.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from targ.allegro.catalog.tree import tree
from targ.allegro.messages import localised
from targ.json_types import Json

MAX_SUGGESTIONS = 5
PREFIX = 4
_WORD = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower().replace("ł", "l"))
    return _WORD.findall("".join(ch for ch in folded if not unicodedata.combining(ch)))


def _similar(a: str, b: str) -> bool:
    """Equal, or the same word inflected: a common prefix of 4+ letters missing at most 2 of the shorter word."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(PREFIX, min(len(a), len(b)) - 2)


@cache
def _index() -> list[tuple[Json, frozenset[str], frozenset[str]]]:
    """(leaf, its own words and keywords, its ancestors' words), built once."""
    categories = tree()
    out = []
    for leaf in categories.leaves():
        own = set(words(leaf["name"]) + words(leaf["nameEn"]))
        for keyword in leaf.get("keywords", []):
            own.update(words(keyword))
        above: set[str] = set()
        for node in categories.path(leaf)[:-1]:
            above.update(words(node["name"]))
        out.append((leaf, frozenset(own), frozenset(above)))
    return out


def suggest(name: str) -> list[Json]:
    query = [w for w in words(name) if len(w) > 1]
    scored = []
    for order, (leaf, own, above) in enumerate(_index()):
        score = 0
        for word in query:
            if any(_similar(word, w) for w in own):
                score += 3
            elif any(_similar(word, w) for w in above):
                score += 1
        if score:
            scored.append((-score, order, leaf))
    scored.sort(key=lambda item: item[:2])
    return [leaf for _, _, leaf in scored[:MAX_SUGGESTIONS]]


def node(category: Json) -> Json:
    """CategorySuggestionCategoryNode: the category with its ancestors nested under `parent` (the main category
    has no `parent` key: the schema does not allow the vendor's `null`)."""
    out: Json = {"id": category["id"], "name": localised(category, "name")}
    if category["parent"] is not None:
        out["parent"] = node(tree().by_id[category["parent"]])
    return out
