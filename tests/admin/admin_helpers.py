"""HTTP helpers for the admin tests, which run against the session's TargServer."""

from __future__ import annotations

from typing import Any

import httpx

import targ.admin.accounts  # noqa: F401  (registers the account admin routes until app wiring lists them)
from targ.testing import TargServer


class Admin:
    def __init__(self, srv: TargServer) -> None:
        self.srv = srv
        self.http = httpx.Client(base_url=srv.url, follow_redirects=False, timeout=30)

    def call(self, method: str, path: str, body: Any = None) -> httpx.Response:
        return self.http.request(method, "/__targ" + path, json=body)

    def me(self, token: str) -> httpx.Response:
        return self.http.get("/me", headers={"Authorization": f"Bearer {token}",
                                             "Accept": "application/vnd.allegro.public.v1+json"})
