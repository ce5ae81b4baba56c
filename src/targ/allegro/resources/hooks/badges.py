"""Badges: applying an offer to a badge campaign, the badges offers then carry, and changes to them.

* `POST /sale/badges` answers 202 with a REQUESTED application (422 naming `campaign` or `offer` when the
  optional body lacks them: the edge reads an empty body as `{}`); Allegro processes it asynchronously (a job due at
  once, so the next request, or `POST /__targ/jobs/drain`, sees it done): PROCESSED, and the offer carries an ACTIVE
  badge of that campaign priced from the offer; DECLINED (`BADGE_ALREADY_EXISTS`) when the offer already carries
  a live badge of the campaign.
* `PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}` answers 202 with the id of a badge operation (and its
  URL in `Location`): FINISH (`process.status: FINISHED`) or UPDATE (a new bargain price), applied the same way.
  A finished badge cannot be changed (409).
* Campaign ids are reference data (`Ref(..., "badge-campaign")`), checked once a module registers that lookup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro import failures
from targ.allegro.resources import engine
from targ.allegro.resources.context import Ctx, owned_or_raise
from targ.allegro.resources.docpath import first
from targ.allegro.resources.model import OFFER, Doc, Hooks
from targ.allegro.resources.shape import array_property, project, response_schema
from targ.clock import iso
from targ.http.request import Reply
from targ.jobs import runs

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

BADGES = "res.badges"
APPLICATIONS = "res.badge-applications"
OPERATIONS = "res.badge-operations"
JOB = "allegro.badges"
LIVE = ("IN_VERIFICATION", "WAITING_FOR_PUBLICATION", "ACTIVE")


def _requested() -> dict[str, Any]:
    return {"status": "REQUESTED", "rejectionReasons": []}


class ApplicationHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        doc["process"] = _requested()
        stock = doc.pop("declaredStock", None)
        doc["campaignStock"] = {"quantity": stock["quantity"]} if stock and "quantity" in stock else None


class OperationHooks(Hooks):
    def prepare(self, ctx: Ctx, doc: Doc, old: Doc | None) -> None:
        doc["process"] = _requested()


def apply(ctx: Ctx) -> Reply:
    """`POST /sale/badges`: a new application, processed by the job."""
    body: dict[str, Any] = ctx.req.body
    doc = engine.insert(ctx, body)
    ctx.world.schedule(JOB, 0, {"application": doc["id"]}, owner=ctx.seller)
    return engine.reply(ctx, doc)


def list_badges(ctx: Ctx) -> Reply:
    marketplace = ctx.req.params["marketplace.id"]
    offer = ctx.req.params.get("offer.id")
    badges = [d.data for d in ctx.store.find(BADGES, ctx.seller)]
    badges = [b for b in badges if b.get("_marketplace") == marketplace and offer in (None, b["offer"]["id"])]
    offset, limit = ctx.req.params.get("offset", 0), ctx.req.params.get("limit", 50)
    _, items = array_property(response_schema(ctx.op))
    return Reply({"badges": [project(items, b) for b in badges[offset:offset + limit]]})


def change(ctx: Ctx) -> Reply:
    """`PATCH /sale/badges/offers/{offerId}/campaigns/{campaignId}`: a FINISH or UPDATE operation."""
    offer_id, campaign_id = str(ctx.req.params["offerId"]), str(ctx.req.params["campaignId"])
    badge = owned_or_raise(ctx, BADGES, f"{offer_id}/{campaign_id}", "Badge")
    if badge["process"]["status"] not in LIVE:
        raise ctx.fail((409,), "CONFLICT", f"The badge of offer {offer_id} in campaign {campaign_id} has ended.")
    body: dict[str, Any] = ctx.req.body or {}
    finish = first(body, "process.status") == "FINISHED"
    bargain = first(body, "prices.bargain.value")
    if not finish and bargain is None:
        raise ctx.invalid("Nothing to change: send process.status FINISHED or prices.bargain.value.")
    operation = engine.insert(ctx, {"type": "FINISH" if finish else "UPDATE", "campaign": {"id": campaign_id},
                                    "offer": {"id": offer_id}, "_bargain": bargain})
    ctx.world.schedule(JOB, 0, {"operation": operation["id"]}, owner=ctx.seller)
    url = f"{ctx.req.base_url}/sale/badge-operations/{operation['id']}"
    return Reply({"id": operation["id"]}, headers={"location": url})


# --- processing (the job) -------------------------------------------------------------------------------------------
def _declined(code: str, text: str) -> dict[str, Any]:
    return {"status": "DECLINED", "rejectionReasons": [{"code": code, "messages": [{"text": text, "link": None}]}]}


def _failed(world: World, job: Job, error: str) -> None:
    """DECLINED with the error as its reason, for an application or operation whose processing raised."""
    kind, key = (APPLICATIONS, job.payload.get("application")) if "application" in job.payload \
        else (OPERATIONS, job.payload.get("operation"))
    doc = world.store.get(kind, str(key))
    if doc is not None:
        doc.update(process=_declined(failures.CODE, error), updatedAt=iso(world.clock.now_ms()))
        world.store.put(kind, doc["id"], doc, owner=job.owner)


@runs(JOB, on_failure=_failed)
def process(world: World, job: Job) -> None:
    store, now = world.store, iso(world.clock.now_ms())
    if "application" in job.payload:
        application = store.get(APPLICATIONS, job.payload["application"])
        if application is not None:
            application.update(process=_process_application(world, job.owner, application), updatedAt=now)
            store.put(APPLICATIONS, application["id"], application, owner=job.owner)
    else:
        operation = store.get(OPERATIONS, job.payload["operation"])
        if operation is not None:
            operation.update(process=_process_operation(world, job.owner, operation), updatedAt=now)
            store.put(OPERATIONS, operation["id"], operation, owner=job.owner)


def _process_application(world: World, seller: str, application: Doc) -> dict[str, Any]:
    offer_id, campaign_id = application["offer"]["id"], application["campaign"]["id"]
    key = f"{offer_id}/{campaign_id}"
    existing = world.store.get(BADGES, key)
    if existing is not None and existing["process"]["status"] in LIVE:
        return _declined("BADGE_ALREADY_EXISTS", f"Offer {offer_id} already has a badge in campaign {campaign_id}.")
    offer = world.store.get(OFFER, offer_id) or {}
    prices: dict[str, Any] = {"market": first(offer, "sellingMode.price") or None}
    if first(application, "prices.bargain"):
        prices["bargain"] = application["prices"]["bargain"]
    world.store.put(BADGES, key, {
        "offer": {"id": offer_id}, "campaign": {"id": campaign_id},
        "publication": {"type": "ALWAYS"}, "prices": {k: v for k, v in prices.items() if v is not None},
        "process": {"status": "ACTIVE", "rejectionReasons": []},
        "campaignStock": application.get("campaignStock"),
        "_marketplace": first(offer, "publication.marketplaces.base.id", "allegro-pl"),
    }, owner=seller)
    return {"status": "PROCESSED", "rejectionReasons": []}


def _process_operation(world: World, seller: str, operation: Doc) -> dict[str, Any]:
    key = f"{operation['offer']['id']}/{operation['campaign']['id']}"
    badge = world.store.get(BADGES, key)
    if badge is None or badge["process"]["status"] not in LIVE:
        return _declined("BADGE_NOT_ACTIVE", "The badge is no longer active.")
    if operation["type"] == "FINISH":
        badge["process"] = {"status": "FINISHED", "rejectionReasons": []}
    else:
        badge["prices"] = {**(badge.get("prices") or {}), "bargain": operation.get("_bargain")}
    world.store.put(BADGES, key, badge, owner=seller)
    return {"status": "PROCESSED", "rejectionReasons": []}
