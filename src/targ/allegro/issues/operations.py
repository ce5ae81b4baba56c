"""The seller's post-purchase issues (beta media type): `GET /sale/issues` (filters `checkoutForm.id`, `status`;
`offset`, `limit`), `GET /sale/issues/{issueId}`, `GET …/chat` (`offset`, `limit`), `POST …/message` `{text, type,
attachments?}` and `POST …/status` `{status, message, partialRefund?}`; attachments: `POST /sale/issues/attachments`
`{fileName, size}`, `PUT /sale/issues/attachments/{attachmentId}` (the file), `GET` (the file as uploaded). Rules in
targ.allegro.issues.seller, limits in targ.allegro.issues.files."""

from __future__ import annotations

from typing import Any

from targ.allegro.auth import access_denied
from targ.allegro.issues import errors, files, seller, store
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json


def _seller(req: Request) -> str:
    """The user the token acts for; an application token has none (403, as for every user operation)."""
    user = req.principal.seller_id if req.principal else None
    if not user:
        raise access_denied()
    return user


def _own(req: Request) -> tuple[str, Json]:
    user = _seller(req)
    return user, seller.own(req.world, user, req.path_params["issueId"])


def _values(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


@handler("allegro", "getListOfIssuesUsingGET")
def list_issues(req: Request) -> Reply:
    user = _seller(req)
    wanted = req.param("status")
    found = seller.listing(req.world, user, req.param("checkoutForm.id"), set(_values(wanted)) if wanted else None)
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 10))
    return Reply({"issues": [store.view(i, req.base_url) for i in found[offset:offset + limit]]})


@handler("allegro", "getIssueUsingGET")
def get_issue(req: Request) -> Reply:
    _, issue = _own(req)
    return Reply(store.view(issue, req.base_url))


@handler("allegro", "getChatFromIssueUsingGET")
def get_chat(req: Request) -> Reply:
    _, issue = _own(req)
    offset, limit = int(req.param("offset", 0)), int(req.param("limit", 10))
    page = issue["chat"][offset:offset + limit]
    return Reply({"chat": [store.message_view(issue, m, req.base_url) for m in page]})


@handler("allegro", "addMessageToIssueUsingPOST")
def add_message(req: Request) -> Reply:
    user, issue = _own(req)
    ids = [str(a.get("id")) for a in req.body.get("attachments") or []]
    message = seller.add_message(req.world, user, issue, str(req.body["text"]), str(req.body["type"]), ids)
    return Reply(store.message_view(issue, message, req.base_url), 201)


@handler("allegro", "changeStatusOfIssueUsingPOST")
def change_status(req: Request) -> Reply:
    user, issue = _own(req)
    seller.decide(req.world, user, issue, str(req.body["status"]), str(req.body["message"]),
                  req.body.get("partialRefund"))
    return Reply(None, 200)


# --- attachments: declare → upload → download ------------------------------------------------------------------------
@handler("allegro", "createAnIssueAttachmentUsingPOST")
def declare(req: Request) -> Reply:
    user = _seller(req)
    file_name, size = str(req.body["fileName"]), int(req.body["size"])
    if not file_name.strip() or len(file_name) > files.MAX_NAME or not files.name_allowed(file_name):
        raise errors.attachment_error("file_name", f"File {file_name!r} is not accepted", "fileName")
    if size > files.MAX_BYTES:
        # #12853: "ATTACHMENT_ERROR", an empty message; #7645: the limit, 2097152 bytes, in its userMessage.
        raise errors.attachment_error("size", "", "size")
    attachment = files.declare(req.world, user, file_name, size, by=store.SELLER)
    # "Use this URL to perform PUT request" (the spec's Location header): this server's upload operation.
    location = f"{req.base_url}/sale/issues/attachments/{attachment['id']}"
    return Reply({"id": attachment["id"]}, 201, {"location": location})


@handler("allegro", "uploadIssueAttachmentUsingPUT")
def upload(req: Request) -> Reply:
    user = _seller(req)
    attachment_id = req.path_params["attachmentId"]
    found = files.find(req.world, attachment_id)
    # The operation declares no 403 or 404: an unknown id, another seller's file, a buyer's, or one uploaded already
    # ("The URL is unique and one-time", the spec) is its 422.
    if (found is None or found[0] != user or found[1]["declaredBy"] != store.SELLER
            or found[1]["uploadedAt"] is not None):
        raise errors.attachment_error("upload", f"Attachment {attachment_id} cannot be uploaded", "attachmentId")
    attachment = found[1]
    files.FILES.upload_checked(req.world, user, attachment, req.headers.get("content-type"), req.raw_body,
                               formats=files.FORMATS, max_bytes=files.MAX_BYTES,
                               unsupported=errors.unsupported_type, too_large=errors.too_large)
    return Reply({"id": attachment["id"]}, 200)


@handler("allegro", "getIssueAttachmentUsingGET")
def download(req: Request) -> Reply:
    user = _seller(req)
    attachment_id = req.path_params["attachmentId"]
    found = files.find(req.world, attachment_id)
    if found is None or found[1]["uploadedAt"] is None:
        raise errors.attachment_not_found(attachment_id)
    if found[0] != user:
        raise errors.not_allowed()
    attachment = found[1]
    return Reply(files.content_of(attachment), 200, media_type=attachment["mimeType"])
