"""`POST /sale/alle-discount/submit-offer-commands` (submitOfferToAlleDiscountCommands) and `GET …/{commandId}`
(getSubmitOfferToAlleDiscountCommandsStatus). Rules: targ.allegro.allediscount.commands."""

from __future__ import annotations

from targ.allegro.allediscount import commands, errors
from targ.allegro.allediscount.operations import seller_id
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "submitOfferToAlleDiscountCommands")
def submit(req: Request) -> Reply:
    seller = seller_id(req)
    body = req.body or {}
    problems = commands.submit_problems(body)
    if problems:
        raise errors.bad_request(problems)
    command = commands.register(req.world, seller, commands.SUBMIT, body, commands.submit_input(body))
    location = f"{req.base_url}{commands.PATHS[commands.SUBMIT]}/{command['id']}"
    return Reply(commands.created_view(command), status=201, headers={"location": location})


@handler("allegro", "getSubmitOfferToAlleDiscountCommandsStatus")
def submit_status(req: Request) -> Reply:
    command = commands.stored(req.world, commands.SUBMIT, str(req.param("commandId")), seller_id(req))
    return Reply(commands.status_view(command))
