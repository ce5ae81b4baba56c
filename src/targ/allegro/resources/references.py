"""Reference integrity between resources, offers and reference data.

* Outgoing (`check`): every id a body names at a declared `Ref` path must exist and be the caller's. A missing one is
  the operation's documented validation error (422, else 400/404) with the field's `path`; another seller's is
  403 where the operation documents it.
* Incoming (`check_unused`): a resource that offers (declared `used_by` paths) or other resources (their `Ref`s)
  point at cannot be deleted; the vendor answers 400 Bad Request (return policies, allegro-api#10712).
* Reference data that other modules serve (delivery methods, badge campaigns, size-table templates...) is checked
  through lookups they register; a target nobody has registered is not checked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from targ.allegro.resources.context import Ctx
from targ.allegro.resources.docpath import locate, values_at
from targ.allegro.resources.model import OFFER, Doc

if TYPE_CHECKING:
    from targ.allegro.resources.context import Bound
    from targ.world import World

# name → fn(world, seller_id, id) → True when the id exists for that seller.
Lookup = Callable[["World", str, str], bool]
LOOKUPS: dict[str, Lookup] = {}
# Every served resource by name, filled by the engine as declarations register.
BOUND: dict[str, Bound] = {}


def register_lookup(name: str, fn: Lookup) -> None:
    """Lets a module that serves reference data make `Ref(path, name)` checkable."""
    LOOKUPS[name] = fn


def label_of(target: str) -> str:
    if target == OFFER:
        return "Offer"
    bound = BOUND.get(target)
    return bound.res.label if bound else target.replace("-", " ").capitalize()


def _state(ctx: Ctx, target: str, key: str) -> str:
    """"ok", "missing", "foreign" or "unchecked"."""
    if target == OFFER or target in BOUND:
        kind = OFFER if target == OFFER else BOUND[target].kind
        doc = ctx.store.get_doc(kind, key)
        if doc is None:
            return "missing"
        return "ok" if doc.owner == ctx.seller else "foreign"
    lookup = LOOKUPS.get(target)
    if lookup is None:
        return "unchecked"
    return "ok" if lookup(ctx.world, ctx.seller, key) else "missing"


def check(ctx: Ctx, doc: Doc) -> None:
    for ref in ctx.res.refs:
        for where, value in locate(doc, ref.path):
            state = _state(ctx, ref.target, str(value))
            if state == "foreign" and ctx.op.declares(403):
                raise ctx.forbidden(where)
            if state in ("missing", "foreign"):  # another seller's id is as good as unknown
                code = "NOT_FOUND" if ctx.status(*ref.statuses) == 404 else "VALIDATION_ERROR"
                raise ctx.fail(ref.statuses, code, f"{label_of(ref.target)} {value} not found.", path=where)


def users(ctx: Ctx, key: str) -> list[tuple[str, str]]:
    """(label, id) of whatever still points at the resource `key`: offers through `used_by`, then resources."""
    found: list[tuple[str, str]] = []
    if ctx.res.used_by:
        for offer in ctx.store.find(OFFER, ctx.seller):
            if any(key in map(str, values_at(offer.data, path)) for path in ctx.res.used_by):
                found.append(("Offer", offer.id))
    for other in BOUND.values():
        paths = [r.path for r in other.res.refs if r.target == ctx.res.name]
        if not paths:
            continue
        for doc in ctx.store.find(other.kind, ctx.seller):
            if any(key in map(str, values_at(doc.data, p)) for p in paths):
                found.append((other.res.label, doc.id))
    return found


def check_unused(ctx: Ctx, key: str) -> None:
    found = users(ctx, key)
    if found:
        label, user = found[0]
        raise ctx.fail((400, 409, 422), "VALIDATION_ERROR",
                       f"{ctx.res.label} {key} is used by {label.lower()} {user} and cannot be deleted.",
                       metadata={"usedBy": user})
