"""What the Ship with Allegro operations share: the seller the token acts for (an application token has none: 403,
as for every user operation), and sending a command and reading its status (targ.allegro.shipping.commands)."""

from __future__ import annotations

from targ.allegro.errors import access_denied
from targ.allegro.shipping import commands
from targ.http.request import Reply, Request


def seller_id(req: Request) -> str:
    seller = req.principal.seller_id if req.principal else None
    if not seller:
        raise access_denied()
    return seller


def retry(req: Request) -> dict[str, str]:
    return {"retry-after": commands.retry_after(req.world)}


def send(req: Request, family: commands.Family) -> Reply:
    """The command as sent, `Retry-After` the seconds until it is worth asking about."""
    seller = seller_id(req)
    command = commands.new_command(req.world, family, req.body or {})
    # The job writes the command's errors after the request: in the language the command was sent in.
    command["language"] = req.language
    commands.store(req.world, family, seller, command)
    return Reply({"commandId": command["commandId"], "input": command["input"]}, 200, retry(req))


def status(req: Request, family: commands.Family) -> Reply:
    command = commands.own(req.world, family, seller_id(req), req.path_params["commandId"])
    return Reply(commands.status(command), 200, retry(req))
