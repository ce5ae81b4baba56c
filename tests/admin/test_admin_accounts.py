"""Admin account endpoints: sellers, seller tokens, OAuth clients and Voucherify projects."""

from __future__ import annotations

import re

from admin_helpers import Admin

from targ.allegro.oauth.keys import decode
from targ.allegro.oauth.tokens import all_scopes


def test_create_seller(admin: Admin) -> None:
    r = admin.call("POST", "/sellers", {"login": "shop-1", "features": ["ONE_FULFILLMENT"],
                                        "marketplace": "allegro-cz"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert list(body) == ["id", "login", "accessToken", "refreshToken", "clientId", "clientSecret", "scopes"]
    assert body["id"].isdigit() and body["login"] == "shop-1"
    assert re.fullmatch(r"[0-9a-f]{32}", body["clientId"])
    assert re.fullmatch(r"[0-9A-Za-z]{64}", body["clientSecret"])
    assert body["scopes"] == list(all_scopes())
    assert decode(body["accessToken"])["user_name"] == body["id"]
    assert decode(body["refreshToken"])["ati"] == decode(body["accessToken"])["jti"]

    me = admin.me(body["accessToken"]).json()
    assert me["id"] == body["id"]
    assert me["login"] == "shop-1"
    assert me["baseMarketplace"] == {"id": "allegro-cz"}
    assert me["features"] == ["ONE_FULFILLMENT"]
    assert set(me) == {"id", "login", "firstName", "lastName", "email", "baseMarketplace", "company", "features"}
    assert re.fullmatch(r"\d{10}", me["company"]["taxId"])


def test_seller_defaults_and_its_client_works(admin: Admin) -> None:
    body = admin.call("POST", "/sellers", {"login": "plain"}).json()
    me = admin.me(body["accessToken"]).json()
    assert me["features"] == [] and me["baseMarketplace"] == {"id": "allegro-pl"}
    r = admin.http.post("/auth/oauth/token", data={"grant_type": "refresh_token",
                                                   "refresh_token": body["refreshToken"]},
                        auth=(body["clientId"], body["clientSecret"]))
    assert r.status_code == 200, r.text


def test_seller_errors(admin: Admin) -> None:
    dup = admin.call("POST", "/sellers", {"login": "demo-seller"})
    assert (dup.status_code, dup.json()["error"]) == (409, "conflict")
    assert admin.call("POST", "/sellers", {"login": "Demo-Seller"}).status_code == 409
    for bad in ({}, {"login": ""}, {"login": 5}, {"login": "a b"}, {"login": "x", "features": ["NOPE"]},
                {"login": "x", "marketplace": "ebay"}, {"login": "x", "features": "ONE_FULFILLMENT"},
                {"login": "x", "surprise": 1}):
        r = admin.call("POST", "/sellers", bad)
        assert r.status_code == 400, bad
        assert set(r.json()) == {"error", "message"} and r.json()["error"] == "bad_request"
    r = admin.http.post("/__targ/sellers", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400


def test_seller_token_with_exact_scopes(admin: Admin) -> None:
    seller = admin.call("POST", "/sellers", {"login": "scoped"}).json()
    r = admin.call("POST", f"/sellers/{seller['id']}/tokens", {"scopes": ["allegro:api:orders:read"]})
    assert r.status_code == 201
    body = r.json()
    assert list(body) == ["accessToken", "refreshToken", "scopes", "expiresAt"]
    assert body["scopes"] == ["allegro:api:orders:read"]
    assert body["expiresAt"] == "2026-01-01T12:00:00.000Z"
    assert decode(body["accessToken"])["scope"] == ["allegro:api:orders:read"]
    assert admin.me(body["accessToken"]).status_code == 403

    none = admin.call("POST", f"/sellers/{seller['id']}/tokens", {"scopes": []}).json()
    assert none["scopes"] == []
    full = admin.call("POST", f"/sellers/{seller['id']}/tokens", {}).json()
    assert full["scopes"] == list(all_scopes())
    assert admin.me(full["accessToken"]).status_code == 200


def test_seller_token_errors(admin: Admin) -> None:
    r = admin.call("POST", "/sellers/999/tokens", {})
    assert (r.status_code, r.json()["error"]) == (404, "not_found")
    demo_id = admin.srv.demo["sellerId"]
    for bad in ({"scopes": ["made:up"]}, {"scopes": "allegro:api:orders:read"}, {"expiresIn": -1},
                {"expiresIn": "60"}, {"expiresIn": True}):
        assert admin.call("POST", f"/sellers/{demo_id}/tokens", bad).status_code == 400, bad


def test_create_client(admin: Admin) -> None:
    r = admin.call("POST", "/clients", {"redirectUris": ["https://app.example/cb"]})
    assert r.status_code == 201
    body = r.json()
    assert list(body) == ["clientId", "clientSecret"]
    assert re.fullmatch(r"[0-9a-f]{32}", body["clientId"])
    cc = admin.http.post("/auth/oauth/token", data={"grant_type": "client_credentials"},
                         auth=(body["clientId"], body["clientSecret"]))
    assert cc.status_code == 200
    assert admin.call("POST", "/clients", None).status_code == 201
    for bad in ({"redirectUris": "https://x"}, {"redirectUris": ["not a uri"]}, {"redirectUris": ["https://x/#f"]},
                {"scopes": []}, {"scopes": ["made:up"]}):
        assert admin.call("POST", "/clients", bad).status_code == 400, bad


def test_create_voucherify_project(admin: Admin) -> None:
    r = admin.call("POST", "/voucherify/projects", {})
    assert r.status_code == 201
    body = r.json()
    assert list(body) == ["applicationId", "secretKey", "clientApplicationId", "clientSecretKey", "managementId",
                          "managementToken"]
    uuid = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    assert all(re.fullmatch(uuid, v) for v in body.values())
    assert len(set(body.values())) == 6
    again = admin.call("POST", "/voucherify/projects", {"name": "second"}).json()
    assert again["applicationId"] != body["applicationId"]


def test_reset_forgets_admin_accounts(admin: Admin) -> None:
    seller = admin.call("POST", "/sellers", {"login": "temp"}).json()
    admin.srv.reset()
    assert admin.call("POST", f"/sellers/{seller['id']}/tokens", {}).status_code == 404
    assert admin.me(seller["accessToken"]).status_code == 401
    assert admin.call("POST", "/sellers", {"login": "temp"}).json()["id"] == seller["id"]
