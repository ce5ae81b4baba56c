"""`targ.allegro.oauth.keys.sign` signs with cryptography alone (no PyJWT at start): its tokens are PyJWT's, byte for
byte, so the tokens a seed gives did not change."""

from __future__ import annotations

from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from targ.allegro.oauth.keys import ALGORITHM, KEY_PATH, decode, private_key, rsa_numbers, sign

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


def test_the_key_is_read_as_cryptography_reads_it() -> None:
    from cryptography.hazmat.primitives import serialization

    pem = KEY_PATH.read_bytes()
    reference = serialization.load_pem_private_key(pem, password=None)
    assert isinstance(reference, rsa.RSAPrivateKey)
    assert private_key().private_numbers() == reference.private_numbers()
    pkcs1 = reference.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                    serialization.NoEncryption()).decode()
    assert pkcs1.startswith("-----BEGIN RSA PRIVATE KEY-----")
    assert rsa_numbers(pkcs1) == rsa_numbers(pem.decode())


@pytest.mark.parametrize("make", ["encrypted", "ec", "truncated", "not pem"])
def test_other_keys_are_refused(make: str) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    pkcs8 = serialization.PrivateFormat.PKCS8
    if make == "encrypted":
        pem = private_key().private_bytes(serialization.Encoding.PEM, pkcs8,
                                          serialization.BestAvailableEncryption(b"secret")).decode()
    elif make == "ec":
        pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM, pkcs8, serialization.NoEncryption()).decode()
    elif make == "truncated":
        lines = KEY_PATH.read_text().strip().splitlines()
        pem = "\n".join([*lines[:5], lines[-1]])
    else:
        pem = "hello"
    with pytest.raises(ValueError):
        rsa_numbers(pem)
