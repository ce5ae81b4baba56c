"""The authorization-code grant: authorize, PKCE, single use, the 10 s lifetime, redirect URIs and scopes."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from oauth_helpers import LOOPBACK, VERIFIER, OAuth, error, s256


def test_authorize_redirects_with_code_and_state(oauth: OAuth) -> None:
    r = oauth.authorize(state="abc def", scope="allegro:api:orders:read")
    assert r.status_code == 302
    loc = urlsplit(r.headers["location"])
    assert f"{loc.scheme}://{loc.netloc}{loc.path}" == LOOPBACK
    q = parse_qs(loc.query)
    assert q["state"] == ["abc def"]
    assert len(q["code"][0]) == 32 and q["code"][0].isalnum()


def test_pkce_round_trip(oauth: OAuth) -> None:
    code = oauth.code(code_challenge=s256(VERIFIER), code_challenge_method="S256")
    r = oauth.redeem(code, code_verifier=VERIFIER)
    assert r.status_code == 200, r.text


def test_pkce_failures_refuse_and_change_nothing(oauth: OAuth) -> None:
    code = oauth.code(code_challenge=s256(VERIFIER), code_challenge_method="S256")
    for extra in ({}, {"code_verifier": VERIFIER[:-1] + "x"}, {"code_verifier": "short"},
                  {"code_verifier": "x" * 129}):
        assert error(oauth.redeem(code, **extra)) == (400, "invalid_request", "Unauthorized")
    # A refused attempt does not use the code up.
    assert oauth.redeem(code, code_verifier=VERIFIER).status_code == 200


def test_plain_challenge_is_rejected(oauth: OAuth) -> None:
    r = oauth.authorize(code_challenge=VERIFIER, code_challenge_method="plain", state="s")
    assert r.status_code == 302
    loc = urlsplit(r.headers["location"])
    frag = parse_qs(loc.fragment)
    assert frag["error"] == ["invalid_request"]
    assert frag["state"] == ["s"]
    assert "code" not in parse_qs(loc.query)


def test_code_is_single_use(oauth: OAuth) -> None:
    code = oauth.code()
    assert oauth.redeem(code).status_code == 200
    assert error(oauth.redeem(code)) == (400, "invalid_grant", f"Invalid authorization code: {code}")


def test_code_expires_after_ten_seconds(oauth: OAuth) -> None:
    late, in_time = oauth.code(), oauth.code()
    oauth.srv.clock.advance("PT9.999S")
    assert oauth.redeem(in_time).status_code == 200
    oauth.srv.clock.advance("PT0.001S")
    assert error(oauth.redeem(late)) == (400, "invalid_grant", f"Invalid authorization code: {late}")


def test_unknown_and_missing_code(oauth: OAuth) -> None:
    assert error(oauth.redeem("nope")) == (400, "invalid_grant", "Invalid authorization code: nope")
    r = oauth.token({"grant_type": "authorization_code", "redirect_uri": LOOPBACK})
    assert error(r) == (400, "invalid_request", "An authorization code must be supplied")


def test_redirect_uri_must_match(oauth: OAuth) -> None:
    code = oauth.code()
    r = oauth.token({"grant_type": "authorization_code", "code": code, "redirect_uri": "http://localhost:1/other"})
    assert error(r) == (400, "invalid_grant", "Redirect URI mismatch.")


def test_code_is_bound_to_its_client(oauth: OAuth) -> None:
    other = oauth.admin("POST", "/clients", {}).json()
    code = oauth.code()
    r = oauth.token(
        {"grant_type": "authorization_code", "code": code, "redirect_uri": LOOPBACK},
        client=(other["clientId"], other["clientSecret"]))
    assert error(r) == (400, "invalid_grant", f"Invalid authorization code: {code}")


def test_unregistered_redirect_uri_gets_an_html_page(oauth: OAuth) -> None:
    for uri in ("https://evil.example/cb", "http://localhost.evil.example/cb", "https://localhost:8765/cb"):
        r = oauth.authorize(redirect_uri=uri)
        assert r.status_code == 400
        assert r.headers["content-type"].startswith("text/html")
        assert "location" not in r.headers
        assert "Nie możemy wyświetlić strony" in r.text
    assert oauth.authorize(redirect_uri="http://127.0.0.1:5000/x?y=1").status_code == 302


def test_registered_redirect_uris_are_exact(oauth: OAuth) -> None:
    client = oauth.admin("POST", "/clients", {"redirectUris": ["https://app.example/cb"]}).json()
    ok = oauth.authorize(client_id=client["clientId"], redirect_uri="https://app.example/cb")
    assert ok.status_code == 302
    assert ok.headers["location"].startswith("https://app.example/cb?code=")
    assert oauth.authorize(client_id=client["clientId"], redirect_uri=LOOPBACK).status_code == 400
    assert oauth.authorize(client_id="unknown").status_code == 400


def test_invalid_scope_is_reported_in_the_fragment(oauth: OAuth) -> None:
    r = oauth.authorize(scope="allegro:api:orders:read allegro:api:nope", state="st")
    assert r.status_code == 302
    loc = r.headers["location"]
    assert loc.startswith(LOOPBACK + "#error=invalid_scope&error_description=Invalid%20scope:%20allegro:api:nope")
    assert parse_qs(urlsplit(loc).fragment)["state"] == ["st"]


def test_scope_narrowing_and_clipping(oauth: OAuth) -> None:
    narrow = oauth.redeem(oauth.code(scope="allegro:api:orders:read allegro:api:profile:read")).json()
    assert narrow["scope"] == "allegro:api:orders:read allegro:api:profile:read"

    limited = oauth.admin("POST", "/clients", {"scopes": ["allegro:api:orders:read", "allegro:api:profile:read"]})
    client = limited.json()
    code = oauth.code(client_id=client["clientId"], scope="allegro:api:orders:read allegro:api:orders:write")
    clipped = oauth.token({"grant_type": "authorization_code", "code": code, "redirect_uri": LOOPBACK},
                          client=(client["clientId"], client["clientSecret"])).json()
    assert clipped["scope"] == "allegro:api:orders:read"

    code = oauth.code(client_id=client["clientId"])
    everything = oauth.token({"grant_type": "authorization_code", "code": code, "redirect_uri": LOOPBACK},
                             client=(client["clientId"], client["clientSecret"])).json()
    assert everything["scope"] == "allegro:api:orders:read allegro:api:profile:read"


def test_narrow_token_gets_403_outside_its_scopes(oauth: OAuth) -> None:
    token = oauth.redeem(oauth.code(scope="allegro:api:orders:read")).json()["access_token"]
    r = oauth.me(token)
    assert r.status_code == 403
    assert r.json()["errors"][0]["code"] == "AccessDenied"


def test_login_hint_picks_the_seller(oauth: OAuth) -> None:
    seller = oauth.admin("POST", "/sellers", {"login": "second-seller"}).json()
    token = oauth.redeem(oauth.code(login_hint="second-seller")).json()["access_token"]
    me = oauth.me(token).json()
    assert (me["id"], me["login"]) == (seller["id"], "second-seller")
    assert oauth.authorize(login_hint="ghost").status_code == 400


def test_public_pkce_client_needs_no_secret(oauth: OAuth) -> None:
    code = oauth.code(code_challenge=s256(VERIFIER), code_challenge_method="S256")
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": LOOPBACK, "code_verifier": VERIFIER,
            "client_id": oauth.client_id}
    r = oauth.token(data, headers={})
    assert r.status_code == 200, r.text
    refreshed = oauth.token({"grant_type": "refresh_token", "refresh_token": r.json()["refresh_token"],
                             "client_id": oauth.client_id}, headers={})
    assert refreshed.status_code == 200
    # Without a verifier, a secret is still required.
    plain_code = oauth.code()
    r = oauth.token({"grant_type": "authorization_code", "code": plain_code, "redirect_uri": LOOPBACK,
                     "client_id": oauth.client_id}, headers={})
    assert r.status_code == 401
    assert oauth.redeem(plain_code).status_code == 200
