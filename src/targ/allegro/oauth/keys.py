"""The RS256 key Allegro-style JWTs are signed with.

EMULATOR KEY, NOT A SECRET: `targ/data/jwt-signing-key.pem` is a fixed 2048-bit RSA private key shipped inside the
package so that the same seed and the same calls give byte-identical tokens on every machine. It protects nothing;
never use it outside targ. Allegro publishes no JWKS and its clients only decode the tokens, so any key does.

Tokens are signed here with `cryptography` alone, as PyJWT's `jwt.encode` would sign them (the same bytes; a test
compares the two): importing PyJWT pulls in X.509, urllib and email (~45 ms of every `targ serve` start, which mints
the demo token pair). PyJWT is used only to decode, in tests and tools. For the same reason the key's numbers are
read from the PEM here (a few lines of DER) and handed to `RSAPrivateNumbers`: cryptography's PEM loader lives in
its `serialization` package, whose import (SSH keys, ciphers) costs ~7 ms more than everything else used here.
"""

from __future__ import annotations

import base64
import json
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import (
    RSAPrivateKey,
    RSAPrivateNumbers,
    RSAPublicKey,
    RSAPublicNumbers,
)
from cryptography.hazmat.primitives.hashes import SHA256

KEY_PATH = Path(__file__).resolve().parents[2] / "data" / "jwt-signing-key.pem"
ALGORITHM = "RS256"
# PyJWT's header for `headers={"typ": "JWT"}`: its keys sorted, compact separators.
_HEADER = b'{"alg":"RS256","typ":"JWT"}'


# DER of the rsaEncryption algorithm identifier's OID (1.2.840.113549.1.1.1), as PKCS#8 names an RSA key.
_RSA_OID = bytes.fromhex("06092a864886f70d010101")


@cache
def private_key() -> RSAPrivateKey:
    """Loaded once per process. The key is our own, shipped file, so OpenSSL's consistency check of its RSA
    parameters (~55 ms, the bulk of loading it) is skipped."""
    n, e, d, p, q, dmp1, dmq1, iqmp = rsa_numbers(KEY_PATH.read_text())
    numbers = RSAPrivateNumbers(p, q, d, dmp1, dmq1, iqmp, RSAPublicNumbers(e, n))
    return numbers.private_key(unsafe_skip_rsa_key_validation=True)


def rsa_numbers(pem: str) -> tuple[int, ...]:
    """n, e, d, p, q, d mod (p-1), d mod (q-1), q⁻¹ mod p of an unencrypted RSA key in PEM: PKCS#8 (`PRIVATE KEY`)
    or PKCS#1 (`RSA PRIVATE KEY`). Anything else is a ValueError."""
    lines = pem.strip().splitlines()
    label = lines[0].removeprefix("-----BEGIN ").removesuffix("-----") if lines else ""
    if label not in ("PRIVATE KEY", "RSA PRIVATE KEY") or lines[-1] != f"-----END {label}-----":
        raise ValueError("not an unencrypted RSA private key in PEM")
    der = base64.b64decode("".join(lines[1:-1]), validate=True)
    if label == "PRIVATE KEY":  # PrivateKeyInfo: SEQUENCE {version, AlgorithmIdentifier, OCTET STRING key, ...}
        info = _items(_one(der, 0x30))
        if len(info) < 3 or info[1][0] != 0x30 or not info[1][1].startswith(_RSA_OID) or info[2][0] != 0x04:
            raise ValueError("not an RSA key")
        der = info[2][1]
    # RSAPrivateKey: SEQUENCE {version 0, n, e, d, p, q, dP, dQ, qInv}
    fields = _items(_one(der, 0x30))
    if len(fields) != 9 or any(tag != 0x02 for tag, _ in fields) or fields[0][1] != b"\x00":
        raise ValueError("not a two-prime RSA private key")
    return tuple(int.from_bytes(value, "big") for _, value in fields[1:])


def _one(der: bytes, tag: int) -> bytes:
    items = _items(der)
    if len(items) != 1 or items[0][0] != tag:
        raise ValueError("malformed DER")
    return items[0][1]


def _items(der: bytes) -> list[tuple[int, bytes]]:
    """The (tag, contents) of the DER elements laid end to end in `der` (definite lengths, as DER has them)."""
    out: list[tuple[int, bytes]] = []
    pos = 0
    while pos < len(der):
        if pos + 2 > len(der):
            raise ValueError("malformed DER")
        tag, length = der[pos], der[pos + 1]
        pos += 2
        if length & 0x80:
            size = length & 0x7F
            if not 1 <= size <= 4 or pos + size > len(der):
                raise ValueError("malformed DER")
            length = int.from_bytes(der[pos:pos + size], "big")
            pos += size
        if pos + length > len(der):
            raise ValueError("malformed DER")
        out.append((tag, der[pos:pos + length]))
        pos += length
    return out


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
