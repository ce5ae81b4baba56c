"""The seller's ratings operations' errors, with userMessage in Polish (no Accept-Language) or English. Sources per
error in docs/behaviour.md, "Sales ratings"."""

from __future__ import annotations

from targ.http.errors import AllegroError

_TEXTS: dict[str, dict[str, str]] = {
    "not_found": {"pl-PL": "Nie znaleziono oceny.", "en-US": "Rating not found."},
    "blank": {"pl-PL": "Treść nie może być pusta.", "en-US": "The text must not be blank."},
    "answered": {"pl-PL": "Na tę ocenę udzielono już odpowiedzi.", "en-US": "This rating has already been answered."},
    "positive": {"pl-PL": "Można poprosić o usunięcie tylko oceny „Nie polecam”.",
                 "en-US": "Only a \"not recommended\" rating can be asked to be removed."},
    "requested": {"pl-PL": "Prośba o usunięcie tej oceny została już wysłana.",
                  "en-US": "Removal of this rating has already been requested."},
    "too_late": {"pl-PL": "Minął czas na wysłanie prośby o usunięcie oceny.",
                 "en-US": "The time to request removal of this rating has passed."},
}


def _user(key: str, language: str) -> str:
    table = _TEXTS[key]
    return table["pl-PL"] if language == "pl-PL" else table["en-US"]


def not_found(rating_id: str, language: str) -> AllegroError:
    """An unknown rating, a withdrawn one, and another seller's (a rating is the seller's private data)."""
    return AllegroError(404, "NOT_FOUND", f"Rating {rating_id} not found.", user_message=_user("not_found", language))


def bad_request() -> AllegroError:
    """The vendor's answer to a text carrying a carriage return (allegro-api #10801, verbatim)."""
    return AllegroError(400, "ERROR", "Bad Request", user_message="Bad Request")


def blank(path: str, language: str) -> AllegroError:
    return AllegroError(400, "VALIDATION_ERROR", f"{path} must not be blank", path=path,
                        user_message=_user("blank", language))


def refused(key: str, message: str, language: str) -> AllegroError:
    """A request the rating's state does not allow (answered already, not negative, removal requested or too late):
    400, the only refusal the operations declare, with the code the service used in #10801."""
    return AllegroError(400, "ERROR", message, user_message=_user(key, language))
