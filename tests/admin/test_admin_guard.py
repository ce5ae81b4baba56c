"""No web page can drive the admin API (issue 14, defect 4): a foreign `Origin`, a foreign `Host` (DNS rebinding)
and bodies that are not declared JSON are refused, and change nothing."""

from __future__ import annotations

import httpx
import pytest

from targ.admin.guard import AdminGuard
from targ.http.request import Headers
from targ.testing import TargServer


def _clock(http: httpx.Client) -> str:
    return str(http.get("/__targ/clock").json()["now"])


def test_a_foreign_origin_cannot_move_the_clock(targ: TargServer, http: httpx.Client) -> None:
    before = _clock(http)
    resp = http.post("/__targ/clock", json={"advance": "P1D"}, headers={"Origin": "http://evil.example"})
    assert (resp.status_code, resp.json()["error"]) == (403, "forbidden_origin")
    assert http.post("/__targ/reset", headers={"Origin": "null"}).status_code == 403
    assert _clock(http) == before
    # targ's own origin (a page served by targ itself) is fine
    same = http.post("/__targ/clock", json={"advance": "PT1H"}, headers={"Origin": targ.url})
    assert same.status_code == 200 and _clock(http) != before


def test_a_rebound_host_cannot_read_the_demo_secrets(targ: TargServer, http: httpx.Client) -> None:
    port = targ.url.rsplit(":", 1)[1]
    resp = http.get("/__targ/demo", headers={"Host": f"rebind.example:{port}"})
    assert (resp.status_code, resp.json()["error"]) == (403, "forbidden_host")
    assert "accessToken" not in resp.text
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"127.1.2.3:{port}", f"[::1]:{port}", "app.localhost"):
        assert http.get("/__targ/demo", headers={"Host": host}).status_code == 200, host
    # vendor paths answer to any Host (Docker mappings, other names): they need credentials anyway
    token = targ.demo["accessToken"]
    me = http.get("/me", headers={"Host": f"rebind.example:{port}", "Authorization": f"Bearer {token}",
                                  "Accept": "application/vnd.allegro.public.v1+json"})
    assert me.status_code == 200


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_a_body_that_is_not_declared_json_is_refused(http: httpx.Client, content_type: str) -> None:
    before = _clock(http)
    resp = http.post("/__targ/clock", content=b'{"advance": "P1D"}', headers={"Content-Type": content_type})
    assert (resp.status_code, resp.json()["error"]) == (415, "unsupported_media_type")
    assert http.post("/__targ/reset", headers={"Content-Type": content_type}).status_code == 415
    assert _clock(http) == before
    assert http.post("/__targ/clock", content=b'{"advance": "P1D"}').status_code == 415   # no type at all
    assert http.post("/__targ/jobs/drain").status_code == 200                             # no body: fine


def test_allowed_hosts_and_the_bound_address() -> None:
    def host(value: str, guard: AdminGuard) -> int | None:
        refusal = guard.refusal("GET", "/__targ/demo", Headers([(b"host", value.encode())]), f"http://{value}", b"")
        return refusal.status if refusal else None

    loopback_only = AdminGuard("127.0.0.1")
    assert host("targ.internal:8080", loopback_only) == 403
    assert host("targ.internal:8080", AdminGuard("0.0.0.0", ["targ.internal"])) is None
    assert host("TARG.internal", AdminGuard("0.0.0.0", ["targ.internal"])) is None
    assert host("10.1.2.3:8080", AdminGuard("10.1.2.3")) is None         # the address targ is bound to
    assert host("0.0.0.0:8080", AdminGuard("0.0.0.0")) == 403             # "any address" names no host
    assert host("anything:1", AdminGuard("127.0.0.1", ["*"])) is None


def test_serving_beyond_loopback_warns_and_allow_host_is_honoured() -> None:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "targ", "serve", "--host", "0.0.0.0", "--port", "0",
                             "--allow-host", "targ.internal"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline()
        assert line.startswith("targ listening on http://0.0.0.0:"), line
        port = line.strip().rsplit(":", 1)[1]
        assert proc.stderr.readline().startswith("targ: warning: listening on 0.0.0.0, beyond this machine")
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
            assert http.get("/__targ/demo", headers={"Host": f"targ.internal:{port}"}).status_code == 200
            assert http.get("/__targ/demo", headers={"Host": f"other.internal:{port}"}).status_code == 403
            assert http.get("/__targ/demo").status_code == 200
            assert http.get("/__targ/health", headers={"Host": f"10.0.0.7:{port}"}).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=20)
