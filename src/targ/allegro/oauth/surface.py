"""Allegro's OAuth pages as a surface of the request pipeline: `/auth/oauth/`, errors in the OAuth shape."""

from __future__ import annotations

from targ.allegro.oauth import OAUTH
from targ.http.errors import OAuthError
from targ.http.pipeline import Surface
from targ.http.routes import plain_surface

PREFIX = "/auth/oauth"


def owns(raw_path: str) -> bool:
    return raw_path == PREFIX or raw_path.startswith(PREFIX + "/")


def surface() -> Surface:
    import targ.allegro.oauth.endpoints  # noqa: F401  (registers the routes)

    return plain_surface("oauth", owns, OAUTH, OAuthError)
