"""The story through plain HTTP: a delivered order, the buyer's negative rating, the seller reads and answers it and
asks for its removal, the buyer sees both and withdraws it; the ratings summary agrees at every step. Coverage
shows the four operations on state."""

from __future__ import annotations

from typing import Any

import httpx
from ratings_helpers import BETA, SEND, advance, buy, now, ratings, ship

from targ.testing import TargServer

OPERATIONS = {"getUserRatingsUsingGET", "getUserRatingUsingGET", "answerUserRatingUsingPUT",
              "userRatingRemovalUsingPUT"}


def _summary(allegro: httpx.Client, seller: str) -> dict[str, Any]:
    resp = allegro.get(f"/users/{seller}/ratings-summary")
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def test_buyer_rates_seller_answers_and_asks_removal_buyer_withdraws(targ: TargServer, http: httpx.Client,
                                                                     allegro: httpx.Client, demo: dict[str, Any],
                                                                     offer: str) -> None:
    order_id = buy(http, offer, "kupujacy_marek")
    ship(allegro, order_id, "620000000000000000000777")
    advance(targ, allegro, "P3D")      # the carrier delivers: a step a day
    rated = http.post("/__targ/buyer/ratings", json={
        "checkoutFormId": order_id, "recommended": False, "comment": "Kubek przyszedł stłuczony",
        "justifications": [{"text": "Produkt uszkodzony"}]})
    assert rated.status_code == 201, rated.text
    rating_id = rated.json()["rating"]["id"]
    assert _summary(allegro, demo["sellerId"])["notRecommended"] == {"unique": 1, "total": 1}

    # The seller reads it (both media types), answers and asks the buyer to remove it.
    [listed] = ratings(allegro, recommended="false")
    assert listed == rated.json()["rating"] and listed["removal"]["possibleTo"] > now(http)
    [beta] = allegro.get("/sale/user-ratings", headers=BETA).json()["ratings"]
    assert beta["firstNegativeReviewInLast30Days"] is True
    advance(targ, allegro, "PT2H")
    answered = allegro.put(f"/sale/user-ratings/{rating_id}/answer",
                           json={"message": "Przepraszamy, wyślemy nowy kubek."}, headers=SEND)
    assert answered.status_code == 201, answered.text
    removal = allegro.put(f"/sale/user-ratings/{rating_id}/removal",
                          json={"request": {"message": "Wysłaliśmy nowy kubek, prosimy o usunięcie oceny."}},
                          headers=SEND)
    assert removal.status_code == 201, removal.text

    # The buyer sees the answer and the request, and withdraws the rating.
    seen = http.get(f"/__targ/buyer/ratings/{rating_id}").json()
    assert seen["rating"]["answer"] == answered.json() and seen["rating"]["removal"] == removal.json()
    advance(targ, allegro, "P1D")
    assert http.post(f"/__targ/buyer/ratings/{rating_id}/withdraw", json={}).json()["removedBy"] == "BUYER"
    assert ratings(allegro) == []
    summary = _summary(allegro, demo["sellerId"])
    assert summary["notRecommended"] == {"unique": 0, "total": 0}
    assert summary["statistics"]["removed"]["byBuyer"] == 1


def test_coverage_shows_the_ratings_on_state(http: httpx.Client) -> None:
    ops = {o["operationId"]: o["backing"] for o in http.get("/__targ/coverage").json()["operations"]
           if o["vendor"] == "allegro" and o["operationId"] in OPERATIONS}
    assert ops == dict.fromkeys(OPERATIONS, "stateful")
