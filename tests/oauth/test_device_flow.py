"""The device flow: `POST /auth/oauth/device`, polling, admin approval, single use and expiry."""

from __future__ import annotations

import re
from typing import Any

from oauth_helpers import OAuth, basic, error

from targ.allegro.oauth.keys import decode

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


def _start(oauth: OAuth, **data: str) -> dict[str, Any]:
    r = oauth.http.post("/auth/oauth/device", data={"client_id": oauth.client_id, **data}, headers=oauth.auth)
    assert r.status_code == 200, r.text
    return r.json()


def _poll(oauth: OAuth, device_code: str) -> Any:
    return oauth.token({"grant_type": DEVICE_GRANT, "device_code": device_code})


def test_device_code_response(oauth: OAuth) -> None:
    body = _start(oauth)
    assert list(body) == ["device_code", "expires_in", "user_code", "interval", "verification_uri",
                          "verification_uri_complete"]
    assert len(body["device_code"]) == 32
    assert re.fullmatch(r"[a-z0-9]{9}", body["user_code"])
    assert body["expires_in"] == 3600
    assert body["interval"] == 5
    assert body["verification_uri"] == "https://allegro.pl/skojarz-aplikacje"
    assert body["verification_uri_complete"] == f"https://allegro.pl/skojarz-aplikacje?code={body['user_code']}"


def test_device_flow_pending_approved_reused(oauth: OAuth) -> None:
    body = _start(oauth)
    pending = _poll(oauth, body["device_code"])
    assert error(pending) == (400, "authorization_pending", "User has not authorized the device code yet.")

    seller = oauth.admin("POST", "/sellers", {"login": "device-user"}).json()
    ok = oauth.admin("POST", f"/oauth/device/{body['user_code']}/confirm", {"login": "device-user"})
    assert ok.status_code == 200
    assert ok.json()["sellerId"] == seller["id"]

    r = _poll(oauth, body["device_code"])
    assert r.status_code == 200, r.text
    tokens = r.json()
    assert "refresh_token" in tokens
    assert decode(tokens["access_token"])["user_name"] == seller["id"]
    assert oauth.me(tokens["access_token"]).json()["login"] == "device-user"

    assert error(_poll(oauth, body["device_code"])) == (400, "invalid_request", "Invalid device code")


def test_confirm_defaults_to_the_demo_seller(oauth: OAuth) -> None:
    body = _start(oauth)
    assert oauth.admin("POST", f"/oauth/device/{body['user_code']}/confirm").status_code == 200
    tokens = _poll(oauth, body["device_code"]).json()
    assert decode(tokens["access_token"])["user_name"] == oauth.demo["sellerId"]


def test_unknown_and_expired_device_codes(oauth: OAuth) -> None:
    assert error(_poll(oauth, "x" * 32)) == (400, "invalid_request", "Invalid device code")
    assert error(oauth.token({"grant_type": DEVICE_GRANT})) == (400, "invalid_request", "Invalid device code")
    body = _start(oauth)
    oauth.srv.clock.advance("PT1H")
    assert error(_poll(oauth, body["device_code"])) == (400, "invalid_request", "Invalid device code")
    r = oauth.admin("POST", f"/oauth/device/{body['user_code']}/confirm", {})
    assert r.status_code == 404
    assert r.json()["error"] == "not_found"


def test_device_code_is_bound_to_its_client(oauth: OAuth) -> None:
    body = _start(oauth)
    oauth.admin("POST", f"/oauth/device/{body['user_code']}/confirm", {})
    other = oauth.admin("POST", "/clients", {}).json()
    r = oauth.token({"grant_type": DEVICE_GRANT, "device_code": body["device_code"]},
                    client=(other["clientId"], other["clientSecret"]))
    assert error(r) == (400, "invalid_request", "Invalid device code")


def test_device_endpoint_needs_basic_auth(oauth: OAuth) -> None:
    r = oauth.http.post("/auth/oauth/device", data={"client_id": oauth.client_id})
    assert r.status_code == 401
    r = oauth.http.post("/auth/oauth/device", data={"client_id": oauth.client_id},
                        headers=basic(oauth.client_id, "bad"))
    assert r.json() == {"error": "Unauthorized", "error_description": "Unauthorized"}


def test_confirm_unknown_login_or_code(oauth: OAuth) -> None:
    body = _start(oauth)
    r = oauth.admin("POST", f"/oauth/device/{body['user_code']}/confirm", {"login": "ghost"})
    assert (r.status_code, r.json()["error"]) == (404, "not_found")
    r = oauth.admin("POST", "/oauth/device/zzzzzzzzz/confirm", {})
    assert (r.status_code, r.json()["error"]) == (404, "not_found")
