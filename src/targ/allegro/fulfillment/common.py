"""Small helpers every fulfillment module uses: the calling seller, localised domain errors, pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro.auth import access_denied
from targ.http.errors import AllegroError, AllegroProblem
from targ.http.media import pick

if TYPE_CHECKING:
    from targ.http.request import Request

Json = dict[str, Any]


class WarehouseRefusal(Exception):
    """A warehouse step that cannot happen now (409) or an admin body that makes no sense (400); the admin API
    (targ/admin/warehouse.py) answers `status` with `key`."""

    def __init__(self, status: int, key: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.key = key
        self.message = message


def seller_id(req: Request) -> str:
    """The seller the token acts for; an application token has no seller (403, as on every user operation)."""
    principal = req.principal
    if principal is None or principal.seller_id is None:
        raise access_denied()
    return principal.seller_id


def negotiated(req: Request) -> str | None:
    """The success media type the edge chose for this request (the same choice, made again from `Accept`)."""
    if req.operation is None:
        return None
    offered = req.operation.response_media_types(req.operation.success_status)
    return pick(req.headers.get("accept"), offered, wildcards=False)


def localised(language: str, en: str, pl: str) -> str:
    """userMessage: English for en-US, Polish otherwise (the vendor's default; other languages fall back to it)."""
    return en if language == "en-US" else pl


def problem(language: str, code: str, en: str, pl: str, path: str | None = None,
            metadata: dict[str, str] | None = None) -> AllegroProblem:
    return AllegroProblem(code, en, path=path, user_message=localised(language, en, pl), metadata=metadata)


def error(language: str, status: int, code: str, en: str, pl: str, path: str | None = None,
          metadata: dict[str, str] | None = None) -> AllegroError:
    return AllegroError(status, problems=[problem(language, code, en, pl, path, metadata)])


def invalid(problems: list[AllegroProblem]) -> AllegroError:
    """422 VALIDATION_ERROR with one entry per problem (the fulfillment operations declare 422 ErrorsHolder)."""
    return AllegroError(422, problems=problems)


def page(rows: list[Any], offset: int, limit: int) -> list[Any]:
    return rows[offset:offset + limit]


def whole(value: Any) -> int | None:
    """A JSON number that is a whole number (5 or 5.0), else None: quantities and amounts are counts of things."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value)
