"""`/sale/offer-publication-commands`: ACTIVATE or END many offers, now or at `scheduledFor`.

ACTIVATE checks what a listed offer needs (publication.activation_problems: the task fails with the first problem)
and puts the offer in ACTIVATING; it becomes ACTIVE after `jobDelay` or at `scheduledFor`. An offer already ACTIVE
or ACTIVATING is left as it is (SUCCESS). END ends a listed offer (endedBy USER) now or at `scheduledFor`; ending an
ENDED offer succeeds and changes nothing; a draft that was never listed cannot be ended (FAIL).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError
from targ.allegro.offers import model, publication
from targ.allegro.offers.commands.base import Family, TaskFailure, register
from targ.allegro.offers.documents import Offer
from targ.clock import parse_time
from targ.http.request import Request
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

FAMILY = "publication"


def _validate(req: Request, body: Json) -> None:
    action = (body.get("publication") or {}).get("action")
    if action not in ("ACTIVATE", "END"):
        raise AllegroError(422, "VALIDATION_ERROR", "publication.action must be ACTIVATE or END.",
                           path="publication.action")


def _apply(world: World, owner: str, offer: Offer, body: Json) -> None:
    action = body["publication"]["action"]
    scheduled = body["publication"].get("scheduledFor")
    at = parse_time(scheduled) if scheduled else None
    status = model.status_of(offer)
    if action == "ACTIVATE":
        if status in model.LIVE:
            return
        problems = publication.activation_problems(offer)
        if problems:
            p = problems[0]
            raise TaskFailure(p.code, p.message, p.path, p.user_message)
        publication.request_activation(world, owner, offer, at)
    elif status in model.LIVE:
        if at is not None and at > world.clock.now_ms():
            publication.schedule_end(world, owner, offer, at)
        else:
            publication.end(world, offer, "USER")
    elif status == "INACTIVE":
        raise TaskFailure("OFFER_NOT_PUBLISHED", "The offer is not published, so it cannot be ended.",
                          "publication.action", "Oferta nie jest wystawiona, więc nie można jej zakończyć.")


register(Family(FAMILY, _apply, _validate),
         "changePublicationStatusUsingPUT", "getPublicationReportUsingGET", "getPublicationTasksUsingGET")
