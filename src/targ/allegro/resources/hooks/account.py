"""Additional e-mail addresses of the account: a valid address (422 "Email address provided in the request is not
valid" otherwise), neither the account's own address nor one already added."""

from __future__ import annotations

import re

from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx
from targ.allegro.resources.hooks.delivery import seller_of
from targ.allegro.resources.model import Doc, Hooks

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class AdditionalEmailHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        email = doc["email"].strip()
        if not _EMAIL.fullmatch(email):
            raise ctx.invalid("Email address provided in the request is not valid.", "email")
        taken = [str(seller_of(ctx).get("email", "")), *(d["email"] for d in engine.docs_of(ctx))]
        if email.casefold() in (t.casefold() for t in taken):
            raise ctx.invalid(f"Email address {email} is already assigned to the account.", "email")
        doc["email"] = email
