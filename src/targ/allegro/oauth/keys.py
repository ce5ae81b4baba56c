"""The RS256 key Allegro-style JWTs are signed with.

EMULATOR KEY, NOT A SECRET: `targ/data/jwt-signing-key.pem` is a fixed 2048-bit RSA private key shipped inside the
package so that the same seed and the same calls give byte-identical tokens on every machine. It protects nothing;
never use it outside targ. Allegro publishes no JWKS and its clients only decode the tokens, so any key does.

Tokens are signed here with `cryptography` alone, as PyJWT's `jwt.encode` would sign them (the same bytes; a test
compares the two): importing PyJWT pulls in X.509, urllib and email (~45 ms of every `targ serve` start, which mints
the demo token pair). PyJWT is used only to decode, in tests and tools.
"""

from __future__ import annotations

import base64
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.hashes import SHA256

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

KEY_PATH = Path(__file__).resolve().parents[2] / "data" / "jwt-signing-key.pem"
ALGORITHM = "RS256"
# PyJWT's header for `headers={"typ": "JWT"}`: its keys sorted, compact separators.
_HEADER = b'{"alg":"RS256","typ":"JWT"}'


@cache
def private_key() -> RSAPrivateKey:
    """Loaded once per process (parsing the PEM costs more than signing). The key is our own, shipped file, so
    OpenSSL's consistency check of its RSA parameters (~55 ms, the bulk of loading it) is skipped."""
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key = load_pem_private_key(KEY_PATH.read_bytes(), password=None, unsafe_skip_rsa_key_validation=True)
    if not isinstance(key, RSAPrivateKey):  # pragma: no cover - the shipped file is RSA
        raise TypeError("the JWT signing key must be an RSA key")
    return key


@cache
def public_key() -> RSAPublicKey:
    return private_key().public_key()


def _b64(data: bytes) -> bytes:
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def sign(claims: dict[str, Any]) -> str:
    """A compact RS256 JWS with the header `{"alg":"RS256","typ":"JWT"}`, the claims as PyJWT writes them
    (`json.dumps` with compact separators, keys in the given order). PKCS#1 v1.5 signatures are deterministic, so
    equal claims give equal tokens."""
    payload = json.dumps(claims, separators=(",", ":")).encode()
    signing_input = _b64(_HEADER) + b"." + _b64(payload)
    signature = private_key().sign(signing_input, PKCS1v15(), SHA256())
    return (signing_input + b"." + _b64(signature)).decode()


def decode(token: str, *, verify_exp: bool = False) -> dict[str, Any]:
    """The claims of a token targ signed (for tests and tools; the API looks tokens up by hash instead)."""
    import jwt

    return jwt.decode(token, public_key(), algorithms=[ALGORITHM], options={"verify_exp": verify_exp,
                                                                           "verify_aud": False})
