"""An admin token (issue 21, "bind safely"): with `--admin-token` / `TARG_ADMIN_TOKEN` every admin call but the health
check must carry it as a bearer, and one that does answers to any Host (a container's name) and Origin; a wrong or
missing token is refused with 401 and changes nothing."""

from __future__ import annotations

import http.client
import os

import orjson
import pytest
from served import served

from targ.admin.guard import AdminGuard
from targ.http.request import Headers

TOKEN = "s3cret-admin-token"


def _refusal(guard: AdminGuard, method: str, path: str, **headers: str) -> tuple[int, str] | None:
    raw = [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()]
    found = guard.refusal(method, path, Headers(raw), "http://127.0.0.1:8080", b"")
    return (found.status, found.error) if found else None


def test_the_token_is_required_and_then_any_host_and_origin_will_do() -> None:
    guard = AdminGuard("0.0.0.0", (), TOKEN)
    assert _refusal(guard, "GET", "/__targ/demo", host="127.0.0.1:8080") == (401, "unauthorized")
    assert _refusal(guard, "GET", "/__targ/demo", host="targ:8080", authorization="Bearer wrong") == (401,
                                                                                                   "unauthorized")
    assert _refusal(guard, "GET", "/__targ/demo", host="targ:8080", authorization=TOKEN) == (401, "unauthorized")
    assert _refusal(guard, "GET", "/__targ/demo", host="targ:8080", origin="http://qa.example",
                    authorization=f"Bearer {TOKEN}") is None
    # the health check stays open: container probes carry no token
    assert _refusal(guard, "GET", "/__targ/health", host="10.0.0.7:8080") is None
    # a body still has to be declared JSON
    assert _refusal(guard, "POST", "/__targ/clock", host="targ", authorization=f"Bearer {TOKEN}",
                    content_type="text/plain") == (415, "unsupported_media_type")


def test_without_a_token_the_host_rules_stand() -> None:
    guard = AdminGuard("0.0.0.0")
    assert _refusal(guard, "GET", "/__targ/demo", host="targ:8080") == (403, "forbidden_host")
    assert _refusal(guard, "GET", "/__targ/demo", host="127.0.0.1:8080", authorization="Bearer x") is None


def _call(port: int, method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, headers=headers)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_a_served_targ_with_a_token(how: str) -> None:
    args = ["serve", "--port", "0", "--frozen", "--clock-start", "2026-01-01T00:00:00Z"]
    env = dict(os.environ)
    if how == "flag":
        args += ["--admin-token", TOKEN]
    else:
        env["TARG_ADMIN_TOKEN"] = TOKEN
    with served(args, env) as (_, port):
        status, headers, body = _call(port, "POST", "/__targ/reset", {})
        assert status == 401 and orjson.loads(body)["error"] == "unauthorized"
        assert headers["www-authenticate"].startswith("Bearer")
        assert _call(port, "GET", "/__targ/health", {})[0] == 200
        status, _, body = _call(port, "GET", "/__targ/clock", {"Authorization": f"Bearer {TOKEN}",
                                                              "Host": "targ.internal:8080"})
        assert status == 200 and orjson.loads(body)["now"].startswith("2026-01-01T00:00:00")
