"""`GET /me` on real state: the seller the token acts for (docs/add-an-operation.md walks through this one)."""

from __future__ import annotations

from typing import Any

import httpx


def test_me_is_the_seller_the_token_acts_for(demo: dict[str, Any], allegro: httpx.Client) -> None:
    me = allegro.get("/me")
    assert me.status_code == 200
    assert (me.json()["id"], me.json()["login"]) == (demo["sellerId"], demo["login"])
    assert "x-targ-backing" not in me.headers   # built on state, not the spec's example


def test_an_application_token_has_no_user(targ: Any, http: httpx.Client) -> None:
    client = targ.admin.call("POST", "/clients", {"name": "app"})
    token = http.post("/auth/oauth/token", data={"grant_type": "client_credentials"},
                      auth=(client["clientId"], client["clientSecret"])).json()["access_token"]
    me = http.get("/me", headers={"Authorization": f"Bearer {token}",
                                  "Accept": "application/vnd.allegro.public.v1+json"})
    assert me.status_code == 403 and me.json()["errors"][0]["code"] == "AccessDenied"
