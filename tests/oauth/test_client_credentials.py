"""The client-credentials grant: an application token, no user and no refresh token."""

from __future__ import annotations

from oauth_helpers import OAuth, error

from targ.allegro.oauth.keys import decode


def test_client_credentials_has_no_refresh_token_and_no_user(oauth: OAuth) -> None:
    r = oauth.token({"grant_type": "client_credentials"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert list(body) == ["access_token", "token_type", "expires_in", "scope", "allegro_api", "jti"]
    assert body["expires_in"] == 43199
    claims = decode(body["access_token"])
    assert "user_name" not in claims
    assert claims["client_id"] == oauth.client_id
    # A user-only operation refuses an application token.
    me = oauth.me(body["access_token"])
    assert me.status_code == 403
    assert me.json()["errors"][0]["code"] == "AccessDenied"


def test_client_credentials_scope_parameter(oauth: OAuth) -> None:
    r = oauth.token({"grant_type": "client_credentials", "scope": "allegro:api:orders:read"})
    assert r.json()["scope"] == "allegro:api:orders:read"
    bad = oauth.token({"grant_type": "client_credentials", "scope": "allegro:api:orders:read made:up"})
    assert error(bad) == (400, "invalid_scope", "Invalid scope: made:up")
