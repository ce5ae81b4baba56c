"""`POST /sale/alle-discount/withdraw-offer-commands` (withdrawOfferFromAlleDiscountCommands) and
`GET …/{commandId}` (getWithdrawOfferFromAlleDiscountCommandsStatus). Rules: targ.allegro.allediscount.commands."""

from __future__ import annotations

from targ.allegro.allediscount import commands
from targ.allegro.allediscount.operations import command_created, command_status
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "withdrawOfferFromAlleDiscountCommands")
def withdraw(req: Request) -> Reply:
    problems = commands.withdraw_problems(req.world, req.body or {})
    return command_created(req, commands.WITHDRAW, problems, commands.withdraw_input)


@handler("allegro", "getWithdrawOfferFromAlleDiscountCommandsStatus")
def withdraw_status(req: Request) -> Reply:
    return command_status(req, commands.WITHDRAW)
