"""The seller's decision on a claim, `POST /sale/issues/{id}/status`: the vendor's allowed transitions (#12428), a
partial refund within what was paid, and the 14-day deadline on the virtual clock; refusals change nothing."""

from __future__ import annotations

from typing import Any

import httpx
from issues_helpers import BETA, SEND, advance, chat, claim, dispute, errors, issue

from targ.testing import TargServer


def _decide(allegro: httpx.Client, issue_id: str, status: str, message: str = "Decyzja",
            **extra: Any) -> httpx.Response:
    return allegro.post(f"/sale/issues/{issue_id}/status", json={"status": status, "message": message, **extra},
                        headers=SEND)


def test_accepting_a_claim_shows_in_its_state_and_chat(http: httpx.Client, allegro: httpx.Client,
                                                      order: str) -> None:
    opened = claim(http, order)
    resp = _decide(allegro, opened["id"], "ACCEPTED_PARTIAL_REFUND", "Zwracam 5 zł",
                   partialRefund={"amount": "5.00", "currency": "PLN"})
    assert resp.status_code == 200, resp.text
    seen = issue(allegro, opened["id"])
    assert seen["currentState"]["status"] == "CLAIM_ACCEPTED"
    assert seen["currentState"]["statusDueDate"] is None
    assert seen["decisionDueDate"] == opened["decisionDueDate"]
    assert chat(allegro, opened["id"])[-1]["text"] == "Zwracam 5 zł"
    assert seen["chat"]["lastMessage"]["status"] == "SELLER_REPLIED"
    assert [i["id"] for i in allegro.get("/sale/issues", params={"status": "CLAIM_ACCEPTED"},
                                         headers=BETA).json()["issues"]] == [opened["id"]]


def test_allowed_transitions(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    # #12428: after a decision only an acceptance: accepted → another acceptance, rejected → acceptance.
    rejected = claim(http, order)["id"]
    assert _decide(allegro, rejected, "REJECTED_MINOR_DEFECT").status_code == 200
    assert issue(allegro, rejected)["currentState"]["status"] == "CLAIM_REJECTED"
    assert _decide(allegro, rejected, "REJECTED_OTHER").status_code == 400
    assert _decide(allegro, rejected, "ACCEPTED_REPAIR").status_code == 200
    assert issue(allegro, rejected)["currentState"]["status"] == "CLAIM_ACCEPTED"
    assert _decide(allegro, rejected, "ACCEPTED_EXCHANGE").status_code == 200
    resp = _decide(allegro, rejected, "REJECTED_PRODUCT_NOT_RETURNED")
    assert resp.status_code == 400 and errors(resp)[0]["code"] == "BAD_REQUEST"
    assert _decide(allegro, rejected, "ACCEPTED_EXCHANGE").status_code == 400    # no change
    assert issue(allegro, rejected)["currentState"]["status"] == "CLAIM_ACCEPTED"
    assert len(chat(allegro, rejected)) == 4


def test_bad_decisions_name_the_field_and_change_nothing(http: httpx.Client, allegro: httpx.Client,
                                                         order: str) -> None:
    opened = claim(http, order)["id"]
    disputed = dispute(http, order)["id"]
    cases: list[tuple[str, dict[str, Any], int, str | None]] = [
        (opened, {"status": "ACCEPTED_PARTIAL_REFUND", "message": "x"}, 400, "partialRefund"),
        (opened, {"status": "ACCEPTED_PARTIAL_REFUND", "message": "x",
                  "partialRefund": {"amount": "100000.00", "currency": "PLN"}}, 400, "partialRefund"),
        (opened, {"status": "ACCEPTED_PARTIAL_REFUND", "message": "x",
                  "partialRefund": {"amount": "1.00", "currency": "EUR"}}, 400, "partialRefund"),
        (opened, {"status": "ACCEPTED_REFUND", "message": "x",
                  "partialRefund": {"amount": "1.00", "currency": "PLN"}}, 400, "partialRefund"),
        (opened, {"status": "ACCEPTED_REFUND", "message": "  "}, 400, "message"),
        (opened, {"status": "ACCEPTED_REFUND"}, 400, "message"),     # the only 4xx it declares
        (opened, {"status": "MAYBE", "message": "x"}, 400, "status"),
        (disputed, {"status": "ACCEPTED_REFUND", "message": "x"}, 400, None),   # not for disputes
    ]
    for issue_id, body, status, path in cases:
        resp = allegro.post(f"/sale/issues/{issue_id}/status", json=body, headers=SEND)
        assert resp.status_code == status, (body, resp.text)
        assert errors(resp)[0].get("path") == path, body
    assert issue(allegro, opened)["currentState"]["status"] == "CLAIM_SUBMITTED"
    assert len(chat(allegro, opened)) == 1 and len(chat(allegro, disputed)) == 1


def test_claim_unanswered_by_its_deadline_is_accepted(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                                      order: str) -> None:
    opened = claim(http, order)
    advance(targ, allegro, "P13D")
    assert issue(allegro, opened["id"])["currentState"]["status"] == "CLAIM_SUBMITTED"
    advance(targ, allegro, "P2D")
    http.post("/__targ/jobs/drain")
    seen = issue(allegro, opened["id"])
    assert seen["currentState"]["status"] == "CLAIM_ACCEPTED" and seen["currentState"]["statusDueDate"] is None
    note = chat(allegro, opened["id"])[-1]
    assert note["author"] == {"role": "SYSTEM"} and note["createdAt"] == opened["decisionDueDate"]
    assert "14" in note["text"]
    # The seller may still accept in another way, but no longer reject (#12428).
    assert _decide(allegro, opened["id"], "REJECTED_OTHER").status_code == 400
    assert _decide(allegro, opened["id"], "ACCEPTED_REPAIR").status_code == 200


def test_another_sellers_claim_and_unknown_ids(http: httpx.Client, allegro: httpx.Client, order: str,
                                               other: tuple[str, httpx.Client]) -> None:
    opened = claim(http, order)["id"]
    _, client = other
    resp = client.post(f"/sale/issues/{opened}/status", json={"status": "REJECTED_OTHER", "message": "x"},
                       headers={"Content-Type": BETA["Accept"]})
    assert resp.status_code == 403 and errors(resp)[0]["code"] == "AccessDenied"
    assert _decide(allegro, "5d1f8a5e-0000-4000-8000-000000000000", "REJECTED_OTHER").status_code == 404
    assert issue(allegro, opened)["currentState"]["status"] == "CLAIM_SUBMITTED"
