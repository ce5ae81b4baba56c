"""The seller's API: the list with its filters and paging, one rating in both media types, the answer (once, its
limits), the removal request (negative only, once, before `possibleTo`), another seller's and unknown ratings."""

from __future__ import annotations

from typing import Any

import httpx
from ratings_helpers import (
    ALLEGRO_BETA,
    BETA,
    SEND,
    admin_error,
    advance,
    buy,
    deliver,
    errors,
    now,
    rate,
    ratings,
    second_seller,
)

from targ.testing import TargServer


def _rated(http: httpx.Client, allegro: httpx.Client, offer: str, n: int, recommended: bool) -> dict[str, Any]:
    order_id = buy(http, offer, f"kupujacy_{n}")
    deliver(http, allegro, order_id, f"62000000000000000000{n:04d}")
    return rate(http, order_id, recommended)


def test_list_newest_change_first_with_filters_and_paging(targ: TargServer, http: httpx.Client,
                                                          allegro: httpx.Client, offer: str) -> None:
    given = []
    for n, recommended in enumerate((True, False, True, True, False)):
        given.append(_rated(http, allegro, offer, n, recommended))
        advance(targ, allegro, "PT1H")
    listed = ratings(allegro)
    assert [r["id"] for r in listed] == [r["id"] for r in reversed(given)]
    # The buyer's change moves a rating to the top; the seller's answer does not.
    allegro.put(f"/sale/user-ratings/{given[3]['id']}/answer", json={"message": "Dziękujemy"}, headers=SEND)
    changed = http.patch(f"/__targ/buyer/ratings/{given[1]['id']}", json={"comment": "Jednak w porządku"})
    assert changed.status_code == 200, changed.text
    order = [given[i]["id"] for i in (1, 4, 3, 2, 0)]
    assert [r["id"] for r in ratings(allegro)] == order
    assert [r["id"] for r in ratings(allegro, recommended="false")] == [given[1]["id"], given[4]["id"]]
    assert [r["id"] for r in ratings(allegro, recommended="true")] == [given[i]["id"] for i in (3, 2, 0)]
    assert [r["id"] for r in ratings(allegro, limit=2, offset=1)] == order[1:3]
    assert ratings(allegro, offset=5) == []
    # lastChangedAt bounds are inclusive.
    third = given[2]["lastChangedAt"]
    assert [r["id"] for r in ratings(allegro, **{"lastChangedAt.lte": third})] == [given[2]["id"], given[0]["id"]]
    assert [r["id"] for r in ratings(allegro, **{"lastChangedAt.gte": third, "lastChangedAt.lte": third})] == \
        [given[2]["id"]]
    assert [r["id"] for r in ratings(allegro, **{"lastChangedAt.gte": now(http)})] == [given[1]["id"]]


def test_list_bad_parameters_name_the_parameter(allegro: httpx.Client) -> None:
    for params, name in (({"limit": 101}, "limit"), ({"limit": 0}, "limit"), ({"offset": 20001}, "offset"),
                         ({"recommended": "yes"}, "recommended"), ({"lastChangedAt.gte": "wczoraj"},
                                                                   "lastChangedAt.gte")):
        resp = allegro.get("/sale/user-ratings", params=params)
        # The operation declares neither 400 nor 422: a bad parameter is the pipeline's 400.
        assert resp.status_code == 400, (params, resp.text)
        assert [(e["code"], e["path"]) for e in errors(resp)] == [("VALIDATION_ERROR", name)]


def test_beta_media_type_shape(http: httpx.Client, allegro: httpx.Client, order: str, offer: str) -> None:
    rating = rate(http, order, False, comment="Nie polecam", justifications=[{"text": "Długa wysyłka"}])
    second = _rated(http, allegro, offer, 7, False)
    resp = allegro.get("/sale/user-ratings", headers=BETA)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith(ALLEGRO_BETA)
    newest, oldest = resp.json()["ratings"]
    assert (newest["id"], oldest["id"]) == (second["id"], rating["id"])
    assert oldest["comment"] == {"text": "Nie polecam", "language": "pl"} and "rates" not in oldest
    assert oldest["justifications"] == [{"text": "Długa wysyłka", "visibleForBuyer": True}]
    assert oldest["order"] == rating["order"] and oldest["removal"] == rating["removal"]
    assert "excludedFromAverageRates" not in oldest and "exclusion" not in oldest
    # Both negative and given the same instant: only the first is the first negative of the last 30 days.
    assert (oldest["firstNegativeReviewInLast30Days"], newest["firstNegativeReviewInLast30Days"]) == (True, False)
    one = allegro.get(f"/sale/user-ratings/{rating['id']}", headers=BETA)
    assert one.status_code == 200 and one.json() == oldest


def test_answer_once(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    rating = rate(http, order, False, comment="Źle zapakowane")
    answered = allegro.put(f"/sale/user-ratings/{rating['id']}/answer", json={"message": "Przepraszamy!"},
                           headers=SEND)
    assert answered.status_code == 201 and answered.headers["content-type"].startswith(SEND["Content-Type"])
    assert answered.json() == {"createdAt": now(http), "message": "Przepraszamy!"}
    shown = allegro.get(f"/sale/user-ratings/{rating['id']}").json()
    assert shown["answer"] == answered.json() and shown["lastChangedAt"] == rating["lastChangedAt"]
    beta = allegro.get(f"/sale/user-ratings/{rating['id']}", headers=BETA).json()
    assert beta["answer"] == {"createdAt": now(http), "text": "Przepraszamy!", "language": "pl"}
    again = allegro.put(f"/sale/user-ratings/{rating['id']}/answer", json={"message": "Jeszcze raz"}, headers=SEND)
    assert again.status_code == 400
    assert [e["code"] for e in errors(again)] == ["ERROR"]
    assert allegro.get(f"/sale/user-ratings/{rating['id']}").json()["answer"]["message"] == "Przepraszamy!"


def test_answer_bad_input(http: httpx.Client, allegro: httpx.Client, order: str) -> None:
    rating = rate(http, order, True)
    url = f"/sale/user-ratings/{rating['id']}/answer"
    for body, path in (({"message": "x" * 501}, "message"), ({}, "message"), ({"message": "   "}, "message"),
                       ({"message": None}, "message")):
        resp = allegro.put(url, json=body, headers=SEND)
        assert resp.status_code == 400, (body, resp.text)
        assert [(e["code"], e["path"]) for e in errors(resp)] == [("VALIDATION_ERROR", path)], body
    # A carriage return: the vendor's bare "Bad Request" (allegro-api #10801).
    resp = allegro.put(url, json={"message": "Dziękujemy\r\nZapraszamy"}, headers=SEND)
    assert resp.status_code == 400
    assert [(e["code"], e["message"], e["userMessage"]) for e in errors(resp)] == \
        [("ERROR", "Bad Request", "Bad Request")]
    # 500 characters is the limit, not over it; media types as the spec declares them.
    assert allegro.put(url, json={"message": "x" * 500}, headers={"Content-Type": "application/json"}).status_code \
        == 415
    assert allegro.put(url, json={"message": "x" * 500}, headers={**SEND, **BETA}).status_code == 406
    assert "answer" not in allegro.get(f"/sale/user-ratings/{rating['id']}").json()
    assert allegro.put(url, json={"message": "x" * 500}, headers=SEND).status_code == 201


def test_removal_request_of_a_negative_rating(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                              order: str) -> None:
    rating = rate(http, order, False, comment="Nie dotarło na czas")
    advance(targ, allegro, "P3D")
    url = f"/sale/user-ratings/{rating['id']}/removal"
    resp = allegro.put(url, json={"request": {"message": "Paczka dotarła, prosimy o usunięcie oceny."}}, headers=SEND)
    assert resp.status_code == 201, resp.text
    assert resp.json() == {"possibleTo": rating["removal"]["possibleTo"],
                           "request": {"createdAt": now(http), "source": "SELLER",
                                       "message": "Paczka dotarła, prosimy o usunięcie oceny."}}
    assert allegro.get(f"/sale/user-ratings/{rating['id']}").json()["removal"] == resp.json()
    beta = allegro.get(f"/sale/user-ratings/{rating['id']}", headers=BETA).json()
    assert beta["removal"]["request"] == {**resp.json()["request"], "language": "pl"}
    # The buyer sees the request; once only.
    assert http.get(f"/__targ/buyer/ratings/{rating['id']}").json()["rating"]["removal"] == resp.json()
    again = allegro.put(url, json={"request": {"message": "Ponownie"}}, headers=SEND)
    assert again.status_code == 400 and [e["code"] for e in errors(again)] == ["ERROR"]
    assert allegro.get(f"/sale/user-ratings/{rating['id']}").json()["removal"] == resp.json()


def test_removal_refusals(targ: TargServer, http: httpx.Client, allegro: httpx.Client, offer: str,
                          order: str) -> None:
    positive = rate(http, order, True)
    resp = allegro.put(f"/sale/user-ratings/{positive['id']}/removal", json={"request": {"message": "Proszę"}},
                       headers=SEND)
    assert resp.status_code == 400 and [e["code"] for e in errors(resp)] == ["ERROR"]
    negative = _rated(http, allegro, offer, 8, False)
    url = f"/sale/user-ratings/{negative['id']}/removal"
    for body, path in (({}, "request"), ({"request": {}}, "request.message"),
                       ({"request": {"message": "x" * 501}}, "request.message"),
                       ({"request": {"message": " "}}, "request.message")):
        bad = allegro.put(url, json=body, headers=SEND)
        assert bad.status_code == 400, (body, bad.text)
        assert [(e["code"], e["path"]) for e in errors(bad)] == [("VALIDATION_ERROR", path)], body
    # Too late: `possibleTo` is 30 days after the rating was given.
    advance(targ, allegro, "P30DT1S")
    late = allegro.put(url, json={"request": {"message": "Proszę"}}, headers=SEND)
    assert late.status_code == 400 and [e["code"] for e in errors(late)] == ["ERROR"]
    assert allegro.get(f"/sale/user-ratings/{negative['id']}").json()["removal"] == negative["removal"]


def _not_found_everywhere(client: httpx.Client, rating_id: str) -> None:
    for resp in (client.get(f"/sale/user-ratings/{rating_id}"),
                 client.put(f"/sale/user-ratings/{rating_id}/answer", json={"message": "Hej"}, headers=SEND),
                 client.put(f"/sale/user-ratings/{rating_id}/removal", json={"request": {"message": "Hej"}},
                            headers=SEND)):
        assert resp.status_code == 404, resp.text
        assert [(e["code"], e["message"]) for e in errors(resp)] == [("NOT_FOUND", f"Rating {rating_id} not found.")]


def test_unknown_and_another_sellers_rating(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                            order: str) -> None:
    rating = rate(http, order, False)
    _not_found_everywhere(allegro, "5df0a6d1ef437e00255572a1")
    _, other = second_seller(http, targ.url)
    with other:
        _not_found_everywhere(other, rating["id"])
        assert other.get("/sale/user-ratings").json() == {"ratings": []}
    shown = allegro.get(f"/sale/user-ratings/{rating['id']}").json()
    assert "answer" not in shown and "request" not in shown["removal"]


def test_application_token_is_forbidden(targ: TargServer, allegro: httpx.Client) -> None:
    import base64
    demo = targ.demo
    basic = base64.b64encode(f"{demo['clientId']}:{demo['clientSecret']}".encode()).decode()
    token = httpx.post(f"{targ.url}/auth/oauth/token", data={"grant_type": "client_credentials"},
                       headers={"Authorization": f"Basic {basic}"}).json()["access_token"]
    resp = httpx.get(f"{targ.url}/sale/user-ratings", headers={"Authorization": f"Bearer {token}",
                                                               "Accept": "application/vnd.allegro.public.v1+json"})
    assert resp.status_code == 403 and errors(resp)[0]["code"] == "AccessDenied"


def test_refused_rating_admin_error_shape(http: httpx.Client) -> None:
    assert admin_error(http.get("/__targ/buyer/ratings/" + "f" * 24), 404) == "not_found"
