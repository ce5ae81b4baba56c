"""The vocabulary of a resource declaration: `Resource`, its references (`Ref`), list filters, and `Hooks`, the
per-resource place for behaviour the vendor documents beyond plain CRUD.

A declaration names only what the spec cannot tell: the collection path, the id format, references, filters and
hooks. Everything else (operations and their roles, the item path and its parameter, the list's array and count
properties, paging parameters, the create status, server-owned fields) is derived from the bundle by engine.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from targ.allegro.resources.docpath import values_at

if TYPE_CHECKING:
    from targ.allegro.resources.context import Ctx

Doc = dict[str, Any]
Predicate = Callable[[Doc, Any], bool]

OFFER = "offer"  # the kind of offer documents (owned by the offers issue); a reference target like any resource


@dataclass(frozen=True)
class Ref:
    """`path` in a resource body holds the id of a `target`: a resource name, OFFER, or a lookup registered with
    `references.register_lookup` (reference data served by another module). An id that doesn't resolve gets the
    first of `statuses` the operation declares."""

    path: str
    target: str
    statuses: tuple[int, ...] = (422, 400, 404)


def has(path: str) -> Predicate:
    """A list filter: the query value (or any of several) equals a value found at `path` in the document."""
    def match(doc: Doc, wanted: Any) -> bool:
        found = {str(v) for v in values_at(doc, path)}
        wanted_all = wanted if isinstance(wanted, list) else [wanted]
        return any(str(w) in found for w in wanted_all)
    return match


class Hooks:
    """Behaviour a resource adds to the engine's. Every method has a neutral default; subclasses override a few."""

    def defaults(self, ctx: Ctx) -> list[Doc]:
        """Documents every seller starts with (created lazily, once, on the seller's first use of the resource)."""
        return []

    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        """Complete and check a document before it is stored (`old` is None on create). Raise to refuse."""

    def writable(self, ctx: Ctx, doc: Doc) -> None:
        """Raise when the stored document may not be modified or deleted (e.g. managed by Allegro)."""

    def render(self, ctx: Ctx, doc: Doc) -> Doc:
        """The document as the vendor shows it (derived fields); lists are filtered on this view."""
        return doc

    def order(self, ctx: Ctx, docs: list[Doc]) -> list[Doc]:
        """List order; insertion order by default."""
        return docs

    def delete(self, ctx: Ctx, doc: Doc) -> bool:
        """Handle a delete differently (e.g. deactivation); return False to let the engine remove the document."""
        return False


@dataclass(frozen=True)
class Resource:
    name: str                                   # also the store kind ("res." + name)
    collection: str                             # the collection path exactly as the spec spells it
    label: str                                  # for error messages: "Return policy"
    ids: str = "uuid"                           # server-assigned id format: uuid | hex24 | number
    item: str | None = None                     # default: the spec's one path `collection/{param}`
    keyed: bool = False                         # the item key is the client's (PUT/PATCH on it creates)
    key_field: str = "id"                       # the property holding the key
    parent: str | None = None                   # what the collection path's parameter names (resource or OFFER)
    refs: tuple[Ref, ...] = ()
    filters: Mapping[str, Predicate] = field(default_factory=dict)   # query parameter → predicate
    used_by: tuple[str, ...] = ()               # offer paths pointing here: no delete while an offer uses it
    server_fields: tuple[str, ...] = ()         # read-only fields beyond id, seller and timestamps
    immutable: tuple[str, ...] = ()             # set on create, kept on update whatever the body says
    location: bool = False                      # the vendor sends `Location` on create though the spec omits it
    max_window: int | None = None               # offset + limit ceiling the vendor documents (422 beyond)
    hooks: Hooks = field(default_factory=Hooks)

    @property
    def kind(self) -> str:
        return f"res.{self.name}"
