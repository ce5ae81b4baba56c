"""Access tokens expire on the virtual clock; the API then answers 401 invalid_token."""

from __future__ import annotations

from oauth_helpers import OAuth, error


def test_access_token_expires_after_twelve_hours(oauth: OAuth) -> None:
    token = oauth.redeem(oauth.code()).json()["access_token"]
    oauth.srv.clock.advance("PT11H59M59.999S")
    assert oauth.me(token).status_code == 200
    oauth.srv.clock.advance("PT0.001S")
    assert error(oauth.me(token)) == (401, "invalid_token", f"Access token expired: {token}")


def test_admin_token_with_short_lifetime(oauth: OAuth) -> None:
    seller_id = oauth.demo["sellerId"]
    body = oauth.admin("POST", f"/sellers/{seller_id}/tokens", {"expiresIn": 60}).json()
    assert body["expiresAt"] == "2026-01-01T00:01:00.000Z"
    assert oauth.me(body["accessToken"]).status_code == 200
    oauth.srv.clock.advance("PT1M")
    assert error(oauth.me(body["accessToken"]))[:2] == (401, "invalid_token")


def test_no_or_garbage_token(oauth: OAuth) -> None:
    r = oauth.http.get("/me", headers={"Accept": "application/vnd.allegro.public.v1+json"})
    assert error(r) == (401, "unauthorized", "Full authentication is required to access this resource")
    assert error(oauth.me("garbage")) == (401, "invalid_token", "Cannot convert access token to JSON")
