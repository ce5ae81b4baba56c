"""`GET /sale/matching-categories?name=...`: leaf categories suggested for a product name.

A small text matcher over the dataset: the name's words are compared with each leaf's name, its matching keywords
and its ancestors' names, without diacritics; a shared prefix (4+ letters, at most 2 short of the shorter word)
stands in for Polish inflection ("lampka" ~ "lampy", "telefon" ~ "telefony"). Leaf name and keyword hits weigh 3,
ancestor hits 1; the best five leaves are suggested, best first (ties in tree order). A name matching nothing
gives an empty list."""

from __future__ import annotations

from targ.allegro.catalog.matching import node, suggest, words
from targ.allegro.errors import AllegroError
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "categorySuggestionUsingGET", backing="dataset")
def matching_categories(req: Request) -> Reply:
    name = req.param("name") or ""
    if not words(name):
        raise AllegroError(422, "VALIDATION_ERROR", "Product name must not be blank", path="name",
                           user_message="Podaj nazwę produktu.")
    return Reply({"matchingCategories": [node(leaf) for leaf in suggest(name)]})
