"""`POST /sale/alle-discount/submit-offer-commands` (submitOfferToAlleDiscountCommands) and `GET …/{commandId}`
(getSubmitOfferToAlleDiscountCommandsStatus). Rules: targ.allegro.allediscount.commands."""

from __future__ import annotations

from targ.allegro.allediscount import commands
from targ.allegro.allediscount.operations import command_created, command_status
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "submitOfferToAlleDiscountCommands")
def submit(req: Request) -> Reply:
    return command_created(req, commands.SUBMIT, commands.submit_problems(req.body or {}), commands.submit_input)


@handler("allegro", "getSubmitOfferToAlleDiscountCommandsStatus")
def submit_status(req: Request) -> Reply:
    return command_status(req, commands.SUBMIT)
