"""Allegro REST API providers: the hand-written behaviour behind the spec's operations.

PROVIDERS lists the modules whose `@handler`/`@runs` decorators must run at app build; add a module here when it
binds operations or job kinds.
"""

PROVIDERS = [
    "targ.allegro.me",
    "targ.allegro.catalog.categories",
    "targ.allegro.catalog.matching",
    "targ.allegro.catalog.changes",
    "targ.allegro.catalog.delivery",
    "targ.allegro.catalog.points",
    "targ.allegro.catalog.marketplaces",
    "targ.allegro.catalog.campaigns",
    "targ.allegro.catalog.offer_options",
    "targ.allegro.catalog.compatibility",
    "targ.allegro.catalog.lookups",
    "targ.allegro.catalog.derived.quality",
    "targ.allegro.catalog.derived.ratings",
    "targ.allegro.catalog.derived.smart",
    "targ.allegro.catalog.derived.classifieds",
    "targ.allegro.catalog.derived.unfilled",
    "targ.allegro.resources",
]
