"""The operations (categorySuggestionUsingGET); what they do, the vendor's rules and their sources:
`targ.allegro.catalog.matching`."""

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
