"""`targ.allegro.oauth.keys.sign` signs with cryptography alone (no PyJWT at start): its tokens are PyJWT's, byte for
byte, so the tokens a seed gives did not change."""

from __future__ import annotations

from typing import Any

import jwt
import pytest

from targ.allegro.oauth.keys import ALGORITHM, decode, private_key, sign

CLAIMS: list[dict[str, Any]] = [
    {"user_name": "1234", "scope": ["allegro:api:orders:read", "allegro:api:sale:offers:write"], "allegro_api": True,
     "iss": "https://allegro.pl", "exp": 1767268800, "jti": "5f0a2c4e-0000-4000-8000-000000000001",
     "client_id": "demo-client"},
    {"scope": [], "ati": "x", "allegro_api": True, "iss": "https://allegro.pl", "exp": 0, "jti": "", "client_id": ""},
    {"user_name": "Zażółć gęślą jaźń \"quoted\" \\ / \n", "nested": {"b": [1, 2.5, None, False]}, "a": -1},
]


@pytest.mark.parametrize("claims", CLAIMS)
def test_sign_gives_pyjwt_tokens(claims: dict[str, Any]) -> None:
    expected = jwt.encode(claims, private_key(), algorithm=ALGORITHM, headers={"typ": "JWT"})
    assert sign(claims) == expected
    assert decode(sign(claims)) == claims


def test_sign_is_deterministic_and_header_is_fixed() -> None:
    token = sign(CLAIMS[0])
    assert token == sign(dict(CLAIMS[0]))
    assert jwt.get_unverified_header(token) == {"alg": "RS256", "typ": "JWT"}
    assert sign({**CLAIMS[0], "exp": CLAIMS[0]["exp"] + 1}) != token
