"""HTTP helpers for the OAuth tests, which run against the session's TargServer (the `targ` fixture resets it)."""

from __future__ import annotations

import base64
import hashlib
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

import targ.admin.accounts  # noqa: F401  (registers the account admin routes until app wiring lists them)
from targ.testing import TargServer

VND = "application/vnd.allegro.public.v1+json"
VERIFIER = "v" * 20 + "-._~" + "0123456789abcdefghijklmnop"      # 50 chars, all unreserved
LOOPBACK = "http://localhost:8765/callback"


def basic(client_id: str, secret: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


class OAuth:
    """A thin client for the OAuth endpoints and a few admin calls."""

    def __init__(self, srv: TargServer) -> None:
        self.srv = srv
        self.http = httpx.Client(base_url=srv.url, follow_redirects=False, timeout=30)
        self.demo: dict[str, Any] = srv.demo
        self.client_id: str = self.demo["clientId"]
        self.secret: str = self.demo["clientSecret"]

    def close(self) -> None:
        self.http.close()

    @property
    def auth(self) -> dict[str, str]:
        return basic(self.client_id, self.secret)

    def token(self, data: dict[str, str], *, headers: dict[str, str] | None = None,
              client: tuple[str, str] | None = None) -> httpx.Response:
        hdrs = basic(*client) if client else self.auth
        return self.http.post("/auth/oauth/token", data=data, headers=hdrs if headers is None else headers)

    def authorize(self, **params: str) -> httpx.Response:
        query = {"response_type": "code", "client_id": self.client_id, "redirect_uri": LOOPBACK, **params}
        return self.http.get("/auth/oauth/authorize", params=query)

    def code(self, **params: str) -> str:
        r = self.authorize(**params)
        assert r.status_code == 302, r.text
        return parse_qs(urlsplit(r.headers["location"]).query)["code"][0]

    def redeem(self, code: str, **extra: str) -> httpx.Response:
        return self.token({"grant_type": "authorization_code", "code": code, "redirect_uri": LOOPBACK, **extra})

    def me(self, access_token: str) -> httpx.Response:
        return self.http.get("/me", headers={"Authorization": f"Bearer {access_token}", "Accept": VND})

    def admin(self, method: str, path: str, body: Any = None) -> httpx.Response:
        return self.http.request(method, "/__targ" + path, json=body)


def error(r: httpx.Response) -> tuple[int, str, str]:
    body = r.json()
    return r.status_code, body["error"], body["error_description"]
