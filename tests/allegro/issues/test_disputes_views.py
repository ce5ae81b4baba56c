"""`GET /sale/disputes*`: disputes only (claims are issues, not disputes), the dispute's status from the issue's,
the spec's filters and paging, the subject in the request's language, the public media type; another seller's and
unknown ids."""

from __future__ import annotations

from typing import Any

import httpx
from issues_helpers import (
    BETA,
    PUBLIC,
    SEND_PUBLIC,
    buy,
    claim,
    dispute,
    dispute_messages,
    dispute_view,
    disputes,
    errors,
    issue,
    issues,
)

from targ.testing import TargServer

UNKNOWN = "5d1f8a5e-0000-4000-8000-000000000000"


def test_claims_are_not_disputes(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    """#11998 (staff): claims only in /sale/issues; #11925: the deprecated resources do not handle claims."""
    claimed, disputed = claim(http, order), dispute(http, order)
    assert [i["id"] for i in issues(allegro)] == [disputed["id"], claimed["id"]]
    assert [d["id"] for d in disputes(allegro)] == [disputed["id"]]
    assert disputes(allegro, **{"checkoutForm.id": order}) == [dispute_view(allegro, disputed["id"])]
    for resp in (allegro.get(f"/sale/disputes/{claimed['id']}", headers=PUBLIC),
                 allegro.get(f"/sale/disputes/{claimed['id']}/messages", headers=PUBLIC),
                 allegro.post(f"/sale/disputes/{claimed['id']}/messages", json={"text": "x", "type": "REGULAR"},
                              headers=SEND_PUBLIC)):
        assert resp.status_code == 404, resp.text
        assert errors(resp)[0]["code"] == "NOT_FOUND"
        assert errors(resp)[0]["message"] == f"Dispute {claimed['id']} not found"
    assert issue(allegro, claimed["id"])["chat"]["messagesCount"] == 1


def test_status_follows_the_issue_and_filters(http: httpx.Client, allegro: httpx.Client, offer: str,
                                              order: str) -> None:
    ongoing = dispute(http, order)
    closed = dispute(http, buy(http, offer, "kupujacy_jan"), text="Pytanie o fakturę")
    assert http.post(f"/__targ/buyer/issues/{closed['id']}/close").status_code == 200
    assert issue(allegro, closed["id"])["currentState"]["status"] == "DISPUTE_CLOSED"
    assert dispute_view(allegro, closed["id"])["status"] == "CLOSED"
    assert dispute_view(allegro, ongoing["id"])["status"] == "ONGOING"
    assert [d["id"] for d in disputes(allegro, status="CLOSED")] == [closed["id"]]
    assert [d["id"] for d in disputes(allegro, status="ONGOING")] == [ongoing["id"]]
    assert disputes(allegro, status="UNRESOLVED") == []
    assert {d["id"] for d in disputes(allegro, status=["ONGOING", "CLOSED"])} == {ongoing["id"], closed["id"]}
    assert [d["id"] for d in disputes(allegro, **{"checkoutForm.id": order})] == [ongoing["id"]]
    assert disputes(allegro, **{"checkoutForm.id": UNKNOWN}) == []


def test_list_pages_newest_opened_first(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                        order: str) -> None:
    opened = []
    for text in ("Pierwsze", "Drugie", "Trzecie"):
        opened.append(dispute(http, order, text=text))
        targ.clock.advance("PT1H")
    newest_first = [d["id"] for d in reversed(opened)]
    assert [d["id"] for d in disputes(allegro)] == newest_first
    assert [d["id"] for d in disputes(allegro, offset=1, limit=1)] == newest_first[1:2]
    assert [d["id"] for d in disputes(allegro, offset=2, limit=100)] == newest_first[2:]
    assert disputes(allegro, offset=3) == []


def test_bad_parameters_name_the_parameter(allegro: httpx.Client, http: httpx.Client, order: str) -> None:
    opened = dispute(http, order)
    for params, name in (({"limit": 0}, "limit"), ({"limit": 101}, "limit"), ({"offset": -1}, "offset"),
                         ({"status": "DISPUTE_ONGOING"}, "status"), ({"checkoutForm.id": "zamowienie-1"},
                                                                     "checkoutForm.id")):
        resp = allegro.get("/sale/disputes", params=params, headers=PUBLIC)
        assert resp.status_code == 422, (params, resp.text)   # the list declares 422
        assert errors(resp)[0]["code"] == "VALIDATION_ERROR" and name in errors(resp)[0]["path"], params
    for params in ({"limit": 0}, {"limit": 101}, {"offset": -1}):
        resp = allegro.get(f"/sale/disputes/{opened['id']}/messages", params=params, headers=PUBLIC)
        assert resp.status_code == 400, (params, resp.text)   # declares neither 400 nor 422: 400
        assert errors(resp)[0]["code"] == "VALIDATION_ERROR"


def test_subject_in_the_request_language(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    opened = dispute(http, order)
    assert dispute_view(allegro, opened["id"])["subject"] == {"name": "nie otrzymałem towaru po wpłacie"}
    english = dispute_view(allegro, opened["id"], **{"Accept-Language": "en-US"})
    assert english["subject"] == {"name": "I did not receive the goods after payment"}
    assert english["subject"]["name"] == issue(allegro, opened["id"], **{"Accept-Language": "en-US"})["subject"]


def test_public_media_type_as_the_spec_declares(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    opened = dispute(http, order)
    resp = allegro.get(f"/sale/disputes/{opened['id']}", headers=PUBLIC)
    assert resp.headers["content-type"].startswith("application/vnd.allegro.public.v1+json")
    for path in ("/sale/disputes", f"/sale/disputes/{opened['id']}", f"/sale/disputes/{opened['id']}/messages"):
        assert allegro.get(path, headers=BETA).status_code == 406, path


def test_another_sellers_dispute_and_unknown_ids(http: httpx.Client, allegro: httpx.Client, order: str,
                                                 other: tuple[str, httpx.Client]) -> None:
    opened = dispute(http, order)
    _, client = other
    assert client.get("/sale/disputes", headers=PUBLIC).json() == {"disputes": []}
    for resp in (client.get(f"/sale/disputes/{opened['id']}", headers=PUBLIC),
                 client.get(f"/sale/disputes/{opened['id']}/messages", headers=PUBLIC),
                 client.post(f"/sale/disputes/{opened['id']}/messages", json={"text": "x", "type": "REGULAR"},
                             headers=SEND_PUBLIC)):
        assert resp.status_code == 403, resp.text
        assert errors(resp)[0]["code"] == "AccessDenied"
    for resp in (allegro.get(f"/sale/disputes/{UNKNOWN}", headers=PUBLIC),
                 allegro.get(f"/sale/disputes/{UNKNOWN}/messages", headers=PUBLIC),
                 allegro.post(f"/sale/disputes/{UNKNOWN}/messages", json={"text": "x", "type": "REGULAR"},
                              headers=SEND_PUBLIC)):
        assert resp.status_code == 404 and errors(resp)[0]["message"] == f"Dispute {UNKNOWN} not found"
    assert len(dispute_messages(allegro, opened["id"])) == 1


def test_coverage_shows_them_stateful(http: httpx.Client) -> None:
    rows: list[dict[str, Any]] = http.get("/__targ/coverage").json()["operations"]
    wanted = {r["operationId"]: r for r in rows if r["path"].startswith(("/sale/disputes", "/sale/dispute-"))}
    assert len(wanted) == 7
    assert {r["backing"] for r in wanted.values()} == {"stateful"}
    assert wanted["getDisputeUsingGET"]["module"] == "targ.allegro.issues.operations.disputes"
    assert wanted["getAttachmentUsingGET"]["module"] == "targ.allegro.issues.operations.dispute_attachments"
