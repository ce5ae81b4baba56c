"""Allegro's OAuth 2.0 endpoints (`/auth/oauth/token`, `/authorize`, `/device`): not in the REST spec, so they are
hand-written routes. Errors are OAuth-shaped (`OAuthError`)."""

from targ.http.routes import RouteTable

OAUTH = RouteTable("/auth/oauth")

# The routes register on import; importing the package is enough to serve them.
from targ.allegro.oauth import endpoints as _endpoints  # noqa: E402, F401
