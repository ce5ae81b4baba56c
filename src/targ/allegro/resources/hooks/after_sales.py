"""After-sales conditions: warranty attachments (create → upload the PDF → reference it from a warranty).

The vendor's flow: `POST /after-sales-service-conditions/attachments` answers the attachment with the upload URL in
`Location` (the spec leaves the header out, the operation's description documents it); `PUT` on that URL with the
PDF (422 "Invalid file content" for anything that is not a PDF) gives the attachment its `url`; a warranty then names
it in `attachment.id` and shows it with `name` and `url`.
"""

from __future__ import annotations

import hashlib

from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx
from targ.allegro.resources.model import Doc, Hooks
from targ.http.request import Reply

ATTACHMENTS = "after-sales-attachments"


def file_url(ctx: Ctx, attachment: Doc) -> str:
    return f"{ctx.req.base_url}/after-sales-service-conditions/attachments/{attachment['id']}"


class AttachmentHooks(Hooks):
    def render(self, ctx: Ctx, doc: Doc) -> Doc:
        return {**doc, "url": file_url(ctx, doc)} if doc.get("_file") else doc


class WarrantyHooks(Hooks):
    def render(self, ctx: Ctx, doc: Doc) -> Doc:
        ref = doc.get("attachment")
        if not isinstance(ref, dict) or "id" not in ref:
            return doc
        kind = f"res.{ATTACHMENTS}"
        found = ctx.store.get(kind, str(ref["id"]))
        if found is None:
            return doc
        shown = {"id": found["id"], "name": ref.get("name") or found.get("name")}
        if found.get("_file"):
            shown["url"] = file_url(ctx, found)
        return {**doc, "attachment": shown}


def upload(ctx: Ctx) -> Reply:
    """`PUT /after-sales-service-conditions/attachments/{attachmentId}` with the PDF itself."""
    doc = engine.owned(ctx, engine.path_key(ctx))
    content = ctx.req.body if isinstance(ctx.req.body, bytes) else ctx.req.raw_body
    if not content.startswith(b"%PDF"):
        raise ctx.fail((422, 400), "VALIDATION_ERROR", "Invalid file content.")
    doc = {**doc, "_file": {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()}}
    return engine.reply(ctx, engine.save(ctx, doc))
