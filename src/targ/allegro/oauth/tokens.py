"""Allegro OAuth tokens: scopes, minting, looking up and revoking.

Access and refresh tokens are RS256 JWTs shaped like the vendor's (see reference/allegro-behaviour.md §1). Each is
also stored as a document of kind `token` whose id is the sha256 of the token text, which is what
`targ.allegro.auth.AllegroAuth` reads: `{"type": "access"|"refresh", "sellerId", "clientId", "scopes",
"expiresAt" (ms), "revoked", "jti", ...}`. Everything comes from the virtual clock and `targ.ids`, so the same seed
and the same calls give the same tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from targ.allegro.auth import TOKEN_KIND, token_key
from targ.allegro.oauth.keys import sign

if TYPE_CHECKING:
    from targ.world import World

ISSUER = "https://allegro.pl"

# Every scope the pinned spec names (allegro-all-operations.txt); the bundle may add more, never fewer.
BASE_SCOPES = (
    "allegro:api:affiliate:read", "allegro:api:bids", "allegro:api:billing:read", "allegro:api:campaigns",
    "allegro:api:disputes", "allegro:api:fulfillment:read", "allegro:api:fulfillment:write", "allegro:api:messaging",
    "allegro:api:orders:read", "allegro:api:orders:write", "allegro:api:payments:read", "allegro:api:payments:write",
    "allegro:api:profile:read", "allegro:api:profile:write", "allegro:api:ratings", "allegro:api:sale:offers:read",
    "allegro:api:sale:offers:write", "allegro:api:sale:settings:read", "allegro:api:sale:settings:write",
    "allegro:api:shipments:read", "allegro:api:shipments:write",
)

_SPLIT = re.compile(r"[\s,]+")


class ScopeError(ValueError):
    """A scope name Allegro does not know (`invalid_scope`)."""

    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__(f"Invalid scope: {scope}")


@cache
def all_scopes() -> tuple[str, ...]:
    """Every scope the Allegro bundle's operations require, plus the base list; sorted."""
    found = set(BASE_SCOPES)
    try:
        from targ.spec.bundle import load_bundle

        bundle = load_bundle("allegro")
    except (FileNotFoundError, OSError):  # bundle not built yet (development tree)
        bundle = None
    if bundle is not None:
        for op in bundle.operations:
            for alternative in op.security:
                for scopes in alternative.values():
                    found.update(s for s in scopes if s)
    return tuple(sorted(found))


def split_scopes(text: str | None) -> list[str]:
    """`scope` parameter → names (space-separated on the wire; commas tolerated), duplicates dropped."""
    out: list[str] = []
    for s in _SPLIT.split(text or ""):
        if s and s not in out:
            out.append(s)
    return out


def check_known(scopes: Iterable[str]) -> None:
    known = set(all_scopes())
    for s in scopes:
        if s not in known:
            raise ScopeError(s)


def narrow_scopes(requested: str | None, ceiling: Sequence[str]) -> list[str]:
    """The vendor's rule: the client's scopes are a ceiling; no `scope` → all of them; a narrower request gets
    exactly what it asked; a wider one is clipped. Unknown names (or nothing left after clipping) → ScopeError."""
    asked = split_scopes(requested)
    if not asked:
        return list(ceiling)
    check_known(asked)
    granted = [s for s in ceiling if s in asked]
    if not granted:
        raise ScopeError(asked[0])
    return granted


@dataclass(frozen=True)
class Minted:
    access_token: str
    refresh_token: str | None
    jti: str
    scopes: list[str]
    expires_at: int            # ms, virtual clock
    expires_in: int            # s, as the token response reports it (vendor: 43199 for 12 h)


def mint(world: World, *, client_id: str, seller_id: str | None, scopes: Sequence[str], refresh: bool = True,
         ttl_ms: int | None = None, grant: str = "", public: bool = False) -> Minted:
    """A new access token (and refresh token unless `refresh=False`), signed and stored. Call inside a
    transaction; raises nothing."""
    now = world.clock.now_ms()
    ttl = world.config.ms("accessTokenTtl") if ttl_ms is None else ttl_ms
    expires_at = now + ttl
    scopes = list(scopes)
    jti = world.ids.uuid("jwt")
    claims: dict[str, Any] = {}
    if seller_id is not None:
        claims["user_name"] = seller_id
    claims.update({"scope": scopes, "allegro_api": True, "iss": ISSUER, "exp": expires_at // 1000, "jti": jti,
                   "client_id": client_id})
    access = sign(claims)
    access_key = token_key(access)
    base = {"sellerId": seller_id, "clientId": client_id, "scopes": scopes, "revoked": False, "issuedAt": now,
            "grant": grant}
    world.store.put(TOKEN_KIND, access_key, {"type": "access", **base, "expiresAt": expires_at, "jti": jti},
                    owner=seller_id or "")
    refresh_token = None
    if refresh:
        refresh_at = now + world.config.ms("refreshTokenTtl")
        rjti = world.ids.uuid("jwt")
        rclaims: dict[str, Any] = {}
        if seller_id is not None:
            rclaims["user_name"] = seller_id
        rclaims.update({"scope": scopes, "ati": jti, "allegro_api": True, "iss": ISSUER, "exp": refresh_at // 1000,
                        "jti": rjti, "client_id": client_id})
        refresh_token = sign(rclaims)
        world.store.put(TOKEN_KIND, token_key(refresh_token),
                        {"type": "refresh", **base, "expiresAt": refresh_at, "jti": rjti, "ati": jti,
                         "accessKey": access_key, "public": public},
                        owner=seller_id or "")
    return Minted(access, refresh_token, jti, scopes, expires_at, max(0, ttl // 1000 - 1))


def token_response(m: Minted) -> dict[str, Any]:
    """The body of a successful `POST /auth/oauth/token`, fields in the vendor's order."""
    body: dict[str, Any] = {"access_token": m.access_token, "token_type": "bearer"}
    if m.refresh_token is not None:
        body["refresh_token"] = m.refresh_token
    body.update({"expires_in": m.expires_in, "scope": " ".join(m.scopes), "allegro_api": True, "jti": m.jti})
    return body


def lookup(world: World, token: str) -> dict[str, Any] | None:
    return world.store.get(TOKEN_KIND, token_key(token))


def is_live(world: World, token: str | None, type_: str) -> bool:
    """Not revoked and not expired at the current clock."""
    doc = lookup(world, token) if token else None
    return bool(doc and doc.get("type") == type_ and not doc.get("revoked")
                and doc["expiresAt"] > world.clock.now_ms())


def revoke_key(world: World, key: str) -> None:
    """Revoke the token stored under `key` (sha256 of its text). Call inside a transaction."""
    stored = world.store.get_doc(TOKEN_KIND, key)
    if stored is None or stored.data.get("revoked"):
        return
    data = dict(stored.data, revoked=True, revokedAt=world.clock.now_ms())
    world.store.put(TOKEN_KIND, key, data, owner=stored.owner, alt=stored.alt)


def revoke(world: World, token: str) -> None:
    revoke_key(world, token_key(token))
