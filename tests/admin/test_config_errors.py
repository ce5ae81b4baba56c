"""PATCH /__targ/config with a bad value: 400 bad_request naming the key, and nothing changes."""

from __future__ import annotations

import httpx

from targ.testing import TargServer


def test_bad_config_value_is_400_and_changes_nothing(targ: TargServer) -> None:
    with httpx.Client(base_url=targ.url) as http:
        before = http.get("/__targ/config").json()
        resp = http.patch("/__targ/config", json={"jobDelay": "PT1M", "eventsMode": "chaotic"})
        assert resp.status_code == 400
        assert resp.json()["error"] == "bad_request"
        assert "eventsMode" in resp.json()["message"]
        assert http.get("/__targ/config").json() == before
        unknown = http.patch("/__targ/config", json={"nope": 1})
        assert unknown.status_code == 400 and "nope" in unknown.json()["message"]
