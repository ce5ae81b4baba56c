"""The post-purchase issues' errors; their userMessage texts are in texts.py, rendered by the edge. Sources per error
in docs/behaviour.md, "Post-purchase issues"."""

from __future__ import annotations

from targ.allegro.attachments import UploadRefusals
from targ.allegro.errors import AllegroError


def not_found(issue_id: str) -> AllegroError:
    return AllegroError(404, "NOT_FOUND", f"Issue {issue_id} not found", user_key="issues.not_found")


def dispute_not_found(dispute_id: str) -> AllegroError:
    """`/sale/disputes/{disputeId}`: unknown, or a claim (the deprecated resources show disputes only)."""
    return AllegroError(404, "NOT_FOUND", f"Dispute {dispute_id} not found", user_key="issues.not_found")


def not_allowed() -> AllegroError:
    """Another seller's issue: every operation on one declares 403 Forbidden."""
    return AllegroError(403, "AccessDenied", "Access is denied", user_key="issues.not_allowed")


def invalid(key: str, message: str, path: str) -> AllegroError:
    """422 VALIDATION_ERROR naming the field."""
    return AllegroError(422, "VALIDATION_ERROR", message, path=path, user_key=f"issues.{key}")


def conflict(key: str, message: str) -> AllegroError:
    """409: "Dispute is in a state that forbids adding new messages" (the spec's own description)."""
    return AllegroError(409, "CONFLICT", message, user_key=f"issues.{key}")


def bad_request(key: str, message: str, path: str | None = None) -> AllegroError:
    """400 on the status change, the only refusal it declares besides 403 and 404."""
    return AllegroError(400, "BAD_REQUEST", message, path=path, user_key=f"issues.{key}")


def attachment_error(key: str, message: str, path: str) -> AllegroError:
    """422 ATTACHMENT_ERROR: the code the vendor answers a file over the size limit with (#12853)."""
    return AllegroError(422, "ATTACHMENT_ERROR", message, path=path, user_key=f"issues.{key}")


UPLOADS = UploadRefusals("issues", "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                         "FILE_TOO_BIG", "File is too big")
unsupported_type = UPLOADS.unsupported_type
too_large = UPLOADS.too_large

def attachment_not_found(attachment_id: str) -> AllegroError:
    return AllegroError(404, "NOT_FOUND", f"Attachment {attachment_id} not found",
                        user_key="issues.attachment_not_found")
