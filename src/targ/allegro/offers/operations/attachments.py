"""Offer attachments: declare (`POST /sale/offer-attachments` `{type, file: {name}}` → 201 with the upload address in
`Location`), upload (`PUT /sale/offer-attachments/{attachmentId}` with the file → 200 with the file's address) and
read (`GET`). Rules in targ.allegro.offers.attachments."""

from __future__ import annotations

from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.offers import attachments
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json


def _seller(req: Request) -> str:
    principal = req.principal
    if principal is None or principal.seller_id is None:
        raise access_denied()
    return principal.seller_id


def _owned(req: Request, seller_id: str) -> Json:
    """The attachment named by the path: unknown (a malformed id included) → 404, another seller's → 403 (the
    spec's "User has no access to an attachment")."""
    attachment_id = req.path_params["attachmentId"]
    found = attachments.find(req.world, attachment_id)
    if found is None:
        raise AllegroError(404, "NOT_FOUND", user_key="offermedia.attachment_not_found",
                           user_params={"id": attachment_id})
    if found[0] != seller_id:
        raise access_denied()
    return found[1]


@handler("allegro", "createOfferAttachmentUsingPOST")
def declare(req: Request) -> Reply:
    seller_id = _seller(req)
    body = req.body
    attachment_type, name = body.get("type"), (body.get("file") or {}).get("name")
    # The schema marks nothing required; an attachment without its type or file name cannot be uploaded (*decided*).
    for field, value in (("type", attachment_type), ("file.name", name)):
        if not value:
            raise AllegroError(422, "VALIDATION_ERROR", path=field, user_key="offermedia.declaration",
                               user_params={"field": field})
    attachment = attachments.declare(req.world, seller_id, str(attachment_type), str(name))
    location = f"{req.base_url}/sale/offer-attachments/{attachment['id']}"
    return Reply(attachments.view(attachment, req.base_url), 201, {"location": location})


@handler("allegro", "uploadOfferAttachmentUsingPUT")
def upload(req: Request) -> Reply:
    seller_id = _seller(req)
    attachment = _owned(req, seller_id)
    if attachment["uploadedAt"] is not None:
        # "The URL is unique and one-time" (the spec); the error's shape is *decided*.
        raise AllegroError(422, "VALIDATION_ERROR", f"The file of attachment {attachment['id']} has been uploaded "
                           "already: its upload URL is one-time.", path="attachmentId")
    attachments.upload(req.world, seller_id, attachment, req.headers.get("content-type"), req.raw_body)
    return Reply(attachments.view(attachment, req.base_url))


@handler("allegro", "getOfferAttachment")
def read(req: Request) -> Reply:
    return Reply(attachments.view(_owned(req, _seller(req)), req.base_url))
