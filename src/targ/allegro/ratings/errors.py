"""The seller's ratings operations' errors; their userMessage texts are in texts.py, rendered by the edge. Sources per
error in docs/behaviour.md, "Sales ratings"."""

from __future__ import annotations

from targ.allegro.errors import AllegroError


def not_found(rating_id: str) -> AllegroError:
    """An unknown rating, a withdrawn one, and another seller's (a rating is the seller's private data)."""
    return AllegroError(404, "NOT_FOUND", f"Rating {rating_id} not found.", user_key="ratings.not_found")


def bad_request() -> AllegroError:
    """The vendor's answer to a text carrying a carriage return (allegro-api #10801, verbatim)."""
    return AllegroError(400, "ERROR", "Bad Request", user_message="Bad Request")


def blank(path: str) -> AllegroError:
    return AllegroError(400, "VALIDATION_ERROR", f"{path} must not be blank", path=path,
                        user_key="ratings.blank")


def refused(key: str, message: str) -> AllegroError:
    """A request the rating's state does not allow (answered already, not negative, removal requested or too late):
    400, the only refusal the operations declare, with the code the service used in #10801."""
    return AllegroError(400, "ERROR", message, user_key=f"ratings.{key}")
