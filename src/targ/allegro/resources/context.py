"""`Bound`: a resource declaration with what the bundle says about it; `Ctx`: one request against one resource,
with the helpers handlers and hooks share (seller, clock, store, and the vendor's errors for this operation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.resources.model import Doc, Resource
from targ.clock import iso
from targ.http.errors import OAuthError, TargError
from targ.http.request import Request
from targ.spec.bundle import Operation
from targ.store.base import Store
from targ.world import World


@dataclass
class Bound:
    """A resource as served: its operations by role (list, create, read, replace, patch, upsert, delete, or an
    extra name), its item path and the parameters that carry its key and its parent's."""

    res: Resource
    ops: dict[str, Operation]
    item_path: str | None
    key_param: str | None
    parent_param: str | None
    full_schema: dict[str, Any]
    server_fields: frozenset[str]
    timestamps: tuple[str, ...]
    seller_field: bool
    extras: dict[str, Operation] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.res.kind


@dataclass
class Ctx:
    req: Request
    bound: Bound

    @property
    def res(self) -> Resource:
        return self.bound.res

    @property
    def world(self) -> World:
        return self.req.world

    @property
    def store(self) -> Store:
        return self.req.world.store

    @property
    def seller(self) -> str:
        principal = self.req.principal
        if principal is None or principal.seller_id is None:
            raise access_denied()  # every settings operation acts for a user
        return principal.seller_id

    @property
    def op(self) -> Operation:
        assert self.req.operation is not None
        return self.req.operation

    def now(self) -> str:
        return iso(self.world.clock.now_ms())

    def status(self, *preferred: int) -> int:
        """The first of `preferred` the operation declares (the vendor's documented status for this case)."""
        return next((s for s in preferred if self.op.declares(s)), preferred[0])

    def fail(self, preferred: tuple[int, ...], code: str, message: str, *, path: str | None = None,
             metadata: dict[str, str] | None = None) -> TargError:
        status = self.status(*preferred)
        if status == 403:
            return self.forbidden(path)
        return AllegroError(status, code, message, path=path, metadata=metadata)

    def forbidden(self, path: str | None = None) -> TargError:
        """AccessDenied; in the OAuth shape where the operation declares its 403 so (modifyShippingRatesSetUsingPUT)."""
        content = (self.op.responses.get("403") or {}).get("content") or {}
        if any(str((entry.get("schema") or {}).get("$ref", "")).endswith("/AuthError") for entry in content.values()):
            return OAuthError(403, "access_denied", "Access is denied")
        denied = access_denied()
        denied.problems[0].path = path
        return denied

    def invalid(self, message: str, path: str | None = None) -> TargError:
        """A body the spec accepts but the vendor's rules refuse."""
        return self.fail((422, 400), "VALIDATION_ERROR", message, path=path)

    def not_found(self, key: str, label: str | None = None) -> TargError:
        return self.fail((404, 422, 400), "NOT_FOUND", f"{label or self.res.label} {key} not found.")

    def foreign(self, key: str, label: str | None = None) -> TargError:
        """Another seller's resource: 403 where the operation documents it, else indistinguishable from missing."""
        if self.op.declares(403):
            return self.forbidden()
        return self.not_found(key, label)


def owned_or_raise(ctx: Ctx, kind: str, key: str, label: str) -> Doc:
    """A document of `kind` that belongs to the caller: 404 when missing, 403/404 when it is another seller's."""
    doc = ctx.store.get_doc(kind, key)
    if doc is None:
        raise ctx.not_found(key, label)
    if doc.owner != ctx.seller:
        raise ctx.foreign(key, label)
    return doc.data
