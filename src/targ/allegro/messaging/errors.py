"""The message center's errors as the vendor words them, with userMessage in Polish (no Accept-Language) or
English. Sources per error in docs/behaviour.md, "Message center"."""

from __future__ import annotations

from targ.http.errors import AllegroError

_TEXTS: dict[str, dict[str, str]] = {
    # THREAD_NOT_FOUND: code, message and Polish userMessage as answered in allegro-api #13123.
    "thread_not_found": {"pl-PL": "Wątek nie istnieje", "en-US": "Thread does not exist"},
    "message_not_found": {"pl-PL": "Wiadomość nie istnieje", "en-US": "Message does not exist"},
    "attachment_not_found": {"pl-PL": "Załącznik nie istnieje", "en-US": "Attachment does not exist"},
    # ASSIGNING_ATTACHMENTS_TO_MESSAGE_FAILED: the Polish userMessage as answered in #9124.
    "assigning_failed": {
        "pl-PL": "Nie udało się powiązać załączników z wiadomością. Możliwym jest, że załącznik nie został jeszcze "
                 "wgrany.",
        "en-US": "Attachments could not be linked to the message. The attachment may not have been uploaded yet.",
    },
    "not_allowed": {"pl-PL": "Brak dostępu do wskazanego zasobu.", "en-US": "No access to the specified resource."},
    "unsupported_type": {
        "pl-PL": "Nieobsługiwany typ pliku. Dozwolone pliki: pdf, gif, bmp, tiff, jpeg, jpg, png.",
        "en-US": "Unsupported file type. Allowed files: pdf, gif, bmp, tiff, jpeg, jpg, png.",
    },
    "too_large": {"pl-PL": "Plik przekracza dopuszczalny rozmiar.", "en-US": "The file exceeds the size limit."},
    "recipient": {"pl-PL": "Nie znaleziono odbiorcy wiadomości.", "en-US": "The recipient was not found."},
    "order": {"pl-PL": "Zamówienie nie jest powiązane z odbiorcą wiadomości.",
              "en-US": "The order is not related to the recipient of the message."},
    "blank": {"pl-PL": "Treść wiadomości nie może być pusta.", "en-US": "The message text must not be blank."},
    "before_offset": {"pl-PL": "Parametru before nie można użyć razem z offset.",
                      "en-US": "The before parameter cannot be used with offset."},
}


def _user(key: str, language: str) -> str:
    table = _TEXTS[key]
    return table["pl-PL"] if language == "pl-PL" else table["en-US"]


def thread_not_found(thread_id: str, path: str, language: str) -> AllegroError:
    return AllegroError(404, "THREAD_NOT_FOUND", f"No thread with such Id [{thread_id}]", path=path,
                        user_message=_user("thread_not_found", language))


def message_not_found(message_id: str, path: str, language: str) -> AllegroError:
    return AllegroError(404, "MESSAGE_NOT_FOUND", f"No message with such Id [{message_id}]", path=path,
                        user_message=_user("message_not_found", language))


def attachment_not_found(attachment_id: str, path: str, language: str) -> AllegroError:
    return AllegroError(404, "ATTACHMENT_NOT_FOUND", f"No attachment with such Id [{attachment_id}]", path=path,
                        user_message=_user("attachment_not_found", language))


def not_allowed(language: str) -> AllegroError:
    """Another user's thread, message or attachment where the operation declares 403 ("User not allowed to …")."""
    return AllegroError(403, "AccessDenied", "Access is denied", user_message=_user("not_allowed", language))


def assigning_failed(message_id: str, path: str, language: str) -> AllegroError:
    return AllegroError(422, "ASSIGNING_ATTACHMENTS_TO_MESSAGE_FAILED",
                        "Assigning attachments to message failed. [Could not link all attachments to message with "
                        f"Id={message_id}]", path=path, user_message=_user("assigning_failed", language))


def unsupported_type(what: str, language: str) -> AllegroError:
    return AllegroError(415, "UNSUPPORTED_MIME_TYPE", f"Unsupported mime type: {what}",
                        user_message=_user("unsupported_type", language))


def too_large(size: int, limit: int, language: str) -> AllegroError:
    return AllegroError(413, "EXCEEDED_SIZE_LIMIT", f"Exceeded size limit: {size} bytes, at most {limit}",
                        user_message=_user("too_large", language))


def invalid(key: str, message: str, path: str, language: str) -> AllegroError:
    """422 VALIDATION_ERROR naming the field (#11093: `path` is the field, e.g. `order`)."""
    return AllegroError(422, "VALIDATION_ERROR", message, path=path, user_message=_user(key, language))
