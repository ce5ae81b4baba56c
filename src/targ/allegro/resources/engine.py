"""The settings engine: serves a declared `Resource` from the spec bundle.

`serve(resource, extras)` finds the resource's operations in the bundle (the collection path and its one item path
`collection/{param}`), gives each a role by method, and binds a handler for it:

| path       | GET  | POST   | PUT                     | PATCH                 | DELETE |
|------------|------|--------|-------------------------|-----------------------|--------|
| collection | list | create |                         |                       |        |
| item       | read |        | replace (keyed: upsert) | patch (keyed: upsert) | delete |

Everything is stored per seller (store owner = seller id) as one document in the fullest form the spec shows (the read
operation's response) and projected onto each operation's response schema. Server-owned fields (the key, `seller`,
`createdAt`/`updatedAt`/`lastModified` where the schema has them, and the declaration's `server_fields`) are never
taken from a body: on create they are assigned, on update carried over. Operations that are not CRUD (commands such as
"deactivate", uploads, singletons) come as `extras`, handlers over the same `Ctx`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from targ.allegro.resources import paging, references
from targ.allegro.resources.context import Bound, Ctx, owned_or_raise
from targ.allegro.resources.model import OFFER, Doc, Hooks, Resource
from targ.allegro.resources.shape import array_property, project, properties, response_schema
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.spec.bundle import Bundle, Operation, load_bundle

Extra = Callable[[Ctx], Reply]
TIMESTAMPS = ("createdAt", "updatedAt", "lastModified")
_ROLES = {("collection", "GET"): "list", ("collection", "POST"): "create", ("item", "GET"): "read",
          ("item", "PUT"): "replace", ("item", "PATCH"): "patch", ("item", "DELETE"): "delete"}
_PARAM = re.compile(r"\{([^}]+)\}")
_FIRST_ID = 100_000_000  # decimal ids (ids="number") start here


# --- binding --------------------------------------------------------------------------------------------------------
def serve(res: Resource, extras: Mapping[str, Extra] | None = None, derived: tuple[str, ...] = ()) -> Bound:
    """Binds every operation of the resource (and the `extras`, by operationId) and returns what was derived.
    `derived` names extras that compute their answer from stored state rather than read it (coverage says so)."""
    bundle = load_bundle("allegro")
    by_path, items = _paths(bundle)
    item = res.item or _item_path(items, res.collection)
    ops: dict[str, Operation] = {}
    for where, path in (("collection", res.collection), ("item", item)):
        for op in by_path.get(path or "", ()):
            role = _ROLES.get((where, op.method))
            if role is None or op.operation_id in (extras or {}):
                continue
            if res.keyed and role in ("replace", "patch"):
                role = "upsert"
            ops[role] = op
    full = _full_schema(ops)
    props = properties(full)
    bound = Bound(
        res=res, ops=ops, item_path=item,
        key_param=_last_param(item), parent_param=_last_param(res.collection),
        full_schema=full,
        server_fields=frozenset(res.server_fields) | {res.key_field, "seller", *TIMESTAMPS},
        timestamps=tuple(t for t in TIMESTAMPS if t in props),
        seller_field="seller" in props,
        extras={oid: bundle.by_id[oid] for oid in extras or {}},
    )
    references.BOUND[res.name] = bound
    for role, op in ops.items():
        _bind(op.operation_id, bound, _CRUD[role])
    for oid, fn in (extras or {}).items():
        _bind(oid, bound, fn, "derived" if oid in derived else "stateful")
    return bound


def _bind(operation_id: str, bound: Bound, fn: Callable[[Ctx], Reply], backing: str = "stateful") -> None:
    def run(req: Request) -> Reply:
        ctx = Ctx(req, bound)
        ensure_defaults(ctx)
        return fn(ctx)
    run.__name__ = f"{bound.res.name}:{operation_id}"
    handler("allegro", operation_id, backing=backing)(run)


@cache
def _paths(bundle: Bundle) -> tuple[dict[str, list[Operation]], dict[str, set[str]]]:
    """The bundle's operations by path (in bundle order), and the item paths (`collection/{param}`) by collection:
    worked out once, not per declared resource (24 of them, each binding at import)."""
    by_path: dict[str, list[Operation]] = {}
    items: dict[str, set[str]] = {}
    for op in bundle.operations:
        by_path.setdefault(op.path, []).append(op)
        collection, _, last = op.path.rpartition("/")
        if len(last) > 2 and last[0] == "{" and last[-1] == "}" and "}" not in last[1:-1]:
            items.setdefault(collection, set()).add(op.path)
    return by_path, items


def _item_path(items: dict[str, set[str]], collection: str) -> str | None:
    found = sorted(items.get(collection, ()))
    if len(found) > 1:
        raise ValueError(f"{collection}: several item paths {found}; declare `item`")
    return found[0] if found else None


def _last_param(path: str | None) -> str | None:
    names = _PARAM.findall(path or "")
    return names[-1] if names else None


def _full_schema(ops: dict[str, Operation]) -> dict[str, Any]:
    for role in ("read", "create", "replace", "upsert", "patch"):
        schema = response_schema(ops.get(role))
        if schema is not None:
            return schema
    if "list" in ops:
        return array_property(response_schema(ops["list"]))[1]
    return {}


# --- documents ------------------------------------------------------------------------------------------------------
def store_id(ctx: Ctx, key: str, parent: str | None = None) -> str:
    """Server-assigned ids are unique on their own; client keys (a language, a marketplace) only per seller."""
    if not ctx.res.keyed:
        return key
    return "/".join((ctx.seller, parent or "", key))


def new_id(ctx: Ctx) -> str:
    ids, kind = ctx.world.ids, ctx.res.kind
    if ctx.res.ids == "hex24":
        return ids.hex(kind, 24)
    if ctx.res.ids == "number":
        return ids.number(kind, _FIRST_ID)
    return ids.uuid(kind)


def parent_key(ctx: Ctx) -> str | None:
    """The parent named by the path (checked to exist and be the caller's), or None for top-level collections."""
    name = ctx.bound.parent_param
    if name is None or ctx.res.parent is None:
        return None
    key = str(ctx.req.params.get(name) or ctx.req.path_params.get(name))
    parent = ctx.res.parent
    kind = OFFER if parent == OFFER else references.BOUND[parent].kind
    owned_or_raise(ctx, kind, key, references.label_of(parent))
    return key


def path_key(ctx: Ctx) -> str:
    name = ctx.bound.key_param
    assert name is not None
    return str(ctx.req.params.get(name) or ctx.req.path_params[name])


def owned(ctx: Ctx, key: str) -> Doc:
    return owned_or_raise(ctx, ctx.res.kind, store_id(ctx, key, parent_key(ctx)), ctx.res.label)


def docs_of(ctx: Ctx, parent: str | None = None) -> list[Doc]:
    docs = [d.data for d in ctx.store.find(ctx.res.kind, ctx.seller)]
    return docs if parent is None else [d for d in docs if d.get("_parent") == parent]


def writable_part(ctx: Ctx, body: Any) -> Doc:
    """The client's part of a body: server-owned fields dropped (the vendor ignores them on writes)."""
    if not isinstance(body, dict):
        return {}
    return {k: copy.deepcopy(v) for k, v in body.items() if k not in ctx.bound.server_fields}


def stamp(ctx: Ctx, doc: Doc, old: Doc | None) -> None:
    """Fills the server-owned fields: seller, timestamps, and on update whatever the old document had."""
    if old is not None:
        for name in (*ctx.bound.server_fields, *ctx.res.immutable, "_parent"):
            if name in old:
                doc[name] = old[name]
    if ctx.bound.seller_field:
        doc["seller"] = {"id": ctx.seller}
    now = ctx.now()
    for name in ctx.bound.timestamps:
        if name != "createdAt" or old is None or name not in old:
            doc[name] = now


def save(ctx: Ctx, doc: Doc) -> Doc:
    key = str(doc[ctx.res.key_field])
    ctx.store.put(ctx.res.kind, store_id(ctx, key, doc.get("_parent")), doc, owner=ctx.seller)
    return doc


def insert(ctx: Ctx, body: Doc, *, key: str | None = None, parent: str | None = None, trusted: bool = False) -> Doc:
    """A new document from a body: key assigned, stamped, completed and checked by the hooks, references checked."""
    part = copy.deepcopy(body) if trusted else writable_part(ctx, body)
    doc = {ctx.res.key_field: key if key is not None else new_id(ctx), **part}  # the key first, as the vendor shows
    if parent is not None:
        doc["_parent"] = parent
    stamp(ctx, doc, None)
    if not trusted:
        ctx.res.hooks.prepare(ctx, doc, None)
        references.check(ctx, doc)
    return save(ctx, doc)


def update(ctx: Ctx, old: Doc, body: Any, *, merge: bool) -> Doc:
    """Replace (PUT) or merge-patch (PATCH, RFC 7396) a stored document."""
    key = str(old[ctx.res.key_field])
    sent = body.get(ctx.res.key_field) if isinstance(body, dict) else None
    if sent is not None and str(sent) != key:
        raise ctx.invalid(f"The {ctx.res.key_field} in the body ({sent}) does not match the path ({key}).",
                          path=ctx.res.key_field)
    ctx.res.hooks.writable(ctx, old)
    part = {k: v for k, v in writable_part(ctx, body).items() if k not in ctx.res.immutable}
    kept = {k: v for k, v in old.items() if k not in ctx.bound.server_fields}
    doc = {ctx.res.key_field: old[ctx.res.key_field], **(merge_patch(kept, part) if merge else part)}
    stamp(ctx, doc, old)
    ctx.res.hooks.prepare(ctx, doc, old)
    references.check(ctx, doc)
    return save(ctx, doc)


def merge_patch(target: Any, patch: Any) -> Any:
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = dict(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            out.pop(name, None)
        else:
            out[name] = merge_patch(out.get(name), value)
    return out


def ensure_defaults(ctx: Ctx) -> None:
    """Creates the seller's default set on first use, once (a default the seller deletes stays deleted)."""
    hooks = ctx.res.hooks
    if type(hooks).defaults is Hooks.defaults or ctx.req.principal is None or ctx.req.principal.seller_id is None:
        return
    marker = f"res.defaults:{ctx.res.name}:{ctx.seller}"
    if ctx.store.meta_get(marker):
        return
    ctx.store.meta_set(marker, True)
    for body in hooks.defaults(ctx):
        insert(ctx, body, key=body.get(ctx.res.key_field), trusted=True)


# --- replies --------------------------------------------------------------------------------------------------------
def view(ctx: Ctx, doc: Doc, op: Operation | None = None, status: int | None = None) -> Any:
    """The document as `op` (default: the current operation) answers it, or None when that answer has no body."""
    schema = response_schema(op or ctx.op, status)
    return None if schema is None else project(schema, ctx.res.hooks.render(ctx, doc))


def location(ctx: Ctx, doc: Doc, *, always: bool = False) -> dict[str, str]:
    """`Location` of the item where the operation declares that header (or the vendor documents it: `always`)."""
    declared = (ctx.op.responses.get(str(ctx.op.success_status)) or {}).get("headers") or {}
    if not (always or ctx.res.location or any(h.lower() == "location" for h in declared)) \
            or ctx.bound.item_path is None:
        return {}
    path = ctx.bound.item_path.replace("{" + str(ctx.bound.key_param) + "}", str(doc[ctx.res.key_field]))
    if ctx.bound.parent_param and "_parent" in doc:
        path = path.replace("{" + ctx.bound.parent_param + "}", str(doc["_parent"]))
    return {"location": ctx.req.base_url + path}


def reply(ctx: Ctx, doc: Doc, headers: dict[str, str] | None = None) -> Reply:
    return Reply(view(ctx, doc), headers=headers or {})


# --- CRUD handlers --------------------------------------------------------------------------------------------------
def list_items(ctx: Ctx) -> Reply:
    hooks = ctx.res.hooks
    views = [hooks.render(ctx, d) for d in docs_of(ctx, parent_key(ctx))]
    for name, predicate in ctx.res.filters.items():
        wanted = ctx.req.params.get(name)
        if wanted not in (None, [], ""):
            views = [v for v in views if predicate(v, wanted)]
    views = hooks.order(ctx, views)
    schema = response_schema(ctx.op)
    array_name, items = array_property(schema)
    chunk, extras = paging.page(ctx, views, schema, ctx.res.key_field)
    listed = [project(items, v) for v in chunk]
    return Reply(listed if array_name is None else {array_name: listed, **extras})


def create(ctx: Ctx) -> Reply:
    doc = insert(ctx, ctx.req.body or {}, parent=parent_key(ctx))
    return reply(ctx, doc, location(ctx, doc))


def read(ctx: Ctx) -> Reply:
    return reply(ctx, owned(ctx, path_key(ctx)))


def replace(ctx: Ctx) -> Reply:
    return reply(ctx, update(ctx, owned(ctx, path_key(ctx)), ctx.req.body, merge=False))


def patch(ctx: Ctx) -> Reply:
    return reply(ctx, update(ctx, owned(ctx, path_key(ctx)), ctx.req.body, merge=True))


def upsert(ctx: Ctx) -> Reply:
    """PUT/PATCH on a client-chosen key: creates the item, or replaces/merges the existing one."""
    key, parent = path_key(ctx), parent_key(ctx)
    found = ctx.store.get_doc(ctx.res.kind, store_id(ctx, key, parent))
    if found is None:
        doc = insert(ctx, ctx.req.body or {}, key=key, parent=parent)
    else:
        doc = update(ctx, found.data, ctx.req.body, merge=ctx.op.method == "PATCH")
    return reply(ctx, doc)


def delete(ctx: Ctx) -> Reply:
    key = path_key(ctx)
    doc = owned(ctx, key)
    ctx.res.hooks.writable(ctx, doc)
    references.check_unused(ctx, key)
    if not ctx.res.hooks.delete(ctx, doc):
        ctx.store.delete(ctx.res.kind, store_id(ctx, key, doc.get("_parent")))
    return Reply(None)


_CRUD: dict[str, Callable[[Ctx], Reply]] = {"list": list_items, "create": create, "read": read, "replace": replace,
                                            "patch": patch, "upsert": upsert, "delete": delete}
