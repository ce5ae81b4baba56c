"""Submit commands through plain HTTP: the command-id rules and every way a submit can fail."""

from __future__ import annotations

import uuid

import httpx
from fulfillment_helpers import ASN, codes_of, complete_body, create, other_seller, send, submit

from targ.testing import TargServer

UNKNOWN = "6c2bcbe1-3040-4230-952a-6599da2f4b49"


def _outcome(targ: TargServer, client: httpx.Client, command_id: str) -> dict[str, object]:
    targ.clock.advance("PT5S")
    resp = client.get(f"/fulfillment/submit-commands/{command_id}")
    assert resp.status_code == 200, resp.text
    return resp.json()["output"]


def _codes(output: dict[str, object]) -> list[tuple[str, str | None]]:
    assert output["status"] == "FAILED"
    return [(e["code"], e["path"]) for e in output["errors"]]  # type: ignore[attr-defined]


def test_same_id_same_body_answers_the_command_as_it_stands(targ: TargServer, allegro: httpx.Client,
                                                           product: str) -> None:
    asn = create(allegro, complete_body(product)).json()
    command_id, first = submit(allegro, asn["id"])
    _, again = submit(allegro, asn["id"], command_id)
    assert again.status_code == 201 and again.json() == first.json()
    assert _outcome(targ, allegro, command_id) == {"status": "SUCCESSFUL", "errors": []}
    _, later = submit(allegro, asn["id"], command_id)            # a replay does not submit twice
    assert later.status_code == 201 and later.json()["output"]["status"] == "SUCCESSFUL"
    assert later.headers["location"].endswith(f"/fulfillment/submit-commands/{command_id}")
    with_output = send(allegro, "PUT", f"/fulfillment/submit-commands/{command_id}",
                       {"id": command_id, "input": {"advanceShipNoticeId": asn["id"]}, "output": {"status": "X"}})
    assert with_output.status_code == 201                       # the client's `output` is not content


def test_same_id_other_body_is_409(targ: TargServer, allegro: httpx.Client, product: str) -> None:
    asn = create(allegro, complete_body(product)).json()
    command_id, _ = submit(allegro, asn["id"])
    _, other = submit(allegro, UNKNOWN, command_id)
    assert codes_of(other, 409) == [("COMMAND_ALREADY_REGISTERED_WITH_DIFFERENT_CONTENT", None)]
    _, stranger = other_seller(targ, "stranger")
    with stranger:
        _, theirs = submit(stranger, asn["id"], command_id)       # another seller's id, even with the same body
        assert codes_of(theirs, 409)[0][0] == "COMMAND_ALREADY_REGISTERED_WITH_DIFFERENT_CONTENT"
        assert codes_of(stranger.get(f"/fulfillment/submit-commands/{command_id}"), 404) == [
            ("COMMAND_NOT_FOUND", None)]


def test_unknown_command_is_404(allegro: httpx.Client) -> None:
    [error] = codes_of(allegro.get(f"/fulfillment/submit-commands/{uuid.uuid4()}"), 404)
    assert error == ("COMMAND_NOT_FOUND", None)


def test_body_id_must_match_the_path(allegro: httpx.Client, product: str) -> None:
    resp = send(allegro, "PUT", f"/fulfillment/submit-commands/{uuid.uuid4()}",
                {"id": str(uuid.uuid4()), "input": {"advanceShipNoticeId": UNKNOWN}})
    assert codes_of(resp, 422) == [("VALIDATION_ERROR", "id")]


def test_unknown_notice_fails_asn_not_found(targ: TargServer, allegro: httpx.Client) -> None:
    command_id, resp = submit(allegro, UNKNOWN)
    assert resp.status_code == 201 and resp.json()["output"] == {"status": "RUNNING", "errors": []}
    assert _codes(_outcome(targ, allegro, command_id)) == [("ASN_NOT_FOUND", None)]


def test_submitting_twice_fails_invalid_asn_state(targ: TargServer, allegro: httpx.Client, product: str) -> None:
    asn = create(allegro, complete_body(product)).json()
    first, _ = submit(allegro, asn["id"])
    second, _ = submit(allegro, asn["id"])
    targ.clock.advance("PT5S")
    assert allegro.get(f"/fulfillment/submit-commands/{first}").json()["output"]["status"] == "SUCCESSFUL"
    assert _codes(allegro.get(f"/fulfillment/submit-commands/{second}").json()["output"]) == [
        ("INVALID_ASN_STATE", None)]


def test_another_sellers_notice_fails_command_forbidden(targ: TargServer, allegro: httpx.Client,
                                                        product: str) -> None:
    asn = create(allegro, complete_body(product)).json()
    _, stranger = other_seller(targ, "stranger")
    with stranger:
        command_id, _ = submit(stranger, asn["id"])
        assert _codes(_outcome(targ, stranger, command_id)) == [("COMMAND_FORBIDDEN", None)]
    assert allegro.get(f"{ASN}/{asn['id']}").json()["status"] == "DRAFT"


def test_rejected_tax_id_fails_command_forbidden(targ: TargServer, allegro: httpx.Client, product: str) -> None:
    assert send(allegro, "POST", "/fulfillment/tax-id", {"taxId": "1234567890"}).status_code == 201
    asn = create(allegro, complete_body(product)).json()
    command_id, _ = submit(allegro, asn["id"])
    assert _codes(_outcome(targ, allegro, command_id)) == [("COMMAND_FORBIDDEN", "taxId")]


def test_incomplete_notice_fails_with_every_missing_field(targ: TargServer, allegro: httpx.Client,
                                                          product: str) -> None:
    asn = create(allegro, {"items": [{"product": {"id": product}, "quantity": 1}],
                           "handlingUnit": {"unitType": "BOX"},
                           "shipping": {"method": "THIRD_PARTY_DELIVERY", "thirdParty": {"name": "TOYS"}}}).json()
    command_id, _ = submit(allegro, asn["id"])
    assert sorted(_codes(_outcome(targ, allegro, command_id))) == [
        ("COMMAND_FAILED", "handlingUnit.amount"), ("COMMAND_FAILED", "handlingUnit.labelsType"),
        ("COMMAND_FAILED", "shipping.countryCode"), ("COMMAND_FAILED", "shipping.estimatedTimeOfArrival"),
        ("COMMAND_FAILED", "shipping.thirdParty.orderNumber")]
    assert allegro.get(f"{ASN}/{asn['id']}").json()["status"] == "DRAFT"
