"""`POST /sale/alle-discount/withdraw-offer-commands` (withdrawOfferFromAlleDiscountCommands) and
`GET …/{commandId}` (getWithdrawOfferFromAlleDiscountCommandsStatus). Rules: targ.allegro.allediscount.commands."""

from __future__ import annotations

from targ.allegro.allediscount import commands, errors
from targ.allegro.allediscount.operations import seller_id
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "withdrawOfferFromAlleDiscountCommands")
def withdraw(req: Request) -> Reply:
    seller = seller_id(req)
    body = req.body or {}
    problems = commands.withdraw_problems(req.world, body)
    if problems:
        raise errors.bad_request(problems)
    command = commands.register(req.world, seller, commands.WITHDRAW, body, commands.withdraw_input(body))
    location = f"{req.base_url}{commands.PATHS[commands.WITHDRAW]}/{command['id']}"
    return Reply(commands.created_view(command), status=201, headers={"location": location})


@handler("allegro", "getWithdrawOfferFromAlleDiscountCommandsStatus")
def withdraw_status(req: Request) -> Reply:
    command = commands.stored(req.world, commands.WITHDRAW, str(req.param("commandId")), seller_id(req))
    return Reply(commands.status_view(command))
