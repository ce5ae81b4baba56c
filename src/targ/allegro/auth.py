"""Allegro's credential rules: bearer tokens → the seller (or application) they act for, and the scopes an operation
needs.

Tokens are stored by the sha256 of their text (kind `token`, written by targ.allegro.oauth.tokens), so checking one
costs a hash and one indexed read, not a signature verification; a checked token is remembered while no token
document has changed (the store's generation of the kind says so).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from targ.allegro.errors import access_denied
from targ.cache import Cache
from targ.http.errors import OAuthError
from targ.http.request import Principal

if TYPE_CHECKING:
    from targ.http.request import Request
    from targ.spec.bundle import Operation
    from targ.world import World

TOKEN_KIND = "token"
USER_SCHEME = "bearer-token-for-user"


def token_key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


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


@dataclass(eq=False, slots=True)
class _Checked:
    """A token as last read: its document, its principal, and per operation whether it may call it."""

    generation: Any
    doc: dict[str, Any] | None
    principal: Principal | None = None
    allowed: dict[str, bool] = field(default_factory=dict)


class AllegroAuth:
    """401 in the OAuth shape for a missing, unknown or expired token; 403 AccessDenied for a missing scope or an
    application token on a user-only operation. Operations without security need no token."""

    def __init__(self, world: World) -> None:
        self.world = world
        self._tokens: Cache[str, _Checked] = Cache("allegro.tokens")

    def authenticate(self, req: Request, op: Operation) -> None:
        security = op.security
        if not security:
            return
        auth = req.headers.get("authorization") or ""
        scheme, _, token = auth.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise OAuthError(401, "unauthorized", "Full authentication is required to access this resource")
        checked = self._checked(token)
        doc = checked.doc
        if doc is None or doc.get("type") != "access" or doc.get("revoked"):
            raise OAuthError(401, "invalid_token", "Cannot convert access token to JSON")
        if doc["expiresAt"] <= self.world.clock.now_ms():
            raise OAuthError(401, "invalid_token", f"Access token expired: {token}")
        if checked.principal is None:
            checked.principal = Principal("allegro", doc.get("sellerId"), doc.get("clientId"),
                                          frozenset(doc.get("scopes") or ()))
        ok = checked.allowed.get(op.operation_id)
        if ok is None:
            ok = checked.allowed[op.operation_id] = _permits(checked.principal, security)
        if not ok:
            raise access_denied()
        req.principal = checked.principal

    def _checked(self, token: str) -> _Checked:
        # Keyed by the token text, so a remembered token costs neither the hash nor the query.
        store = self.world.store
        generation = store.generation(TOKEN_KIND)
        checked = self._tokens.lookup(token)
        if checked is None or checked.generation != generation:
            checked = _Checked(generation, store.get(TOKEN_KIND, token_key(token)))
            self._tokens.put(token, checked)
        return checked
