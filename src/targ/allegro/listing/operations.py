"""`GET /offers/listing` (getListing): the public search over every seller's offers. An application token
(client_credentials) or a user token, of a verified application: the vendor answers others 403 `VerificationRequired`
(allegro-api #11794, #12088, #12917, verbatim). targ's applications are verified unless created with
`POST /__targ/clients {"verified": false}`."""

from __future__ import annotations

from targ.allegro.errors import AllegroError
from targ.allegro.listing import query, search, views
from targ.allegro.sellers import get_client
from targ.handlers import handler
from targ.http.request import Reply, Request


def _verified(req: Request) -> None:
    client = get_client(req.world, req.principal.client_id or "") if req.principal else None
    if client is not None and client.get("verified") is False:
        raise AllegroError(403, "VerificationRequired", "Access is denied. Verification is required.",
                           user_message="No access to the specified resource. Access is possible only for verified "
                                        "applications.")


@handler("allegro", "getListing")
def listing(req: Request) -> Reply:
    _verified(req)
    wanted, page = query.read(req)
    found = search.search(req.world, wanted)
    return Reply(views.response(req.world, wanted, page, found))
