"""`GET /sale/offers/{offerId}/smart`: the offer's half of the Smart! classification, computed from stored state
(`derived`): the offer, its shipping-rate set, the reference delivery methods and the seller's own classification
(catalog/derived/smart.py, `GET /sale/smart`).

Conditions (the vendor names none in the spec; these are targ's reading of the programme): the seller qualifies;
the offer is a Buy Now offer; its shipping rates include Smart delivery methods, the marketplace's Allegro-endorsed
methods paid in advance (`passedDeliveryMethods`), the others being `failedDeliveryMethods`. The offer is classified
when every condition is fulfilled; `lastChanged` is the offer's last change.
"""

from __future__ import annotations

from targ.allegro.catalog.delivery import delivery_method
from targ.allegro.catalog.derived.common import USER_RATING_KIND
from targ.allegro.catalog.derived.smart import evaluate
from targ.allegro.errors import AllegroError
from targ.allegro.offers import model
from targ.allegro.offers.documents import Offer
from targ.allegro.resources.references import BOUND
from targ.allegro.sellers import MARKETPLACES
from targ.handlers import handler
from targ.http.request import Reply, Request


def _methods(req: Request, offer: Offer) -> list[str]:
    rates_id = ((offer.get("delivery") or {}).get("shippingRates") or {}).get("id")
    rates = req.world.store.get(BOUND["shipping-rates"].kind, str(rates_id)) if rates_id else None
    return [str(r["deliveryMethod"]["id"]) for r in (rates or {}).get("rates") or ()]


def _smart(method_id: str, marketplace: str) -> bool:
    method = delivery_method(method_id) or {}
    return bool(method.get("allegroEndorsed")) and method.get("paymentPolicy") == "IN_ADVANCE" \
        and marketplace in (method.get("marketplaces") or ())


@handler("allegro", "getOfferSmartClassificationGET", backing="derived")
def offer_smart(req: Request) -> Reply:
    seller = model.seller(req)
    offer = model.owned(req, seller.id)
    marketplace = req.param("marketplaceId") or model.base_marketplace(offer)
    if marketplace not in MARKETPLACES:
        raise AllegroError(422, "VALIDATION_ERROR", f"Marketplace {marketplace} is not supported",
                           path="marketplaceId")
    ratings = [d.data for d in req.world.store.find(USER_RATING_KIND, seller.id)]
    seller_ok = evaluate(ratings, "SUPER_SELLER" in seller.features, req.world.clock.now_ms())[0]
    methods = _methods(req, offer)
    passed = [m for m in methods if _smart(m, marketplace)]
    failed = [m for m in methods if m not in passed]
    conditions = [
        {"code": "SELLER_QUALIFIED", "name": "Sprzedawca w programie Smart!",
         "description": "Sprzedawca spełnia warunki programu Smart! (GET /sale/smart).", "fulfilled": seller_ok},
        {"code": "BUY_NOW", "name": "Kup Teraz", "description": "Oferta jest ofertą Kup Teraz.",
         "fulfilled": (offer.get("sellingMode") or {}).get("format", "BUY_NOW") == "BUY_NOW"},
        {"code": "SMART_DELIVERY_METHODS", "name": "Metody dostawy Smart!",
         "description": "Cennik dostawy oferty zawiera metody dostawy objęte programem Smart!.",
         "fulfilled": bool(passed), "passedDeliveryMethods": [{"id": m} for m in passed],
         "failedDeliveryMethods": [{"id": m} for m in failed]},
    ]
    return Reply({"classification": {"fulfilled": all(c["fulfilled"] for c in conditions),
                                     "lastChanged": offer.get("updatedAt")},
                  "scheduledForReclassification": False,
                  "smartDeliveryMethods": [{"id": m} for m in passed], "conditions": conditions})
