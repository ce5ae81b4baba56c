"""Statistics and reports computed from stored state: sales quality, ratings, advertisement statistics and
offers with unfilled parameters."""

from __future__ import annotations

from typing import Any

import httpx
from catalog_helpers import advance, put_doc

from targ.testing import TargServer


def test_sales_quality_grows_a_day_at_a_time(targ: TargServer, allegro: httpx.Client) -> None:
    assert allegro.get("/sale/quality").json() == {"quality": []}      # a new account: no finished day yet
    advance(targ, allegro, "P2DT3H")
    quality = allegro.get("/sale/quality").json()["quality"]
    assert [q["resultFor"] for q in quality] == ["2026-01-02", "2026-01-01"]
    assert quality[0]["grade"] == "NEUTRAL" and quality[0]["score"] == 0 and quality[0]["maxScore"] == 500
    assert [m["code"] for m in quality[0]["metrics"]] == ["BUYER_SATISFACTION", "DISPATCH_IN_TIME", "FAST_DISPATCH",
                                                         "NO_CANCELLATIONS", "NO_RETURNS"]
    advance(targ, allegro, "P40D")
    assert len(allegro.get("/sale/quality").json()["quality"]) == 30


def _order(order_id: str, bought: str, dispatch_by: str, fulfillment: str, status: str = "READY_FOR_PROCESSING"
           ) -> dict[str, Any]:
    return {"status": status, "fulfillment": {"status": fulfillment}, "lineItems": [{"boughtAt": bought}],
            "delivery": {"time": {"dispatch": {"from": bought, "to": dispatch_by}}}, "updatedAt": bought}


def test_sales_quality_from_stored_orders(targ: TargServer, demo: dict[str, Any], allegro: httpx.Client) -> None:
    seller = demo["sellerId"]
    put_doc(targ, "checkout_form", "a", seller, _order("a", "2026-01-01T08:00:00Z", "2026-01-01T18:00:00Z", "SENT"))
    put_doc(targ, "checkout_form", "b", seller, _order("b", "2026-01-01T09:00:00Z", "2026-01-03T18:00:00Z", "NEW"))
    put_doc(targ, "checkout_form", "c", seller,
            _order("c", "2026-01-01T10:00:00Z", "2026-01-01T18:00:00Z", "CANCELLED", "CANCELLED"))
    put_doc(targ, "user_rating", "r1", seller, {"recommended": True, "createdAt": "2026-01-01T12:00:00Z",
                                                "buyer": {"id": "1", "login": "kupujacy"}})
    # withdrawn by its buyer: counts nowhere (else satisfaction would be 1 of 2)
    put_doc(targ, "user_rating", "r2", seller, {"recommended": False, "createdAt": "2026-01-01T13:00:00Z",
                                                "buyer": {"id": "2", "login": "inny"}, "removedBy": "BUYER"})
    put_doc(targ, "checkout_form", "other", "44999999",
            _order("x", "2026-01-01T08:00:00Z", "2026-01-01T18:00:00Z", "RETURNED"))
    advance(targ, allegro, "P1D")
    day = allegro.get("/sale/quality").json()["quality"][0]
    scores = {m["code"]: m["score"] for m in day["metrics"]}
    # satisfaction 1/1; in time 1 of 2 due (a sent, c not); fast 1 of 2; 2 of 3 not cancelled; none returned
    assert scores == {"BUYER_SATISFACTION": 150, "DISPATCH_IN_TIME": 20, "FAST_DISPATCH": 80,
                      "NO_CANCELLATIONS": 53, "NO_RETURNS": 70}
    assert day["score"] == 373 and day["grade"] == "VERY_GOOD"


def test_offer_rating(targ: TargServer, demo: dict[str, Any], allegro: httpx.Client) -> None:
    offer = demo["offers"][0]["id"]
    empty = allegro.get(f"/sale/offers/{offer}/rating").json()
    assert empty == {"scoreDistribution": [{"name": str(s), "count": 0} for s in (5, 4, 3, 2, 1)],
                     "totalResponses": 0}
    for n, score in enumerate((5, 4, 4, 3)):
        put_doc(targ, "offer_review", f"rev{n}", demo["sellerId"],
                {"offer": {"id": offer}, "score": score, "sizeFeedback": "FIT"})
    rating = allegro.get(f"/sale/offers/{offer}/rating").json()
    assert rating["averageScore"] == "4.0" and rating["totalResponses"] == 4
    assert rating["scoreDistribution"][:3] == [{"name": "5", "count": 1}, {"name": "4", "count": 2},
                                               {"name": "3", "count": 1}]
    assert rating["sizeFeedback"] == [{"name": "BIGGER", "count": 0}, {"name": "FIT", "count": 4},
                                      {"name": "SMALLER", "count": 0}]
    assert allegro.get("/sale/offers/1/rating").status_code == 404


def test_ratings_summary(targ: TargServer, demo: dict[str, Any], allegro: httpx.Client) -> None:
    seller = demo["sellerId"]
    summary = allegro.get(f"/users/{seller}/ratings-summary").json()
    assert summary == {"recommended": {"unique": 0, "total": 0}, "notRecommended": {"unique": 0, "total": 0},
                       "statistics": {"received": {"total": 0}, "excluded": {"total": 0},
                                      "removed": {"total": 0, "byAdmin": 0, "byBuyer": 0,
                                                  "byBuyerDueToCompensation": 0}},
                       "user": {"createdAt": "2026-01-01"}}
    ratings = [("1", True, {}), ("1", True, {}), ("2", True, {}), ("3", False, {}),
               ("4", False, {"removedBy": "ADMIN"}), ("5", True, {"excludedFromAverageRates": True})]
    for n, (buyer, recommended, extra) in enumerate(ratings):
        put_doc(targ, "user_rating", f"r{n}", seller, {"buyer": {"id": buyer, "login": f"b{buyer}"},
                                                       "recommended": recommended, **extra})
    summary = allegro.get(f"/users/{seller}/ratings-summary").json()
    assert summary["recommended"] == {"unique": 2, "total": 3} and summary["notRecommended"] == {"unique": 1,
                                                                                                "total": 1}
    assert summary["recommendedPercentage"] == "66,7"
    assert summary["statistics"]["removed"]["byAdmin"] == 1 and summary["statistics"]["excluded"]["total"] == 1
    assert allegro.get("/users/123/ratings-summary").status_code == 404


def test_advertisement_statistics(targ: TargServer, demo: dict[str, Any], allegro: httpx.Client) -> None:
    seller = demo["sellerId"]
    put_doc(targ, "offer", "7799000200", seller, {"name": "Mieszkanie 3 pokoje", "sellingMode": {
        "format": "ADVERTISEMENT"}})
    put_doc(targ, "classified_event", "e1", seller, {"offer": {"id": "7799000200"}, "eventType": "SHOWED_PHONE_NUMBER",
                                                     "occurredAt": "2025-12-30T10:00:00Z"})
    window = {"date.gte": "2025-12-29T00:00:00Z", "date.lte": "2025-12-31T12:00:00Z"}
    stats = allegro.get("/sale/classified-seller-stats", params=window).json()
    assert [d["date"] for d in stats["eventsPerDay"]] == ["2025-12-29", "2025-12-30", "2025-12-31"]
    assert stats["eventStatsTotal"][0] == {"count": 1, "eventType": "SHOWED_PHONE_NUMBER"}
    assert len(allegro.get("/sale/classified-seller-stats").json()["eventsPerDay"]) == 31
    per_offer = allegro.get("/sale/classified-offers-stats", params={"offer.id": "7799000200", **window}).json()
    assert per_offer["offerStats"][0]["offer"] == {"id": "7799000200"}
    assert per_offer["offerStats"][0]["eventsPerDay"][1]["eventStats"][0]["count"] == 1
    mug = allegro.get("/sale/classified-offers-stats", params={"offer.id": demo["offers"][0]["id"]})
    assert mug.status_code == 422
    backwards = allegro.get("/sale/classified-seller-stats", params={"date.gte": "2025-12-31T00:00:00Z",
                                                                      "date.lte": "2025-12-01T00:00:00Z"})
    assert backwards.status_code == 422
    assert allegro.get("/sale/classified-seller-stats", params={"date.gte": "2025-09-01T00:00:00Z"}).status_code \
        == 422


def test_unfilled_parameters(targ: TargServer, demo: dict[str, Any], allegro: httpx.Client) -> None:
    empty = allegro.get("/sale/offers/unfilled-parameters").json()
    assert empty == {"offers": [], "count": 0, "totalCount": 0}      # the demo offers name no category
    seller = demo["sellerId"]
    put_doc(targ, "offer", "7799000300", seller, {"category": {"id": "79155"}, "parameters": [
        {"id": "11323", "valuesIds": ["11323_1"]}], "productSet": [{"product": {"parameters": [
            {"id": "223545", "values": ["Gra o tron"]}, {"id": "223489", "values": ["George R. R. Martin"]},
            {"id": "75", "valuesIds": ["75_2"]}]}}]})
    body = allegro.get("/sale/offers/unfilled-parameters").json()
    assert body["count"] == 1 and body["offers"][0]["category"] == {"id": "79155"}
    assert [p["id"] for p in body["offers"][0]["parameters"]] == ["223541", "245669"]   # publisher; ISBN planned
    planned = allegro.get("/sale/offers/unfilled-parameters", params={"parameterType": "REQUIREMENT_PLANNED"}).json()
    assert [p["id"] for p in planned["offers"][0]["parameters"]] == ["245669"]
    advance(targ, allegro, "P60D")                                  # the ISBN requirement is in force now
    required = allegro.get("/sale/offers/unfilled-parameters", params={"parameterType": "REQUIRED"}).json()
    assert [p["id"] for p in required["offers"][0]["parameters"]] == ["245669", "223541"]   # category order


def test_seller_smart_classification(targ: TargServer, demo: dict[str, Any], allegro: httpx.Client) -> None:
    report = allegro.get("/sale/smart").json()
    assert report["classification"] == {"fulfilled": False, "lastChanged": "2026-01-01T00:00:00.000Z"}
    assert [(c["code"], c["value"], c["fulfilled"]) for c in report["conditions"]] == [
        ("ratingPercentage", 0.0, False), ("ratesCount", 0, False), ("superSeller", 0, False)]
    for n in range(5):
        put_doc(targ, "user_rating", f"r{n}", demo["sellerId"], {"buyer": {"id": str(n), "login": f"b{n}"},
                                                                "recommended": True,
                                                                "createdAt": f"2026-01-0{n + 2}T10:00:00Z"})
    advance(targ, allegro, "P7D")
    report = allegro.get("/sale/smart").json()
    assert report["classification"] == {"fulfilled": True, "lastChanged": "2026-01-06T10:00:00.000Z"}
    assert allegro.get("/sale/smart", params={"marketplaceId": "ebay-de"}).status_code == 422
