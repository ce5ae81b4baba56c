"""Allegro REST API providers: the hand-written behaviour behind the spec's operations.

PROVIDERS lists the modules whose `@handler`/`@runs` decorators must run at app build; add a module here when it
binds operations or job kinds.
"""

PROVIDERS = [
    "targ.allegro.me",
]
