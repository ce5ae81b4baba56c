"""What every Voucherify area shares: the calling project, its documents, errors, paging and sorting, amounts.

Documents live in the store by (kind, id), owned by the project (`Principal.project_id`), with the merchant's
`source_id` as the alternate key where the resource has one. Timestamps are kept as integer milliseconds and
rendered with `targ.clock.iso` (millisecond precision plus `Z`, as the vendor writes them).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from targ.clock import iso
from targ.http.errors import VoucherifyError

if TYPE_CHECKING:
    from targ.http.request import Request
    from targ.store.base import Doc
    from targ.world import World

DEFAULT_LIMIT = 10
# Every list's order when the request names none (the docs' examples are newest first).
DEFAULT_ORDER = "-created_at"


def project_of(req: Request) -> str:
    """The project the request's key pair belongs to (the edge has authenticated it)."""
    assert req.principal is not None and req.principal.project_id is not None
    return req.principal.project_id


def not_found(resource_type: str, resource_id: str) -> VoucherifyError:
    return VoucherifyError(404, "not_found", "Resource not found", f"Cannot find {resource_type} with id {resource_id}",
                           resource_id=resource_id, resource_type=resource_type)


def found(doc: Doc | None, resource_type: str, resource_id: str) -> Doc:
    """The document, or the vendor's 404 naming the resource."""
    if doc is None:
        raise not_found(resource_type, resource_id)
    return doc


def path_doc(req: Request, param: str, resource_type: str,
             find: Callable[[World, str, str], Doc | None]) -> tuple[str, Doc]:
    """(the calling project, the document the path parameter `param` names), or the vendor's 404 naming it."""
    ref = req.path_params[param]
    project = project_of(req)
    return project, found(find(req.world, project, ref), resource_type, ref)


def upsert_target(existing: Doc | None, body: dict[str, Any], resource_type: str) -> Doc | None:
    """What an upsert body names (`existing`, looked up by `id`, else `source_id`); an unknown `id` is the
    vendor's 404, as only Voucherify assigns ids."""
    if existing is None and given(body, "id"):
        raise not_found(resource_type, body["id"])
    return existing


def invalid_payload(details: str) -> VoucherifyError:
    return VoucherifyError(400, "invalid_payload", "Invalid payload", details)


def find_doc(world: World, kind: str, project: str, ref: str, *, by_source: bool = True) -> Doc | None:
    """A project's document by its Voucherify id or (where the resource has one) its source id. Another project's
    document is as unknown as a missing one."""
    doc = world.store.get_doc(kind, ref)
    if doc is not None and doc.owner == project:
        return doc
    return world.store.get_by_alt(kind, project, ref) if by_source else None


def iso_or_none(ms: int | None) -> str | None:
    return iso(ms) if ms is not None else None


def to_int(value: Any) -> int | None:
    """An amount as the integer (minor units) the SDK demands: product and SKU prices may arrive as floats."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def given(body: dict[str, Any], key: str) -> bool:
    """Whether the request set the field: the SDK sends explicit `None` as JSON null, which targ reads as absent."""
    return body.get(key) is not None


def page_window(req: Request) -> tuple[int, int]:
    """(limit, offset) from `limit` (default 10) and `page` (default 1); the edge has checked their ranges."""
    limit = req.param("limit") or DEFAULT_LIMIT
    page = req.param("page") or 1
    return limit, (page - 1) * limit


SortKey = Callable[[dict[str, Any]], Any]


def sort_docs(docs: list[Doc], order: str, keys: dict[str, SortKey]) -> list[Doc]:
    """Docs sorted by `order` (`field` or `-field`); insertion order breaks ties, in the same direction, so equal
    timestamps (a frozen clock) still list newest first under `-created_at`."""
    name = order.lstrip("-")
    key = keys[name]
    return sorted(docs, key=lambda d: (key(d.data), d.seq), reverse=order.startswith("-"))


def nulls_first(value: Any) -> tuple[bool, Any]:
    """A sort key that puts missing values before every present one, whatever their type."""
    return (value is not None, value if value is not None else "")


def list_page(world: World, kind: str, project: str, req: Request, keys: dict[str, SortKey],
              *, keep: Callable[[dict[str, Any]], bool] | None = None,
              order: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of a project's documents and the total over all pages (after `keep`)."""
    docs = world.store.find(kind, project)
    if keep is not None:
        docs = [d for d in docs if keep(d.data)]
    chosen = order or req.param("order") or DEFAULT_ORDER
    if chosen.lstrip("-") not in keys:
        chosen = DEFAULT_ORDER
    limit, offset = page_window(req)
    ordered = sort_docs(docs, chosen, keys)
    return [d.data for d in ordered[offset:offset + limit]], len(docs)


def step_delays(world: World) -> tuple[int, int]:
    """(start, step) in ms for the background jobs: an import or export starts half a `jobDelay` after it is
    queued and moves on in tenths of it, so the whole job takes about one `jobDelay`."""
    delay = world.config.ms("jobDelay")
    return delay // 2, max(delay // 10, 1)
