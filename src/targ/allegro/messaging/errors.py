"""The message center's errors as the vendor words them; their userMessage texts are in texts.py, rendered in the
request's language by the edge. Sources per error in docs/behaviour.md, "Message center"."""

from __future__ import annotations

from targ.allegro.attachments import UploadRefusals
from targ.allegro.errors import AllegroError


def thread_not_found(thread_id: str, path: str) -> AllegroError:
    return AllegroError(404, "THREAD_NOT_FOUND", f"No thread with such Id [{thread_id}]", path=path,
                        user_key="messaging.thread_not_found")


def message_not_found(message_id: str, path: str) -> AllegroError:
    return AllegroError(404, "MESSAGE_NOT_FOUND", f"No message with such Id [{message_id}]", path=path,
                        user_key="messaging.message_not_found")


def attachment_not_found(attachment_id: str, path: str) -> AllegroError:
    return AllegroError(404, "ATTACHMENT_NOT_FOUND", f"No attachment with such Id [{attachment_id}]", path=path,
                        user_key="messaging.attachment_not_found")


def not_allowed() -> AllegroError:
    """Another user's thread, message or attachment where the operation declares 403 ("User not allowed to …")."""
    return AllegroError(403, "AccessDenied", "Access is denied", user_key="messaging.not_allowed")


def assigning_failed(message_id: str, path: str) -> AllegroError:
    return AllegroError(422, "ASSIGNING_ATTACHMENTS_TO_MESSAGE_FAILED",
                        "Assigning attachments to message failed. [Could not link all attachments to message with "
                        f"Id={message_id}]", path=path, user_key="messaging.assigning_failed")


UPLOADS = UploadRefusals("messaging", "UNSUPPORTED_MIME_TYPE", "Unsupported mime type",
                         "EXCEEDED_SIZE_LIMIT", "Exceeded size limit")
unsupported_type = UPLOADS.unsupported_type
too_large = UPLOADS.too_large

def invalid(key: str, message: str, path: str) -> AllegroError:
    """422 VALIDATION_ERROR naming the field (#11093: `path` is the field, e.g. `order`)."""
    return AllegroError(422, "VALIDATION_ERROR", message, path=path, user_key=f"messaging.{key}")
