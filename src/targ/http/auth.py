"""Who is calling: Allegro bearer tokens and Voucherify key pairs, resolved against the store.

Tokens are stored by the sha256 of their text (kind `token`), so checking one costs a hash and one indexed read,
not a signature verification. The token documents are written by `targ.allegro.oauth.tokens`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from targ.http.errors import AllegroError, OAuthError, VoucherifyError

if TYPE_CHECKING:
    from targ.http.request import Headers
    from targ.spec.bundle import Operation
    from targ.world import World

TOKEN_KIND = "token"
VOUCHERIFY_KEY_KIND = "vf_key"

USER_SCHEME = "bearer-token-for-user"
APP_SCHEME = "bearer-token-for-application"


@dataclass(frozen=True)
class Principal:
    vendor: str                      # "allegro" | "voucherify"
    seller_id: str | None = None     # Allegro: the user the token acts for (None for client_credentials)
    client_id: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)
    project_id: str | None = None    # Voucherify: the project the keys belong to
    key_kind: str | None = None      # Voucherify: "server" | "client" | "management"


def token_key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


_CACHE_MAX = 4096


def cached_doc(world: World, kind: str, id: str) -> dict[str, Any] | None:
    return _cached(world, kind, id, lambda: world.store.get(kind, id))[0]


def _cached(world: World, kind: str, key: str, load: Callable[[], dict[str, Any] | None]) -> list[Any]:
    """[document, principal or None, {id(operation): allowed}] for a credential (read-only). Every request checks
    one; the world's cache skips the hash, the query, the JSON decode, building the Principal and the scope check
    while no document of the kind has changed (the store's generation for the kind says so)."""
    generation = world.store.generation(kind)
    cached = world.auth_cache.get((kind, key))
    if cached is not None and cached[0] == generation:
        return cached[1]
    entry: list[Any] = [load(), None, {}]
    if len(world.auth_cache) >= _CACHE_MAX:
        world.auth_cache.clear()
    world.auth_cache[(kind, key)] = (generation, entry)
    return entry


def access_denied() -> AllegroError:
    return AllegroError(403, "AccessDenied", "Access is denied",
                        user_message="Access denied. Contact the author of the application.")


def _permits(principal: Principal, security: list[dict[str, list[str]]]) -> bool:
    is_user = principal.seller_id is not None
    for alternative in security:
        for scheme_name, scopes in alternative.items():
            # An application token cannot act for a user; a user token is accepted wherever an application
            # token is (public data).
            if scheme_name == USER_SCHEME and not is_user:
                continue
            if all(s in principal.scopes for s in scopes):
                return True
    return False


def authenticate_allegro(world: World, headers: Headers, op: Operation) -> Principal | None:
    """401 in the OAuth shape for a missing, unknown or expired token; 403 AccessDenied for a missing scope or
    an application token on a user-only operation. Operations without security need no token."""
    security = op.security
    if not security:
        return None
    auth = headers.get("authorization") or ""
    scheme, _, token = auth.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise OAuthError(401, "unauthorized", "Full authentication is required to access this resource")
    # Keyed by the token text, so a cached token costs neither the hash nor the query.
    entry = _cached(world, TOKEN_KIND, token, lambda: world.store.get(TOKEN_KIND, token_key(token)))
    doc = entry[0]
    if doc is None or doc.get("type") != "access" or doc.get("revoked"):
        raise OAuthError(401, "invalid_token", "Cannot convert access token to JSON")
    if doc["expiresAt"] <= world.clock.now_ms():
        raise OAuthError(401, "invalid_token", f"Access token expired: {token}")
    if entry[1] is None:
        entry[1] = Principal("allegro", doc.get("sellerId"), doc.get("clientId"), frozenset(doc.get("scopes") or ()))
    principal: Principal = entry[1]
    allowed: dict[int, bool] = entry[2]  # id(operation) → whether this token may call it
    ok = allowed.get(id(op))
    if ok is None:
        ok = allowed[id(op)] = _permits(principal, security)
    if ok:
        return principal
    raise access_denied()


VOUCHERIFY_HEADERS = {
    "server": ("x-app-id", "x-app-token"),
    "client": ("x-client-application-id", "x-client-token"),
    "management": ("x-management-id", "x-management-token"),
}


def voucherify_key_kind(path: str) -> str:
    if path.startswith("/client/"):
        return "client"
    if path.startswith("/management/"):
        return "management"
    return "server"


def authenticate_voucherify(world: World, headers: Headers, path: str) -> Principal:
    kind = voucherify_key_kind(path)
    id_header, token_header = VOUCHERIFY_HEADERS[kind]
    app_id, secret = headers.get(id_header), headers.get(token_header)
    doc = cached_doc(world, VOUCHERIFY_KEY_KIND, app_id) if app_id else None
    if doc is None or doc.get("kind") != kind or doc.get("secret") != secret:
        raise VoucherifyError(401, "unauthorized", "Unauthorized")
    return Principal("voucherify", project_id=doc["projectId"], key_kind=kind)
