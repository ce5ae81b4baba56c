"""Courier pickups: proposals from the virtual clock (working days, the carrier's window and cut-off), pickup create
commands and their refusals, pickup details."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from shipping_helpers import (
    ALLEGRO_JSON,
    CANCEL,
    DPD,
    ORLEN_LOCKER,
    PICKUP,
    POCZTEX,
    SENDER,
    UPS,
    advance,
    buy,
    checkout_form,
    create,
    errors,
    failed,
    run,
    second_seller,
    send,
    set_clock,
    shipment,
    shipment_input,
    status,
)

from targ.testing import TargServer

PROPOSALS = "/shipment-management/pickup-proposals"


def _made(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str, method_id: str = DPD) -> str:
    return create(targ, seller, shipment_input(checkout_form(seller, buy(http, offer, method_id))))


def _items(seller: httpx.Client, shipment_ids: list[str], address: dict[str, Any] | None = None,
           **extra: Any) -> dict[str, list[tuple[str, str]]]:
    resp = seller.post(PROPOSALS, json={"shipmentIds": shipment_ids, "address": address or SENDER, **extra})
    assert resp.status_code == 200, resp.text
    [answer] = resp.json()
    return {p["shipmentId"]: [(i["id"], i["name"]) for i in p["proposalItems"]] for p in answer["proposals"]}


def test_todays_window_starts_now_until_the_cut_off(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                                    offer: str) -> None:
    set_clock(http, targ, seller, "2026-01-07T07:48:30Z")          # Wednesday, 08:48:30 in Poland
    dpd, ups = _made(targ, http, seller, offer), _made(targ, http, seller, offer, UPS)
    found = _items(seller, [dpd, ups])
    assert found[dpd] == [("2026010708491600", "2026-01-07 08:49-16:00"),
                          ("2026010808001600", "2026-01-08 08:00-16:00"),
                          ("2026010908001600", "2026-01-09 08:00-16:00")]
    assert found[ups][0] == ("2026010709001700", "2026-01-07 09:00-17:00")   # UPS comes from 9
    set_clock(http, targ, seller, "2026-01-07T12:00:00Z")          # 13:00: DPD's cut-off
    assert [i for i, _ in _items(seller, [dpd])[dpd]] == ["2026010808001600", "2026010908001600", "2026011208001600"]
    assert _items(seller, [ups])[ups][0][0] == "2026010713001700"    # UPS takes orders until 14:00


def test_ready_date_and_holidays(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str) -> None:
    set_clock(http, targ, seller, "2026-04-03T10:00:00Z")          # Good Friday, noon in Poland
    dpd = _made(targ, http, seller, offer)
    # Easter Monday (6 April) is a day off in Poland; Good Friday is not.
    assert [i for i, _ in _items(seller, [dpd])[dpd]] == ["2026040312001600", "2026040708001600", "2026040808001600"]
    # In Czechia both are days off: the pickup address's country decides.
    czech = {**SENDER, "city": "Praha", "postalCode": "110 00", "countryCode": "CZ", "phone": "+420 601 123 456"}
    assert [i for i, _ in _items(seller, [dpd], czech)[dpd]] == ["2026040708001600", "2026040808001600",
                                                                  "2026040908001600"]
    assert [i for i, _ in _items(seller, [dpd], readyDate="2026-04-09")[dpd]] == [
        "2026040908001600", "2026041008001600", "2026041308001600"]
    assert _items(seller, [dpd], readyDate="2026-01-01")[dpd][0][0] == "2026040312001600"   # past: from now


def test_no_proposals_where_the_courier_cannot_come(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                                    offer: str) -> None:
    orlen = _made(targ, http, seller, offer, ORLEN_LOCKER)     # dropped off at an ORLEN station
    gone = _made(targ, http, seller, offer, POCZTEX)
    assert run(targ, seller, CANCEL, {"shipmentId": gone})["status"] == "SUCCESS"
    moving = _made(targ, http, seller, offer)
    found = _items(seller, [orlen, gone])
    assert found == {orlen: [], gone: []}
    assert shipment(seller, orlen)["pickupAvailable"] is False
    advance(targ, seller, "P1D")                                # the carrier has it
    assert _items(seller, [moving]) == {moving: []}


def test_proposal_refusals(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str) -> None:
    dpd = _made(targ, http, seller, offer)
    nameless = {k: v for k, v in SENDER.items() if k not in ("name", "company")}
    resp = seller.post(PROPOSALS, json={"shipmentIds": [dpd], "address": nameless})
    assert [(e["code"], e["path"]) for e in errors(resp, 400)] == [("VALIDATION_ERROR", "address.name")]
    resp = seller.post(PROPOSALS, json={"shipmentIds": [dpd], "address": SENDER, "readyDate": "2026-01-02 16:46:49"})
    assert errors(resp, 400)[0]["path"] == "readyDate"
    resp = seller.post(PROPOSALS, json={"shipmentIds": [dpd, "nie-ma"], "address": nameless})
    assert [(e["code"], e["path"]) for e in errors(resp, 404)] == [("SHIPMENT_NOT_FOUND", "shipmentIds")]
    assert errors(seller.post(PROPOSALS, json={"shipmentIds": [dpd]}), 400)[0]["path"] == "address"
    with second_seller(http, targ.url) as other:
        other.headers["Content-Type"] = ALLEGRO_JSON
        assert errors(other.post(PROPOSALS, json={"shipmentIds": [dpd], "address": SENDER}), 404)[0]["code"] == \
            "SHIPMENT_NOT_FOUND"


def test_a_same_day_pickup(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str) -> None:
    set_clock(http, targ, seller, "2026-01-07T07:48:00Z")
    dpd = _made(targ, http, seller, offer)
    [(today, _), *_] = _items(seller, [dpd])[dpd]
    assert today == "2026010708481600"
    sent = send(seller, PICKUP, {"shipmentIds": [dpd], "pickupDateProposalId": today, "address": SENDER})
    assert status(seller, PICKUP, sent["commandId"]) == {"commandId": sent["commandId"], "status": "IN_PROGRESS"}
    targ.drain()
    done = status(seller, PICKUP, sent["commandId"])
    assert done["status"] == "SUCCESS"
    assert done["carrierPickupId"].startswith("DP") and len(done["carrierPickupId"]) == 11


@pytest.mark.parametrize("proposal", [
    "2026011008001600",      # a Saturday
    "2026010209001600",      # not DPD's window
    "2026010208001700",
    "2025123108001600",      # the past
    "2026-01-02 08:00",
    "2026023108001600",      # no such date
])
def test_a_proposal_the_carrier_did_not_offer(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                              offer: str, proposal: str) -> None:
    dpd = _made(targ, http, seller, offer)
    done = run(targ, seller, PICKUP, {"shipmentIds": [dpd], "pickupDateProposalId": proposal, "address": SENDER})
    assert failed(done) == [("INVALID_PICKUP_PROPOSAL_ID", "pickupDateProposalId")]
    assert shipment(seller, dpd)["pickupAvailable"] is True


def test_pickup_refusals(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str) -> None:
    dpd, ups, orlen = (_made(targ, http, seller, offer, m) for m in (DPD, UPS, ORLEN_LOCKER))
    window = "2026010208001600"
    both = run(targ, seller, PICKUP, {"shipmentIds": [dpd, ups], "pickupDateProposalId": window, "address": SENDER})
    assert failed(both) == [("VALIDATION_ERROR", "shipmentIds")]
    drop_off = run(targ, seller, PICKUP, {"shipmentIds": [orlen], "pickupDateProposalId": window, "address": SENDER})
    assert failed(drop_off) == [("VALIDATION_ERROR", "shipmentIds")]
    unknown = run(targ, seller, PICKUP, {"shipmentIds": [dpd, "nie-ma"], "pickupDateProposalId": window,
                                         "address": SENDER})
    assert failed(unknown) == [("SHIPMENT_NOT_FOUND", "shipmentIds")]
    assert run(targ, seller, PICKUP, {"shipmentIds": [dpd], "pickupDateProposalId": window,
                                      "address": SENDER})["status"] == "SUCCESS"
    twice = run(targ, seller, PICKUP, {"shipmentIds": [dpd], "pickupDateProposalId": window, "address": SENDER})
    assert failed(twice) == [("BAD_REQUEST", None)]
    assert twice["errors"][0]["userMessage"].startswith("Błąd zlecenia odbioru")
    late = _made(targ, http, seller, offer)
    advance(targ, seller, "P1D")
    sent = run(targ, seller, PICKUP, {"shipmentIds": [late], "pickupDateProposalId": "2026010508001600",
                                      "address": SENDER})
    assert failed(sent) == [("BAD_REQUEST", None)]
    assert sent["errors"][0]["userMessage"] == "Paczka jest w statusie, który nie pozwala na zamówienie podjazdu"


def test_pickup_details_and_commands_are_the_sellers_own(targ: TargServer, http: httpx.Client,
                                                         seller: httpx.Client, offer: str) -> None:
    dpd = _made(targ, http, seller, offer)
    done = run(targ, seller, PICKUP, {"shipmentIds": [dpd], "pickupDateProposalId": "2026010208001600",
                                      "address": SENDER})
    [unknown] = errors(seller.get("/shipment-management/pickups/nie-ma"), 404)
    assert unknown["code"] == "NOT_FOUND"
    assert errors(seller.get(f"{PICKUP}/1b4e28ba-2fa1-4d3b-9a2b-2f8f5e6d7c8a"), 404)[0]["code"] == "COMMAND_NOT_FOUND"
    with second_seller(http, targ.url) as other:
        assert errors(other.get(f"/shipment-management/pickups/{done['pickupId']}"), 404)
        assert errors(other.get(f"{PICKUP}/{done['commandId']}"), 404)[0]["code"] == "COMMAND_NOT_FOUND"
