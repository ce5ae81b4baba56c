"""`GET /order/carriers/ALLEGRO/points`: Allegro's pickup and drop-off points (Allegro One Box and One Punkt).

`carriers=DPD&carriers=UPS` keeps the points where any listed carrier operates (none listed: every point). The
answer carries `Last-Modified`; a client that sends it back as `If-Modified-Since` gets a 304 until the data
changes (conditional.py).
"""

from __future__ import annotations

from targ.allegro.catalog.conditional import last_modified, not_modified
from targ.allegro.catalog.dataset import DELIVERY, load
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getAllegroPickupDropOffPointsGET", backing="dataset")
def pickup_points(req: Request) -> Reply:
    data = load(DELIVERY)
    modified_at = data["pickupPointsModifiedAt"]
    unchanged = not_modified(req, modified_at)
    if unchanged is not None:
        return unchanged
    wanted = set(req.param("carriers") or [])
    points = [p for p in data["pickupPoints"] if not wanted or wanted.intersection(p["carriers"])]
    return Reply({"points": points}, headers=last_modified(modified_at))
