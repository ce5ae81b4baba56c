"""`GET /sale/offer-events`: the seller's offer events in the order they happened (events.py records them).

`from` is exclusive (events after the given one); an id that is not one of the seller's events is a 400 with
`path: from`, as the category events answer. Without `from` the feed starts at the oldest event kept: events older
than `eventRetention` (P60D, the order events' retention) are dropped as the clock moves. `type` filters (one or
more types), `limit` caps the page (default 100).
"""

from __future__ import annotations

from targ.allegro.errors import AllegroError
from targ.allegro.offers import events, model
from targ.clock import parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getOfferEvents")
def offer_events(req: Request) -> Reply:
    seller = model.seller(req)
    store = req.world.store
    after = req.param("from")
    after_seq = None
    if after:
        doc = store.get_doc(events.EVENT_KIND, after)
        if doc is None or doc.owner != seller.id:
            raise AllegroError(400, "VALIDATION_ERROR", f"Invalid event id: {after}", path="from",
                               user_message="Nieprawidłowy identyfikator zdarzenia.")
        after_seq = doc.seq
    horizon = req.world.clock.now_ms() - req.world.config.ms("eventRetention")
    wanted = set(req.param("type") or ())
    limit = int(req.param("limit") or 100)
    out = []
    for doc in store.find(events.EVENT_KIND, seller.id, after_seq=after_seq):
        event = doc.data
        if parse_time(event["occurredAt"]) < horizon or (wanted and event["type"] not in wanted):
            continue
        out.append(event)
        if len(out) == limit:
            break
    return Reply({"offerEvents": out})
