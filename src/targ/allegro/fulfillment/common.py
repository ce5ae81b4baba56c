"""Small helpers the fulfillment modules share: domain errors (message keys, rendered by the edge), pages, whole
numbers. Nothing here knows a request (the operations' helpers are in operations/caller.py)."""

from __future__ import annotations

from typing import Any

from targ.allegro.errors import AllegroError, AllegroProblem, Params


class WarehouseRefusal(Exception):
    """A warehouse step that cannot happen now (409) or an admin body that makes no sense (400); the admin API
    (targ/admin/warehouse.py) answers `status` with `key`."""

    def __init__(self, status: int, key: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.key = key
        self.message = message


def problem(code: str, key: str, params: Params | None = None, *, path: str | None = None,
            metadata: dict[str, str] | None = None) -> AllegroProblem:
    """An error entry whose texts are `fulfillment.<key>` of the message catalogue (fulfillment/texts.py), their
    placeholders filled from `params`: the English one as `message`, the userMessage in the request's language when
    the edge renders it."""
    return AllegroProblem(code, path=path, user_key=f"fulfillment.{key}", user_params=params, metadata=metadata)


def error(status: int, code: str, key: str, params: Params | None = None, *, path: str | None = None,
          metadata: dict[str, str] | None = None) -> AllegroError:
    return AllegroError(status, problems=[problem(code, key, params, path=path, metadata=metadata)])


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
