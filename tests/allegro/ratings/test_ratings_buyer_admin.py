"""The buyer's side (admin API): who can rate and when, changing and withdrawing a rating, each showing up in the
seller's API with timestamps from the virtual clock; refusals change nothing."""

from __future__ import annotations

from typing import Any

import httpx
from ratings_helpers import (
    BETA,
    admin_error,
    advance,
    buy,
    deliver,
    now,
    rate,
    ratings,
    ship,
)

from targ.testing import TargServer


def test_delivered_order_rated_shows_up_for_the_seller(http: httpx.Client, allegro: httpx.Client,
                                                        demo: dict[str, Any], order: str, offer: str) -> None:
    rating = rate(http, order, True, comment="Szybko i sprawnie", rates={"description": 5, "service": 4})
    assert len(rating["id"]) == 24 and int(rating["id"], 16) >= 0
    assert rating["createdAt"] == rating["lastChangedAt"] == now(http) and "editedAt" not in rating
    assert rating["buyer"]["login"] == "kupujacy_anna"
    assert rating["order"] == {"id": order, "offers": [{"id": offer, "title": demo["offers"][0]["name"]}]}
    assert rating["rates"] == {"description": 5, "service": 4} and rating["comment"] == "Szybko i sprawnie"
    assert "removal" not in rating and "answer" not in rating   # a positive rating: nothing to ask removed
    got = allegro.get(f"/sale/user-ratings/{rating['id']}")
    assert got.status_code == 200 and "x-targ-backing" not in got.headers
    assert got.json() == rating
    assert ratings(allegro) == [rating]


def test_order_not_yet_delivered_cannot_be_rated(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                                 offer: str) -> None:
    order_id = buy(http, offer, "kupujacy_jan")
    resp = http.post("/__targ/buyer/ratings", json={"checkoutFormId": order_id, "recommended": True})
    assert admin_error(resp, 409) == "not_delivered"
    # Shipped, the parcel moves on the clock (PENDING → IN_TRANSIT → RELEASED_FOR_DELIVERY → DELIVERED, a day each).
    ship(allegro, order_id, "620000000000000000000009")
    advance(targ, allegro, "P2D")
    assert admin_error(http.post("/__targ/buyer/ratings", json={"checkoutFormId": order_id, "recommended": True}),
                       409) == "not_delivered"
    advance(targ, allegro, "P1D")
    assert rate(http, order_id, True)["order"]["id"] == order_id
    assert len(ratings(allegro)) == 1


def test_refusals_change_nothing(http: httpx.Client, allegro: httpx.Client, offer: str, order: str) -> None:
    unpaid = buy(http, offer, "kupujacy_ola", pay=False)
    cancelled = buy(http, offer, "kupujacy_ewa")
    assert http.post(f"/__targ/buyer/checkout-forms/{cancelled}/cancel", json={}).status_code == 200
    guest = buy(http, offer, "gosc", buyer={"login": "gosc", "guest": True})
    deliver(http, allegro, guest, "620000000000000000000002")
    cases = [
        ({"checkoutFormId": "00000000-0000-4000-8000-000000000000", "recommended": True}, 404, "not_found"),
        ({"checkoutFormId": unpaid, "recommended": True}, 409, "not_paid"),
        ({"checkoutFormId": cancelled, "recommended": False}, 409, "order_cancelled"),
        ({"checkoutFormId": guest, "recommended": True}, 409, "guest_buyer"),
        ({"checkoutFormId": order}, 400, "bad_request"),
        ({"checkoutFormId": order, "recommended": "yes"}, 400, "bad_request"),
        ({"recommended": True}, 400, "bad_request"),
        ({"checkoutFormId": order, "recommended": True, "stars": 5}, 400, "bad_request"),
        ({"checkoutFormId": order, "recommended": True, "comment": "x" * 501}, 400, "bad_request"),
        ({"checkoutFormId": order, "recommended": True, "comment": "  "}, 400, "bad_request"),
        ({"checkoutFormId": order, "recommended": True, "rates": {"service": 6}}, 400, "bad_request"),
        ({"checkoutFormId": order, "recommended": True, "rates": {"delivery": 5}}, 400, "bad_request"),
        ({"checkoutFormId": order, "recommended": False, "justifications": [{"text": ""}]}, 400, "bad_request"),
        ({"checkoutFormId": order, "recommended": False, "justifications": [{"text": "a", "why": 1}]}, 400,
         "bad_request"),
    ]
    for body, status, key in cases:
        assert admin_error(http.post("/__targ/buyer/ratings", json=body), status) == key, body
    assert ratings(allegro) == []
    summary = allegro.get(f"/users/{allegro_seller(http)}/ratings-summary").json()
    assert summary["recommended"] == summary["notRecommended"] == {"unique": 0, "total": 0}


def allegro_seller(http: httpx.Client) -> str:
    return str(http.get("/__targ/demo").json()["sellerId"])


def test_one_rating_per_order_and_picked_up_orders(http: httpx.Client, allegro: httpx.Client, offer: str,
                                                    order: str) -> None:
    rate(http, order, True)
    again = http.post("/__targ/buyer/ratings", json={"checkoutFormId": order, "recommended": False})
    assert admin_error(again, 409) == "already_rated"
    # Picked up in person counts as delivered.
    picked = buy(http, offer, "kupujacy_adam")
    done = allegro.put(f"/order/checkout-forms/{picked}/fulfillment", json={"status": "PICKED_UP"},
                       headers={"Content-Type": "application/vnd.allegro.public.v1+json"})
    assert done.status_code == 204, done.text
    assert rate(http, picked, False)["recommended"] is False
    assert [r["recommended"] for r in ratings(allegro)] == [False, True]


def test_rating_window_closes_60_days_after_purchase(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                                     order: str) -> None:
    advance(targ, allegro, "P60D")
    rating = rate(http, order, True)     # the last moment
    advance(targ, allegro, "PT1S")
    late = http.patch(f"/__targ/buyer/ratings/{rating['id']}", json={"comment": "Jednak nie"})
    assert admin_error(late, 409) == "rating_window_closed"
    assert "comment" not in allegro.get(f"/sale/user-ratings/{rating['id']}").json()


def test_late_rating_is_refused(targ: TargServer, http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    advance(targ, allegro, "P60DT1S")
    resp = http.post("/__targ/buyer/ratings", json={"checkoutFormId": order, "recommended": True})
    assert admin_error(resp, 409) == "rating_window_closed"
    assert ratings(allegro) == []


def test_change_stamps_edited_and_last_changed(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                               order: str) -> None:
    rating = rate(http, order, False, comment="Paczka uszkodzona", justifications=[
        {"text": "Produkt uszkodzony"}, {"text": "Dla sprzedającego", "visibleForBuyer": False}])
    assert rating["removal"] == {"possibleTo": _plus_days(rating["createdAt"], 30)}
    advance(targ, allegro, "P2D")
    changed = http.patch(f"/__targ/buyer/ratings/{rating['id']}",
                         json={"recommended": True, "comment": None, "rates": {"service": 5}})
    assert changed.status_code == 200, changed.text
    shown = changed.json()["rating"]
    assert shown["editedAt"] == shown["lastChangedAt"] == now(http) and shown["createdAt"] == rating["createdAt"]
    assert shown["recommended"] is True and "comment" not in shown and shown["rates"] == {"service": 5}
    assert "removal" not in shown     # positive now: nothing to ask removed
    assert allegro.get(f"/sale/user-ratings/{rating['id']}").json() == shown
    beta = allegro.get(f"/sale/user-ratings/{rating['id']}", headers=BETA).json()
    assert beta["editedAt"] == shown["editedAt"] and beta["firstNegativeReviewInLast30Days"] is False
    assert beta["justifications"] == [{"text": "Produkt uszkodzony", "visibleForBuyer": True},
                                      {"text": "Dla sprzedającego", "visibleForBuyer": False}]
    # Negative again: the removal window counts from this change.
    advance(targ, allegro, "P1D")
    again = http.patch(f"/__targ/buyer/ratings/{rating['id']}", json={"recommended": False}).json()["rating"]
    assert again["removal"] == {"possibleTo": _plus_days(again["editedAt"], 30)}
    buyer_view = http.get(f"/__targ/buyer/ratings/{rating['id']}").json()
    assert buyer_view["rating"] == again and buyer_view["removedBy"] is None
    assert buyer_view["justifications"] == [{"text": "Produkt uszkodzony", "visibleForBuyer": True}]


def _plus_days(stamp: str, days: int) -> str:
    from datetime import datetime, timedelta
    at = datetime.fromisoformat(stamp.replace("Z", "+00:00")) + timedelta(days=days)
    return at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


def test_change_refusals(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    rating = rate(http, order, True, comment="OK")
    unknown = "0" * 24
    assert admin_error(http.patch(f"/__targ/buyer/ratings/{unknown}", json={"recommended": False}), 404) == \
        "not_found"
    for body in ({}, {"recommended": None}, {"order": "x"}, {"rates": {}}, {"justifications": "x"}):
        assert admin_error(http.patch(f"/__targ/buyer/ratings/{rating['id']}", json=body), 400) == "bad_request"
    assert allegro.get(f"/sale/user-ratings/{rating['id']}").json() == rating


def test_withdrawn_rating_leaves_the_seller_and_counts_as_removed(http: httpx.Client, allegro: httpx.Client,
                                                                  offer: str, order: str) -> None:
    kept = rate(http, order, True)
    other = buy(http, offer, "kupujacy_piotr")
    deliver(http, allegro, other, "620000000000000000000003")
    gone = rate(http, other, False)
    withdrawn = http.post(f"/__targ/buyer/ratings/{gone['id']}/withdraw", json={"dueToCompensation": True})
    assert withdrawn.status_code == 200 and withdrawn.json()["removedBy"] == "BUYER_DUE_TO_COMPENSATION"
    assert ratings(allegro) == [kept]
    assert allegro.get(f"/sale/user-ratings/{gone['id']}").status_code == 404
    summary = allegro.get(f"/users/{allegro_seller(http)}/ratings-summary").json()
    assert summary["recommended"] == {"unique": 1, "total": 1}
    assert summary["notRecommended"] == {"unique": 0, "total": 0}
    assert summary["statistics"]["removed"] == {"total": 1, "byAdmin": 0, "byBuyer": 0,
                                                "byBuyerDueToCompensation": 1}
    assert summary["statistics"]["received"] == {"total": 2}
    # Withdrawn for good: neither changed, withdrawn again, nor rated anew.
    assert admin_error(http.patch(f"/__targ/buyer/ratings/{gone['id']}", json={"recommended": True}), 409) == \
        "rating_withdrawn"
    assert admin_error(http.post(f"/__targ/buyer/ratings/{gone['id']}/withdraw", json={}), 409) == \
        "rating_withdrawn"
    assert admin_error(http.post("/__targ/buyer/ratings", json={"checkoutFormId": other, "recommended": True}),
                       409) == "already_rated"
    assert http.get(f"/__targ/buyer/ratings/{gone['id']}").json()["removedBy"] == "BUYER_DUE_TO_COMPENSATION"
