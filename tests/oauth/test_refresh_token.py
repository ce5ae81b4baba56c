"""The refresh-token grant: rotation, single use, the old access token dying, scopes and the 3-month lifetime."""

from __future__ import annotations

from typing import Any

from oauth_helpers import OAuth, error


def _pair(oauth: OAuth, **params: str) -> dict[str, Any]:
    r = oauth.redeem(oauth.code(**params))
    assert r.status_code == 200, r.text
    return r.json()


def _refresh(oauth: OAuth, token: str, **extra: str) -> Any:
    return oauth.token({"grant_type": "refresh_token", "refresh_token": token, **extra})


def test_refresh_rotates_and_revokes_the_previous_access_token(oauth: OAuth) -> None:
    first = _pair(oauth)
    assert oauth.me(first["access_token"]).status_code == 200
    r = _refresh(oauth, first["refresh_token"], redirect_uri="http://localhost:8765/callback")
    assert r.status_code == 200, r.text
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert second["scope"] == first["scope"]
    assert oauth.me(second["access_token"]).status_code == 200
    dead = oauth.me(first["access_token"])
    assert error(dead) == (401, "invalid_token", "Cannot convert access token to JSON")
    # The chain goes on.
    third = _refresh(oauth, second["refresh_token"]).json()
    assert oauth.me(third["access_token"]).status_code == 200
    assert oauth.me(second["access_token"]).status_code == 401


def test_refresh_token_is_single_use(oauth: OAuth) -> None:
    pair = _pair(oauth)
    assert _refresh(oauth, pair["refresh_token"]).status_code == 200
    token = pair["refresh_token"]
    assert error(_refresh(oauth, token)) == (400, "invalid_grant", f"Invalid refresh token: {token}")


def test_garbage_and_access_tokens_are_not_refresh_tokens(oauth: OAuth) -> None:
    pair = _pair(oauth)
    assert error(_refresh(oauth, "garbage")) == (400, "invalid_grant", "Invalid refresh token: garbage")
    access = pair["access_token"]
    assert error(_refresh(oauth, access)) == (400, "invalid_grant", f"Invalid refresh token: {access}")


def test_refresh_token_is_bound_to_its_client(oauth: OAuth) -> None:
    pair = _pair(oauth)
    other = oauth.admin("POST", "/clients", {}).json()
    r = oauth.token({"grant_type": "refresh_token", "refresh_token": pair["refresh_token"]},
                    client=(other["clientId"], other["clientSecret"]))
    assert r.status_code == 400
    assert r.json()["error"] == "invalid_grant"


def test_refresh_can_narrow_but_not_widen(oauth: OAuth) -> None:
    pair = _pair(oauth, scope="allegro:api:orders:read allegro:api:profile:read")
    narrowed = _refresh(oauth, pair["refresh_token"], scope="allegro:api:profile:read").json()
    assert narrowed["scope"] == "allegro:api:profile:read"
    clipped = _refresh(oauth, narrowed["refresh_token"],
                       scope="allegro:api:profile:read allegro:api:orders:write").json()
    assert clipped["scope"] == "allegro:api:profile:read"


def test_refresh_token_lives_three_months(oauth: OAuth) -> None:
    pair = _pair(oauth)
    oauth.srv.clock.advance("P89DT23H59M59S")
    still = _refresh(oauth, pair["refresh_token"])
    assert still.status_code == 200
    oauth.srv.clock.advance("PT1S")
    token = still.json()["refresh_token"]
    assert _refresh(oauth, token).status_code == 200      # issued a second ago: fine
    old = _pair(oauth)
    oauth.srv.clock.advance("P90D")
    assert error(_refresh(oauth, old["refresh_token"]))[1] == "invalid_grant"
