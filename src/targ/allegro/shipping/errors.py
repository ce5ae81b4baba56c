"""Ship with Allegro's errors: the problems a command reports in its `errors` (rendered in the language the command
was sent in, targ.allegro.shipping.commands) and the refusals the operations answer at once. Texts in texts.py;
sources in docs/behaviour.md, "Shipping with Allegro"."""

from __future__ import annotations

from typing import Any

from targ.allegro.errors import AllegroError, AllegroProblem, Params


def problem(code: str, key: str, path: str | None = None, params: Params | None = None,
            details: str = "") -> AllegroProblem:
    """One entry of a command's `errors` or of a refusal; `details` is never null (Error400: "This field can not be
    null")."""
    return AllegroProblem(code, path=path, details=details, user_key=f"shipping.{key}", user_params=params)


def invalid(key: str, path: str | None, **params: Any) -> AllegroProblem:
    """A command's input breaks a rule of the service: `VALIDATION_ERROR`, the field named (#11606, #9423)."""
    return problem("VALIDATION_ERROR", key, path, params)


def refused(status: int, item: AllegroProblem) -> AllegroError:
    return AllegroError(status, problems=[item])


def shipment_not_found(path: str = "shipmentId") -> AllegroError:
    """#9279: `SHIPMENT_NOT_FOUND` "Requested shipment was not found", path `shipmentId`."""
    return refused(404, problem("SHIPMENT_NOT_FOUND", "shipment_not_found", path,
                                   details="Requested shipment was not found"))


def command_not_found() -> AllegroError:
    """allegro-behaviour.md §3: the command families' 404 (#11358, #9814, #1980)."""
    return AllegroError(404, "COMMAND_NOT_FOUND", "Command not found.", path="", details="",
                        user_message="Command not found.")


def command_exists(command_id: str) -> AllegroError:
    """#7793, #8573: a command id used before, whatever the body, is 400 `COMMAND_EXISTS`, the id as `path`."""
    return refused(400, problem("COMMAND_EXISTS", "command_exists", command_id))


def bad_command_id() -> AllegroError:
    return refused(400, problem("VALIDATION_ERROR", "command_id", "commandId"))


def pickup_not_found(pickup_id: str) -> AllegroError:
    return refused(404, problem("NOT_FOUND", "pickup_not_found", "pickupId", details=f"Pickup {pickup_id}"))


def bad_request(key: str, path: str | None = None, **params: Any) -> AllegroError:
    return refused(400, problem("VALIDATION_ERROR", key, path, params))
