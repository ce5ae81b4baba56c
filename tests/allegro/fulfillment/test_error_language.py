"""Errors raised deep in the fulfillment models carry message keys; the edge renders them in the request's
Accept-Language (English for en-US, Polish otherwise), while `message` stays English."""

from __future__ import annotations

import uuid

import httpx
import pytest
from fulfillment_helpers import ASN, complete_body, create, errors_of, send

from targ.testing import TargServer

ENGLISH_ITEMS = "An Advance Ship Notice needs at least one product item."
POLISH_ITEMS = "Awizo musi zawierać co najmniej jeden produkt."


@pytest.mark.parametrize(("header", "user_message"), [
    (None, POLISH_ITEMS),
    ("pl-PL", POLISH_ITEMS),
    ("en-US", ENGLISH_ITEMS),
    ("en-US,en;q=0.9", ENGLISH_ITEMS),
    ("uk-UA", POLISH_ITEMS),      # the fulfillment texts exist in English and Polish; other languages get Polish
])
def test_a_content_problem_is_rendered_in_the_request_language(allegro: httpx.Client, header: str | None,
                                                               user_message: str) -> None:
    """content.py's checker (a model, no request in sight) names the problem by key; the edge picks the text."""
    headers = {"Accept-Language": header} if header else {}
    [error] = errors_of(send(allegro, "POST", ASN, {"items": []}, **headers), 422)
    assert error == {"code": "VALIDATION_ERROR", "message": ENGLISH_ITEMS, "details": None, "path": "items",
                     "userMessage": user_message, "metadata": {}}


@pytest.mark.parametrize(("language", "user_message"), [
    ("pl-PL", "Awizo zostało zmienione przez kogoś innego. Pobierz je ponownie i wprowadź zmiany jeszcze raz."),
    ("en-US", "Advance Ship Notice {id} was modified (current version 1, If-Match 7). Get it again, take the etag "
              "and apply your changes once more."),
])
def test_a_state_error_with_parameters_is_rendered_in_the_request_language(
        allegro: httpx.Client, product: str, language: str, user_message: str) -> None:
    """asn.py's optimistic lock: the English text takes the notice id and both versions as parameters."""
    asn = create(allegro, complete_body(product)).json()
    resp = send(allegro, "PUT", f"{ASN}/{asn['id']}", complete_body(product, quantity=3),
                **{"If-Match": "7", "Accept-Language": language})
    [error] = errors_of(resp, 412)
    assert error["code"] == "CONCURRENT_MODIFICATION" and error["metadata"] == {"etag": "1"}
    assert error["message"] == ("Advance Ship Notice {id} was modified (current version 1, If-Match 7). Get it "
                                "again, take the etag and apply your changes once more.").format(id=asn["id"])
    assert error["userMessage"] == user_message.format(id=asn["id"])


def test_a_state_error_in_polish_names_the_display_number(allegro: httpx.Client, product: str) -> None:
    """The two texts of one key may use different parameters: Polish names the notice by its display number."""
    asn = create(allegro, complete_body(product)).json()
    resp = send(allegro, "PUT", f"{ASN}/{asn['id']}/cancel", **{"Accept-Language": "pl-PL"})
    [error] = errors_of(resp, 422)
    assert error["message"] == f"Advance Ship Notice {asn['id']} is DRAFT; this operation needs IN_TRANSIT."
    assert error["userMessage"] == f"Awizo {asn['displayNumber']} ma status DRAFT; ta operacja wymaga statusu " \
                                   "IN_TRANSIT."


def test_a_submit_command_writes_its_errors_in_the_language_it_was_given(
        targ: TargServer, allegro: httpx.Client, product: str) -> None:
    """The job runs after the request: it writes the userMessages in the language the PUT asked for, and reading
    the command later in another language does not change them."""
    asn = create(allegro, {"items": [{"product": {"id": product}, "quantity": 1}]}).json()
    command_id = str(uuid.uuid4())
    resp = send(allegro, "PUT", f"/fulfillment/submit-commands/{command_id}",
                {"input": {"advanceShipNoticeId": asn["id"]}}, **{"Accept-Language": "en-US"})
    assert resp.status_code == 201, resp.text
    targ.clock.advance("PT5S")
    got = allegro.get(f"/fulfillment/submit-commands/{command_id}", headers={"Accept-Language": "pl-PL"}).json()
    assert got["output"]["status"] == "FAILED"
    first = got["output"]["errors"][0]
    assert first["code"] == "COMMAND_FAILED"
    assert first["userMessage"] == first["message"] == f"{first['path']} is required to submit."

