"""`oauthParameters: form-only`: the token endpoint ignores the legacy query string, as the vendor since 2025-08."""

from __future__ import annotations

from typing import Any

import httpx

from targ.testing import TargServer


def test_query_string_parameters_only_in_lenient_mode(targ: TargServer, demo: dict[str, Any]) -> None:
    auth = (demo["clientId"], demo["clientSecret"])
    with httpx.Client(base_url=targ.url) as http:
        lenient = http.post("/auth/oauth/token", params={"grant_type": "client_credentials"}, auth=auth)
        assert lenient.status_code == 200
        assert "refresh_token" not in lenient.json()
        assert http.patch("/__targ/config", json={"oauthParameters": "form-only"}).status_code == 200
        strict = http.post("/auth/oauth/token", params={"grant_type": "client_credentials"}, auth=auth)
        assert strict.status_code == 400
        assert strict.json() == {"error": "invalid_request", "error_description": "OAuth 2.0 Parameter: grant_type"}
        form = http.post("/auth/oauth/token", data={"grant_type": "client_credentials"}, auth=auth)
        assert form.status_code == 200
