"""The category tree's history and announced parameter changes: `GET /sale/category-events` and
`GET /sale/category-parameters-scheduled-changes`.

Both come from the dataset with times relative to the world's clock start (dataset.at_day): the events happened in
the three months before it, the changes are announced before it and take effect after it. Events older than three
months (the vendor's retention) drop out of the feed as the virtual clock moves on; a scheduled change is listed
until its `scheduledFor`, and from then on the parameter is simply required (tree.Tree.requirements).
"""

from __future__ import annotations

from targ.allegro.catalog.dataset import DAY_MS, at_day
from targ.allegro.catalog.tree import tree
from targ.allegro.errors import AllegroError
from targ.clock import iso, parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.json_types import Json

RETENTION_MS = 90 * DAY_MS


@handler("allegro", "getCategoryEventsUsingGET_1", backing="dataset")
def category_events(req: Request) -> Reply:
    now = req.world.clock.now_ms()
    timed = [(at_day(req.world, e["day"], e["minute"]), e) for e in tree().events]
    after = req.param("from")
    if after is not None:
        ids = [e["id"] for _, e in timed]
        if after not in ids:
            raise AllegroError(400, "VALIDATION_ERROR", f"Invalid event id: {after}", path="from",
                               user_message="Nieprawidłowy identyfikator zdarzenia.")
        timed = timed[ids.index(after) + 1:]
    types = set(req.param("type") or [])
    events = [_event(at, e) for at, e in timed
              if now - RETENTION_MS <= at <= now and (not types or e["type"] in types)]
    return Reply({"events": events[:req.param("limit", 100)]})


def _event(at: int, event: Json) -> Json:
    out: Json = {"id": event["id"], "occurredAt": iso(at), "type": event["type"], "category": dict(event["category"])}
    if "redirectCategory" in event:
        out["redirectCategory"] = dict(event["redirectCategory"])
    return out


def _time(req: Request, name: str) -> int | None:
    value = req.param(name)
    return parse_time(value) if value else None


def _within(value: int, low: int | None, high: int | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


@handler("allegro", "getCategoryParametersScheduledChangesUsingGET_1", backing="dataset")
def scheduled_changes(req: Request) -> Reply:
    world, now = req.world, req.world.clock.now_ms()
    bounds = {name: _time(req, name) for name in ("scheduledFor.gte", "scheduledFor.lte", "scheduledAt.gte",
                                                  "scheduledAt.lte")}
    types = set(req.param("type") or [])
    rows = []
    for change in tree().scheduled:
        at, on = at_day(world, change["scheduledAtDay"]), at_day(world, change["scheduledForDay"])
        if on <= now or at > now or (types and change["type"] not in types):
            continue   # in force already (the parameter is required now), or not announced yet
        if _within(on, bounds["scheduledFor.gte"], bounds["scheduledFor.lte"]) and \
                _within(at, bounds["scheduledAt.gte"], bounds["scheduledAt.lte"]):
            rows.append((on, change["category"], {
                "scheduledAt": iso(at), "scheduledFor": iso(on), "type": change["type"],
                "category": {"id": change["category"]}, "parameter": {"id": change["parameter"]}}))
    rows.sort(key=lambda row: row[:2])
    offset = req.param("offset", 0)
    return Reply({"scheduledChanges": [row[2] for row in rows[offset:offset + req.param("limit", 100)]]})
