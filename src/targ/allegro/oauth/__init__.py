"""Allegro's OAuth 2.0 endpoints (`/auth/oauth/token`, `/authorize`, `/device`): not in the REST spec, so they are
hand-written routes. Errors are OAuth-shaped (`OAuthError`).

The routes register when `targ.allegro.oauth.endpoints` is imported (the app does); the package itself imports
nothing, so `targ.allegro.sellers` and the token helpers can be imported in any order."""

from targ.http.routes import RouteTable

OAUTH = RouteTable("/auth/oauth")
