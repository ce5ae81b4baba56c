"""The buyer opens a dispute or a claim (admin API); the seller's `GET /sale/issues` and `GET /sale/issues/{id}`
show it, with the spec's filters and paging; refusals change nothing."""

from __future__ import annotations

from typing import Any

import httpx
from issues_helpers import BETA, admin_error, buy, claim, dispute, errors, issue, issues, now


def test_dispute_opened_by_the_buyer_shows_up_for_the_seller(http: httpx.Client, allegro: httpx.Client,
                                                             order: str) -> None:
    opened = dispute(http, order, description="Zwrot 27 zł")
    at = now(http)
    form = allegro.get(f"/order/checkout-forms/{order}").json()
    assert opened["type"] == "DISPUTE" and opened["openedDate"] == at
    assert opened["checkoutForm"] == {"id": order, "createdAt": form["lineItems"][0]["boughtAt"]}
    assert opened["buyer"] == {"id": form["buyer"]["id"], "login": "kupujacy_anna"}
    assert opened["currentState"] == {"status": "DISPUTE_ONGOING", "statusDueDate": None, "returnRequired": None,
                                      "chatActive": True}
    assert (opened["referenceNumber"], opened["decisionDueDate"], opened["reason"], opened["right"]) == (None,) * 4
    assert opened["expectations"] == [] and opened["description"] == "Zwrot 27 zł"
    assert opened["subject"] == "nie otrzymałem towaru po wpłacie"     # Polish unless asked otherwise
    first = opened["chat"]["initialMessage"]
    assert first["text"] == "Gdzie jest moja paczka?" and first["createdAt"] == at
    assert first["author"] == {"login": "kupujacy_anna", "role": "BUYER"}
    assert opened["chat"]["lastMessage"] == {"createdAt": at, "status": "NEW"}
    assert opened["chat"]["messagesCount"] == 1
    assert issue(allegro, opened["id"]) == opened
    assert issues(allegro) == [opened]
    english = issue(allegro, opened["id"], **{"Accept-Language": "en-US"})
    assert english["subject"] == "I did not receive the goods after payment"


def test_claim_has_its_reference_number_reason_and_14_day_deadline(http: httpx.Client, allegro: httpx.Client,
                                                                   offer: str, order: str) -> None:
    opened = claim(http, order, offerId=offer, description="Pęknięta obudowa",
                   expectations=[{"name": "PARTIAL_REFUND", "amount": "5.00"}, {"name": "REPAIR"}])
    at = now(http)
    assert opened["type"] == "CLAIM" and opened["right"] == "WARRANTY"
    assert opened["referenceNumber"] == f"1/{at[:4]}"
    assert opened["reason"] == {"type": "ITEM_IS_DAMAGED", "description": "Pęknięta obudowa"}
    assert opened["offer"] == {"id": offer, "quantity": 1}
    assert opened["expectations"] == [{"name": "PARTIAL_REFUND", "refund": {"amount": "5.00", "currency": "PLN"}},
                                      {"name": "REPAIR", "refund": None}]
    # The end of the 14th day after opening, in Poland (#12340).
    due = opened["decisionDueDate"]
    assert due == opened["currentState"]["statusDueDate"]
    assert due[11:] in ("21:59:59.000Z", "22:59:59.000Z")
    assert opened["currentState"]["status"] == "CLAIM_SUBMITTED"
    assert issue(allegro, opened["id"]) == opened
    assert claim(http, order)["referenceNumber"] == f"2/{at[:4]}"


def test_list_filters_and_pages_newest_first(targ: Any, http: httpx.Client, allegro: httpx.Client, offer: str,
                                             order: str) -> None:
    other_order = buy(http, offer, "kupujacy_jan")
    first = dispute(http, order)
    targ.clock.advance("PT1H")
    allegro.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"
    second = claim(http, other_order)
    targ.clock.advance("PT1H")
    allegro.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"
    third = claim(http, order)
    ids = [i["id"] for i in issues(allegro)]
    assert ids == [third["id"], second["id"], first["id"]]
    assert [i["id"] for i in issues(allegro, limit=1, offset=1)] == [second["id"]]
    assert [i["id"] for i in issues(allegro, **{"checkoutForm.id": order})] == [third["id"], first["id"]]
    assert [i["id"] for i in issues(allegro, status="DISPUTE_ONGOING")] == [first["id"]]
    both = allegro.get("/sale/issues", params=[("status", "DISPUTE_ONGOING"), ("status", "CLAIM_SUBMITTED")],
                       headers=BETA)
    assert [i["id"] for i in both.json()["issues"]] == ids
    assert issues(allegro, status="CLAIM_ACCEPTED") == []


def test_bad_list_parameters_name_the_parameter(allegro: httpx.Client) -> None:
    for params, name in (({"limit": 101}, "limit"), ({"offset": -1}, "offset"), ({"status": "OPEN"}, "status"),
                         ({"checkoutForm.id": "nope"}, "checkoutForm.id")):
        resp = allegro.get("/sale/issues", params=params, headers=BETA)
        assert resp.status_code == 422, (params, resp.text)
        assert errors(resp)[0]["path"] == name


def test_refusals_change_nothing(http: httpx.Client, allegro: httpx.Client, offer: str, order: str) -> None:
    unpaid = buy(http, offer, "kupujacy_ola", pay=False)
    base = {"checkoutFormId": order, "type": "CLAIM", "reason": "ITEM_IS_DAMAGED", "text": "x", "right": "WARRANTY",
            "expectations": [{"name": "REFUND"}]}
    cases: list[tuple[dict[str, Any], int, str]] = [
        ({**base, "checkoutFormId": "00000000-0000-4000-8000-000000000000"}, 404, "not_found"),
        ({**base, "checkoutFormId": unpaid}, 409, "not_paid"),
        ({**base, "type": "QUESTION"}, 400, "bad_request"),
        ({**base, "reason": "BORED"}, 400, "bad_request"),
        ({**base, "text": "  "}, 400, "bad_request"),
        ({**base, "right": None}, 400, "bad_request"),
        ({**base, "expectations": []}, 400, "bad_request"),
        ({**base, "expectations": [{"name": "PARTIAL_REFUND", "amount": "100000.00"}]}, 400, "bad_request"),
        ({**base, "expectations": [{"name": "REFUND", "amount": "1.00"}]}, 400, "bad_request"),
        ({**base, "offerId": "1"}, 400, "bad_request"),
        ({**base, "offerId": offer, "quantity": 2}, 400, "bad_request"),
        ({**base, "type": "DISPUTE"}, 400, "bad_request"),     # right and expectations are for claims
        ({**base, "colour": "red"}, 400, "bad_request"),
    ]
    for body, status, key in cases:
        resp = http.post("/__targ/buyer/issues", json=body)
        assert admin_error(resp, status) == key, body
    assert issues(allegro) == []


def test_another_sellers_issue_and_unknown_ids(http: httpx.Client, allegro: httpx.Client, order: str,
                                               other: tuple[str, httpx.Client]) -> None:
    opened = dispute(http, order)
    _, client = other
    assert client.get("/sale/issues").json() == {"issues": []}
    resp = client.get(f"/sale/issues/{opened['id']}")
    assert resp.status_code == 403 and errors(resp)[0]["code"] == "AccessDenied"
    unknown = "5d1f8a5e-0000-4000-8000-000000000000"
    resp = allegro.get(f"/sale/issues/{unknown}", headers=BETA)
    assert resp.status_code == 404
    assert errors(resp)[0]["code"] == "NOT_FOUND" and unknown in errors(resp)[0]["message"]
    assert http.get(f"/__targ/buyer/issues/{unknown}").status_code == 404
