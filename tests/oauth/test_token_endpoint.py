"""`POST /auth/oauth/token`: client authentication, parameters, errors and the response's shape."""

from __future__ import annotations

import base64

from oauth_helpers import OAuth, basic, error

from targ.allegro.oauth.keys import decode


def test_get_is_refused_in_oauth_shape(oauth: OAuth) -> None:
    r = oauth.http.get("/auth/oauth/token", params={"grant_type": "client_credentials"}, headers=oauth.auth)
    assert error(r) == (405, "method_not_allowed", "Request method 'GET' not supported")
    assert r.headers["allow"] == "POST"


def test_missing_basic_credentials(oauth: OAuth) -> None:
    r = oauth.token({"grant_type": "client_credentials"}, headers={})
    assert error(r) == (401, "unauthorized", "Full authentication is required to access this resource")


def test_bad_basic_credentials(oauth: OAuth) -> None:
    for headers in (basic(oauth.client_id, "wrong"), basic("nobody", oauth.secret),
                    {"Authorization": "Basic !!!not-base64"},
                    {"Authorization": "Basic " + base64.b64encode(b"no-colon").decode()},
                    {"Authorization": f"Bearer {oauth.demo['accessToken']}"}):
        r = oauth.token({"grant_type": "client_credentials"}, headers=headers)
        assert r.status_code == 401
        assert r.json() == {"error": "Unauthorized", "error_description": "Unauthorized"}


def test_missing_and_unsupported_grant_type(oauth: OAuth) -> None:
    assert error(oauth.token({})) == (400, "invalid_request", "OAuth 2.0 Parameter: grant_type")
    assert error(oauth.token({"grant_type": "password"})) == (
        400, "unsupported_grant_type", "Unsupported grant type: password")


def test_legacy_query_string_parameters_still_work(oauth: OAuth) -> None:
    r = oauth.http.post("/auth/oauth/token", params={"grant_type": "client_credentials"}, headers=oauth.auth)
    assert r.status_code == 200
    assert "access_token" in r.json()


def test_authorization_code_response_shape_and_claims(oauth: OAuth) -> None:
    r = oauth.redeem(oauth.code(state="s1"))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert list(body) == ["access_token", "token_type", "refresh_token", "expires_in", "scope", "allegro_api", "jti"]
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 43199
    assert body["allegro_api"] is True
    assert body["scope"].split(" ") == oauth.demo["scopes"]

    header = body["access_token"].split(".")[0]
    assert base64.urlsafe_b64decode(header + "==") in (b'{"alg":"RS256","typ":"JWT"}', b'{"typ":"JWT","alg":"RS256"}')
    claims = decode(body["access_token"])
    assert claims["user_name"] == oauth.demo["sellerId"]
    assert claims["client_id"] == oauth.client_id
    assert claims["scope"] == oauth.demo["scopes"]
    assert claims["allegro_api"] is True
    assert claims["iss"] == "https://allegro.pl"
    assert claims["jti"] == body["jti"]
    assert claims["exp"] == 1767225600 + 12 * 3600      # the frozen test clock + 12 h

    refresh = decode(body["refresh_token"])
    assert refresh["ati"] == body["jti"]
    assert refresh["user_name"] == oauth.demo["sellerId"]
    assert refresh["exp"] == 1767225600 + 90 * 86400

    me = oauth.me(body["access_token"])
    assert me.status_code == 200
    assert me.json()["login"] == "demo-seller"


def test_same_calls_give_same_tokens(oauth: OAuth) -> None:
    first = oauth.redeem(oauth.code(state="x")).json()
    oauth.srv.reset()
    again = OAuth(oauth.srv)
    try:
        second = again.redeem(again.code(state="x")).json()
    finally:
        again.close()
    assert first == second
