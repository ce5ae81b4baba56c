"""The RS256 key Allegro-style JWTs are signed with.

EMULATOR KEY, NOT A SECRET: `targ/data/jwt-signing-key.pem` is a fixed 2048-bit RSA private key shipped inside the
package so that the same seed and the same calls give byte-identical tokens on every machine. It protects nothing;
never use it outside targ. Allegro publishes no JWKS and its clients only decode the tokens, so any key does.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key

KEY_PATH = Path(__file__).resolve().parents[2] / "data" / "jwt-signing-key.pem"
ALGORITHM = "RS256"


@cache
def private_key() -> RSAPrivateKey:
    """Loaded once per process (parsing the PEM costs more than signing)."""
    key = load_pem_private_key(KEY_PATH.read_bytes(), password=None)
    if not isinstance(key, RSAPrivateKey):  # pragma: no cover - the shipped file is RSA
        raise TypeError("the JWT signing key must be an RSA key")
    return key


@cache
def public_key() -> RSAPublicKey:
    return private_key().public_key()


def sign(claims: dict[str, Any]) -> str:
    """A compact RS256 JWS with the header `{"alg":"RS256","typ":"JWT"}`. PKCS#1 v1.5 signatures are
    deterministic, so equal claims give equal tokens."""
    return jwt.encode(claims, private_key(), algorithm=ALGORITHM, headers={"typ": "JWT"})


def decode(token: str, *, verify_exp: bool = False) -> dict[str, Any]:
    """The claims of a token targ signed (for tests and tools; the API looks tokens up by hash instead)."""
    return jwt.decode(token, public_key(), algorithms=[ALGORITHM], options={"verify_exp": verify_exp,
                                                                           "verify_aud": False})
