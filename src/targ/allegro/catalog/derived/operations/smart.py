"""The operations (getSellerSmartClassificationGET); what they do, the vendor's rules and their sources:
`targ.allegro.catalog.derived.smart`."""

from __future__ import annotations

from targ.allegro.catalog.derived.common import USER_RATING_KIND, seller_id
from targ.allegro.catalog.derived.smart import COUNT_THRESHOLD, RATE_THRESHOLD, evaluate, last_changed
from targ.allegro.catalog.marketplaces import marketplaces
from targ.allegro.errors import AllegroError
from targ.allegro.sellers import get_seller
from targ.clock import iso
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getSellerSmartClassificationGET", backing="derived")
def seller_smart(req: Request) -> Reply:
    seller = get_seller(req.world, seller_id(req)) or {}
    marketplace = req.param("marketplaceId") or seller.get("baseMarketplace", {}).get("id")
    if marketplace not in {m["id"] for m in marketplaces()}:
        raise AllegroError(422, "VALIDATION_ERROR", f"Marketplace {marketplace} is not supported",
                           path="marketplaceId", user_message=f"Nieobsługiwany serwis {marketplace}.")
    now = req.world.clock.now_ms()
    ratings = [d.data for d in req.world.store.find(USER_RATING_KIND, seller["id"])]
    super_seller = "SUPER_SELLER" in (seller.get("features") or [])
    fulfilled, rate, count = evaluate(ratings, super_seller, now)
    changed = last_changed(ratings, super_seller, int(seller.get("createdAt") or now), now)
    conditions = [
        {"code": "ratingPercentage", "name": "Wskaźnik poleceń",
         "description": "W przypadku braku oznaczenia Super Sprzedawca wymagamy aby sprzedawca posiadał wskaźnik "
                        "poleceń powyżej określonego progu.",
         "value": round(rate, 3), "threshold": RATE_THRESHOLD, "fulfilled": rate >= RATE_THRESHOLD,
         "required": False},
        {"code": "ratesCount", "name": "Liczba unikalnych ocen",
         "description": "W przypadku braku oznaczenia Super Sprzedawca wymagamy aby sprzedawca posiadał określoną "
                        "liczbę unikalnych ocen \"Polecam\" w okresie ostatnich 12 miesięcy.",
         "value": count, "threshold": COUNT_THRESHOLD, "fulfilled": count >= COUNT_THRESHOLD, "required": False},
        {"code": "superSeller", "name": "Super Sprzedawca",
         "description": "Posiadanie oznaczenia Super Sprzedawca pozwala wziąć udział w programie Smart! przy "
                        "zwolnieniu z kryteriów \"Wskaźnik poleceń\" oraz \"Liczba unikalnych ocen\".",
         "value": 1 if super_seller else 0, "fulfilled": super_seller, "required": False},
    ]
    return Reply({"classification": {"fulfilled": fulfilled, "lastChanged": iso(changed)},
                  "conditions": conditions})
