"""`/sale/product-offers`: create, read, edit, read parts, and follow an asynchronous operation.

Where the vendor answers asynchronously targ does too: a body that proposes a new product, or lists the offer
(`publication.status` ACTIVE or, on create, absent: #3257, #6084), is answered 202 with the offer as it stands
and `Location: …/sale/product-offers/{offerId}/operations/{operationId}` (plus `Retry-After`). The operation (kind
`offer-operation`) is IN_PROGRESS until its job runs (`jobDelay`, or `/__targ/jobs/drain`); then its URL answers
303 See Other with the offer's URL in `Location`. Everything else answers at once (201 / 200).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError, access_denied
from targ.allegro.offers import attachments, images, model, onefulfillment, publication, references
from targ.allegro.offers import draft as drafts
from targ.allegro.offers.documents import Offer, OfferView
from targ.clock import iso
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

OPERATION_KIND = "offer-operation"
OPERATION_JOB = "allegro.offer-operation"


def _operation(req: Request, owner: str, offer_id: str) -> dict[str, str]:
    world = req.world
    operation = {"id": world.ids.uuid(OPERATION_KIND), "offerId": offer_id, "status": "IN_PROGRESS",
                 "startedAt": iso(world.clock.now_ms())}
    world.store.put(OPERATION_KIND, operation["id"], operation, owner=owner)
    delay = world.config.ms("jobDelay")
    world.schedule(OPERATION_JOB, delay, {"id": operation["id"]}, owner=owner)
    return {"location": f"{req.base_url}/sale/product-offers/{offer_id}/operations/{operation['id']}",
            "retry-after": str(max(1, delay // 1000))}


def _operation_failed(world: World, job: Job, error: str) -> None:
    """Processing ended, as the vendor ends it: the operation answers 303 to the offer, whose validation errors say
    what went wrong (#9659, #9943)."""
    doc = world.store.get_doc(OPERATION_KIND, str(job.payload.get("id")))
    if doc is None:
        return
    world.store.put(OPERATION_KIND, doc.id, {**doc.data, "status": "COMPLETED"}, owner=doc.owner)
    publication.processing_failed(world, doc.data["offerId"], error)


@runs(OPERATION_JOB, on_failure=_operation_failed)
def _complete(world: World, job: Job) -> None:
    doc = world.store.get_doc(OPERATION_KIND, job.payload["id"])
    if doc is not None:
        world.store.put(OPERATION_KIND, doc.id, {**doc.data, "status": "COMPLETED"}, owner=doc.owner)


def _media(req: Request, seller_id: str, offer: Offer, before: Offer | None) -> None:
    """The images and attachments the offer names are ones it may use (images.py, attachments.py); the uploaded
    images it names are kept from now on (the request's transaction undoes that if the offer is refused later)."""
    used = images.check_offer(req.world, offer, before, req.base_url)
    attachments.check_offer(req.world, seller_id, offer)
    images.mark_used(req.world, used)


def _activation_or_raise(offer: Offer) -> None:
    problems = publication.activation_problems(offer)
    if problems:
        raise AllegroError(422, problems=problems)


def _one_fulfillment(req: Request, seller: model.Seller, draft: drafts.Draft, *, creating: bool) -> bool:
    """Checks the offer against the One Fulfillment rules when it uses a One Fulfillment set; says whether it does."""
    rates = ((draft.offer.get("delivery") or {}).get("shippingRates") or {}).get("id")
    if not onefulfillment.is_one_fulfillment_set(req.world, rates):
        return False
    onefulfillment.check(req.world, seller, draft.offer, draft, creating=creating)
    return True


def _save(req: Request, seller: model.Seller, before: Offer | None, draft: drafts.Draft, *, activate: bool) -> Reply:
    """Stores the offer; answers 202 with an operation when products are proposed or activation was asked."""
    offer = model.save(req.world, seller.id, before, draft.offer)
    if draft.proposals or activate:
        return Reply(model.product_offer_view(offer), status=202,
                     headers=_operation(req, seller.id, offer["id"]))
    return Reply(model.product_offer_view(offer))


@handler("allegro", "createProductOffers")
def create(req: Request) -> Reply:
    world, seller, body = req.world, model.seller(req), req.body
    if onefulfillment.wants_one_fulfillment(world, body):
        onefulfillment.check_access(seller)
    draft = drafts.for_create(world, seller, body, model.new_id(world))
    offer = draft.offer
    references.resolve(world, seller.id, offer, req)
    _media(req, seller.id, offer, None)
    offer["oneFulfillment"] = _one_fulfillment(req, seller, draft, creating=True)
    # Without `publication.status` the offer is listed, as the vendor's guides and staff say (#3257 NEWS, #6084);
    # INACTIVE makes a draft (#7363, #6533).
    activate = (body.get("publication") or {}).get("status") in (None, "ACTIVE")
    if activate:
        _activation_or_raise(offer)
    drafts.store_proposals(world, seller, draft)
    if activate and offer["oneFulfillment"] and not _stock(offer):
        # A One Fulfillment offer waits for the warehouse, ended at once (seed 003: "zakończymy ją automatycznie ze
        # stanem stock.available: 0"); stock arriving for its product activates it (fulfillment stock).
        publication.become_active(world, seller.id, offer)
        return _save(req, seller, None, draft, activate=False)
    if activate:
        publication.request_activation(world, seller.id, offer)
    return _save(req, seller, None, draft, activate=activate)


def _stock(offer: OfferView) -> int:
    return int((offer.get("stock") or {}).get("available") or 0)


@handler("allegro", "getProductOffer")
def read(req: Request) -> Reply:
    offer = model.owned(req, model.seller(req).id)
    return Reply(model.product_offer_view(offer))


@handler("allegro", "editProductOffers")
def edit(req: Request) -> Reply:
    world, seller, body = req.world, model.seller(req), req.body
    existing = model.owned(req, seller.id)
    was_one_ff = model.is_one_fulfillment(existing)
    if was_one_ff:
        onefulfillment.check_patch(existing, body)
    elif onefulfillment.wants_one_fulfillment(world, body):
        onefulfillment.check_access(seller)
    draft = drafts.for_patch(world, seller, existing, body)
    offer = draft.offer
    status = model.status_of(existing)
    offer["publication"]["status"] = status           # a requested status is a transition, applied below
    references.resolve(world, seller.id, offer, req)
    _media(req, seller.id, offer, existing)
    offer["oneFulfillment"] = _one_fulfillment(req, seller, draft, creating=not was_one_ff)
    stock = _stock(offer)
    if status in model.LIVE and stock < 1 and not offer["oneFulfillment"]:
        _activation_or_raise(offer)                    # a listed offer keeps at least one unit
    requested = (body.get("publication") or {}).get("status")
    activate = requested == "ACTIVE" and status not in model.LIVE
    if activate:
        _activation_or_raise(offer)
    elif requested == "INACTIVE" and status != "INACTIVE":
        raise AllegroError(422, "VALIDATION_ERROR", "A published offer cannot become a draft again.",
                           path="publication.status")
    drafts.store_proposals(world, seller, draft)
    if activate:
        publication.request_activation(world, seller.id, offer)
    elif requested == "ENDED" and status in model.LIVE:
        publication.end(world, offer, "USER")
    return _save(req, seller, existing, draft, activate=activate)


@handler("allegro", "getPartialProductOffer")
def parts(req: Request) -> Reply:
    offer = model.owned(req, model.seller(req).id)
    include = set(req.param("include") or ())
    out: Json = {"id": offer["id"]}
    if "stock" in include:
        out["stock"] = {"available": int((offer.get("stock") or {}).get("available") or 0)}
    if "price" in include:
        if (offer.get("sellingMode") or {}).get("price"):
            out["sellingMode"] = {"price": offer["sellingMode"]["price"]}
        out["additionalMarketplaces"] = {
            mp: {"sellingMode": {"price": extra["sellingMode"]["price"]}}
            for mp, extra in (offer.get("additionalMarketplaces") or {}).items()
            if (extra.get("sellingMode") or {}).get("price")}
    return Reply(out)


@handler("allegro", "getProductOfferProcessingStatus")
def operation_status(req: Request) -> Reply:
    seller = model.seller(req)
    doc = req.world.store.get_doc(OPERATION_KIND, req.param("operationId"))
    if doc is None or doc.data["offerId"] != req.param("offerId"):
        raise AllegroError(404, "NOT_FOUND", f"Operation {req.param('operationId')} not found.")
    if doc.owner != seller.id:
        raise access_denied()
    operation = doc.data
    if operation["status"] == "COMPLETED":
        return Reply(None, status=303,
                     headers={"location": f"{req.base_url}/sale/product-offers/{operation['offerId']}"})
    delay = req.world.config.ms("jobDelay")
    return Reply({"offer": {"id": operation["offerId"]},
                  "operation": {"id": operation["id"], "status": operation["status"],
                                "startedAt": operation["startedAt"]}},
                 headers={"retry-after": str(max(1, delay // 1000))})
