"""`POST /shipment-management/shipments/cancel-commands` and its status: a shipment is cancelled while the carrier
does not have it yet, with the carriers that allow it; every refusal is the command's ERROR and changes nothing."""

from __future__ import annotations

import httpx
from shipping_helpers import (
    CANCEL,
    DPD,
    ONE_COURIER,
    PICKUP,
    POCZTEX,
    SENDER,
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

COMMAND = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"


def _made(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str, method_id: str) -> str:
    return create(targ, seller, shipment_input(checkout_form(seller, buy(http, offer, method_id))))


def test_cancel_then_read(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str) -> None:
    shipment_id = _made(targ, http, seller, offer, POCZTEX)
    sent = send(seller, CANCEL, {"shipmentId": shipment_id}, command_id=COMMAND)
    assert sent == {"commandId": COMMAND, "input": {"shipmentId": shipment_id}}
    assert status(seller, CANCEL, COMMAND) == {"commandId": COMMAND, "status": "IN_PROGRESS"}
    assert "canceledDate" not in shipment(seller, shipment_id)
    advance(targ, seller, "PT5S")          # the job runs when the clock gets there, no drain needed
    assert status(seller, CANCEL, COMMAND) == {"commandId": COMMAND, "status": "SUCCESS", "shipmentId": shipment_id}
    assert shipment(seller, shipment_id)["canceledDate"] == "2026-01-01T00:00:05.000Z"
    # Cancelled twice: the second command ends in ERROR.
    again = run(targ, seller, CANCEL, {"shipmentId": shipment_id})
    assert failed(again) == [("BAD_REQUEST", "shipmentId")]
    [error] = errors(seller.post(CANCEL, json={"commandId": COMMAND, "input": {"shipmentId": shipment_id}}), 400)
    assert error["code"] == "COMMAND_EXISTS"


def test_carriers_that_do_not_cancel(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str) -> None:
    for method_id, carrier in ((ONE_COURIER, "Allegro One"), (DPD, "DPD")):
        shipment_id = _made(targ, http, seller, offer, method_id)
        done = run(targ, seller, CANCEL, {"shipmentId": shipment_id}, **{"Accept-Language": "en-US"})
        assert failed(done) == [("BAD_REQUEST", "shipmentId")]
        assert done["errors"][0]["userMessage"] == f"You cannot cancel a parcel with the {carrier} carrier."
        assert "canceledDate" not in shipment(seller, shipment_id)


def test_once_the_carrier_has_it_it_stays(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                          offer: str) -> None:
    shipment_id = _made(targ, http, seller, offer, POCZTEX)
    advance(targ, seller, "P1D")              # the carrier's first step: IN_TRANSIT
    done = run(targ, seller, CANCEL, {"shipmentId": shipment_id})
    assert failed(done) == [("BAD_REQUEST", "shipmentId")]
    assert done["errors"][0]["userMessage"] == "Paczka jest w statusie, który nie pozwala na anulowanie"
    assert "canceledDate" not in shipment(seller, shipment_id)


def test_once_the_pickup_window_started_it_stays(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                                 offer: str) -> None:
    # A slow carrier: the parcel is still PENDING when the courier comes on 5 January, 08:00 in Poland.
    assert http.patch("/__targ/config", json={"carrierStepDelay": "P30D"}).status_code == 200
    shipment_id = _made(targ, http, seller, offer, POCZTEX)
    booked = run(targ, seller, PICKUP, {"shipmentIds": [shipment_id], "pickupDateProposalId": "2026010508001500",
                                        "address": SENDER})
    assert booked["status"] == "SUCCESS"
    set_clock(http, targ, seller, "2026-01-05T07:00:00Z")
    assert failed(run(targ, seller, CANCEL, {"shipmentId": shipment_id})) == [("BAD_REQUEST", "shipmentId")]


def test_a_pickup_window_not_started_does_not_stop_a_cancel(targ: TargServer, http: httpx.Client,
                                                            seller: httpx.Client, offer: str) -> None:
    shipment_id = _made(targ, http, seller, offer, POCZTEX)
    run(targ, seller, PICKUP, {"shipmentIds": [shipment_id], "pickupDateProposalId": "2026010208001500",
                               "address": SENDER})
    advance(targ, seller, "PT6H")             # 07:00 in Poland on 1 January: before the window of the 2nd
    assert run(targ, seller, CANCEL, {"shipmentId": shipment_id})["status"] == "SUCCESS"


def test_unknown_and_other_sellers_shipments(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                             offer: str) -> None:
    done = run(targ, seller, CANCEL, {"shipmentId": "ba88f0fb-acf3-438a-877e-580da50c0874"})
    assert failed(done) == [("SHIPMENT_NOT_FOUND", "shipmentId")]
    assert done["errors"][0]["userMessage"] == "Nie odnaleziono przewozu"
    shipment_id = _made(targ, http, seller, offer, POCZTEX)
    with second_seller(http, targ.url) as other:
        other.headers["Content-Type"] = "application/vnd.allegro.public.v1+json"
        assert failed(run(targ, other, CANCEL, {"shipmentId": shipment_id})) == [("SHIPMENT_NOT_FOUND", "shipmentId")]
        assert errors(other.get(f"/shipment-management/shipments/{shipment_id}"), 404)[0]["code"] == \
            "SHIPMENT_NOT_FOUND"
    assert "canceledDate" not in shipment(seller, shipment_id)


def test_unknown_command_and_a_missing_shipment_id(seller: httpx.Client) -> None:
    assert errors(seller.get(f"{CANCEL}/{COMMAND}"), 404)[0]["code"] == "COMMAND_NOT_FOUND"
    resp = seller.post(CANCEL, json={"input": {}})
    assert [e["path"] for e in errors(resp, 400)] == ["input.shipmentId"]


def test_details_of_an_unknown_shipment(seller: httpx.Client) -> None:
    [error] = errors(seller.get("/shipment-management/shipments/nie-ma-takiej"), 404)
    assert (error["code"], error["path"], error["details"]) == ("SHIPMENT_NOT_FOUND", "shipmentId",
                                                                "Requested shipment was not found")
