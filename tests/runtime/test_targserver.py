"""`TargServer` in a plain pytest file, as PRODUCT.md shows it (its own server, not the session fixture)."""

from __future__ import annotations

import http.client

import orjson

from targ.testing import TargServer


def test_targserver_in_a_plain_test() -> None:
    with TargServer() as srv:
        assert srv.url.startswith("http://127.0.0.1:")
        assert srv.clock.now() == "2026-01-01T00:00:00.000Z"
        assert srv.clock.advance("PT1H")["now"] == "2026-01-01T01:00:00.000Z"
        demo = srv.demo
        assert demo["login"] == "demo-seller"
        assert [o["stock"] for o in demo["offers"]] == [100, 2, 20]
        assert srv.drain() == 0
        srv.reset()
        assert srv.clock.now() == "2026-01-01T00:00:00.000Z"
        host, port = srv.url.removeprefix("http://").split(":")
        conn = http.client.HTTPConnection(host, int(port))
        conn.request("GET", "/me", headers={"Authorization": f"Bearer {demo['accessToken']}",
                                            "Accept": "application/vnd.allegro.public.v1+json"})
        resp = conn.getresponse()
        assert resp.status == 200
        assert orjson.loads(resp.read())["login"] == "demo-seller"


def test_same_seed_same_world() -> None:
    with TargServer(seed=7) as a, TargServer(seed=7) as b, TargServer(seed=8) as c:
        assert a.demo == b.demo
        assert a.demo["accessToken"] != c.demo["accessToken"]


def test_clock_start_as_rfc3339_and_a_chosen_port() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with TargServer(clock_start="2027-03-01T12:00:00Z", port=port) as srv:
        assert srv.url == f"http://127.0.0.1:{port}"
        assert srv.clock.now() == "2027-03-01T12:00:00.000Z"
