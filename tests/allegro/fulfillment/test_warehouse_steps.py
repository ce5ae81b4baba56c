"""The warehouse: on the clock with the configured delays, and on demand through /__targ/warehouse."""

from __future__ import annotations

import httpx
import pytest
from fulfillment_helpers import ASN, complete_body, create, send, submitted, warehouse, warehouse_raw

from targ.allegro.fulfillment import asn as notices
from targ.testing import TargServer

UNKNOWN = "6c2bcbe1-3040-4230-952a-6599da2f4b49"


def _status(client: httpx.Client, asn_id: str) -> str:
    return str(client.get(f"{ASN}/{asn_id}").json()["status"])


def test_the_clock_moves_a_notice_with_the_configured_delays(targ: TargServer, allegro: httpx.Client,
                                                             product: str) -> None:
    targ.admin.call("PATCH", "/config", {"warehouseArrivalDelay": "PT2H", "warehouseUnpackingDelay": "PT3H"})
    asn = submitted(targ, allegro, complete_body(product, quantity=7))
    targ.clock.advance("PT1H59M")
    assert _status(allegro, asn["id"]) == "IN_TRANSIT"
    targ.clock.advance("PT1M")
    assert _status(allegro, asn["id"]) == "UNPACKING"
    assert allegro.get(f"{ASN}/{asn['id']}/receiving-state").json()["stage"] == "IN_PROGRESS"
    targ.clock.advance("PT3H")
    state = allegro.get(f"{ASN}/{asn['id']}/receiving-state").json()
    # Nobody counted by hand: the delivery is taken as declared.
    assert state["stage"] == "COMPLETED" and state["updatedAt"] == "2026-01-01T05:00:05.000Z"
    assert state["content"][0]["received"] == [{"quantity": 7, "receivedType": "SELLABLE", "reasonCode": "SELLABLE"}]
    assert allegro.get("/fulfillment/stock").json()["stock"][0]["quantity"]["available"] == 27


def test_cancelled_notice_never_arrives(targ: TargServer, allegro: httpx.Client, product: str) -> None:
    asn = submitted(targ, allegro, complete_body(product))
    assert send(allegro, "PUT", f"{ASN}/{asn['id']}/cancel").status_code == 200
    targ.drain()
    assert _status(allegro, asn["id"]) == "CANCELLED"
    assert allegro.get(f"{ASN}/{asn['id']}/receiving-state").status_code == 404


def test_differences_are_reported_and_counts_add_up(targ: TargServer, allegro: httpx.Client, http: httpx.Client,
                                                    product: str) -> None:
    asn = submitted(targ, allegro, complete_body(product, quantity=10))
    warehouse(targ, asn["id"], "arrive")
    for _ in range(2):
        warehouse(targ, asn["id"], "receive", {"content": [{"product": {"id": product}, "received": [
            {"quantity": 3, "receivedType": "SELLABLE", "reasonCode": "SELLABLE"},
            {"quantity": 1, "receivedType": "REJECT", "reasonCode": "NO_BARCODE"}]}]})
    done = warehouse(targ, asn["id"], "complete")
    assert done["advanceShipNotice"]["status"] == "COMPLETED"
    [entry] = done["receivingState"]["content"]
    # 10 declared, 6 sellable + 2 rejected counted: the shortfall shows, nothing is made up.
    assert entry["expected"] == 10 and entry["received"] == [
        {"quantity": 6, "receivedType": "SELLABLE", "reasonCode": "SELLABLE"},
        {"quantity": 2, "receivedType": "REJECT", "reasonCode": "NO_BARCODE"}]
    quantity = allegro.get("/fulfillment/stock").json()["stock"][0]["quantity"]
    assert quantity["available"] == 26 and quantity["onHold"] == 0      # rejected units go back to the seller


def test_unknown_products_are_refused_and_a_count_by_hand_is_not_topped_up(
        targ: TargServer, allegro: httpx.Client, http: httpx.Client, product: str) -> None:
    asn = submitted(targ, allegro, complete_body(product, quantity=2))
    warehouse(targ, asn["id"], "arrive")
    bad = warehouse_raw(http, asn["id"], "receive", {"content": [
        {"product": {"id": UNKNOWN}, "received": [{"quantity": 1, "receivedType": "SELLABLE"}]}]})
    assert bad.status_code == 400 and bad.json()["error"] == "bad_request"
    state = warehouse(targ, asn["id"], "receive", {"content": [
        {"product": {"id": product}, "received": [{"quantity": 0, "receivedType": "SELLABLE"}]}]})["receivingState"]
    assert state["content"][0]["received"] == [{"quantity": 0, "receivedType": "SELLABLE", "reasonCode": "SELLABLE"}]
    warehouse(targ, asn["id"], "complete")                      # counted by hand: nothing assumed
    assert allegro.get("/fulfillment/stock").json()["stock"][0]["quantity"]["available"] == 20


def test_a_product_nobody_declared_is_reported_with_nothing_expected() -> None:
    asn = {"displayNumber": "A-260101-0000009", "updatedAt": "2026-01-01T00:00:00.000Z",
           "items": [{"product": {"id": "declared"}, "quantity": 4}],
           "receiving": {"stage": "IN_PROGRESS", "updatedAt": "2026-01-01T01:00:00.000Z", "content": [
               {"product": {"id": "surprise"}, "received": [{"quantity": 2, "receivedType": "SELLABLE"}]}]}}
    assert notices.receiving_view(asn)["content"] == [
        {"expected": 4, "product": {"id": "declared"}, "received": []},
        {"expected": 0, "product": {"id": "surprise"},
         "received": [{"quantity": 2, "receivedType": "SELLABLE", "reasonCode": "SELLABLE"}]}]


@pytest.mark.parametrize(("received", "message"), [
    ([{"quantity": 1, "receivedType": "DAMAGE"}], "reasonCode"),
    ([{"quantity": 1, "receivedType": "SELLABLE", "reasonCode": "NO_BARCODE"}], "reasonCode"),
    ([{"quantity": -1, "receivedType": "SELLABLE"}], "quantity"),
    ([{"quantity": 1, "receivedType": "LOST"}], "receivedType"),
    ([], "received"),
    ([{"quantity": 2, "receivedType": "SELLABLE", "serialNumbers": ["SN-1"]}], "serialNumbers"),
    ([{"quantity": 2, "receivedType": "SELLABLE", "serialNumbers": ["SN-1", "SN-1"]}], "serialNumbers"),
    ([{"quantity": 1, "receivedType": "SELLABLE", "expirationDate": "2027-02-30"}], "expirationDate"),
    ([{"quantity": 1, "receivedType": "DAMAGE", "reasonCode": "NO_BARCODE", "serialNumbers": ["SN-1"]}],
     "SELLABLE units only"),
])
def test_nonsense_counts_are_400_and_change_nothing(targ: TargServer, allegro: httpx.Client, http: httpx.Client,
                                                    product: str, received: list[dict[str, object]],
                                                    message: str) -> None:
    asn = submitted(targ, allegro, complete_body(product))
    warehouse(targ, asn["id"], "arrive")
    resp = warehouse_raw(http, asn["id"], "receive", {"content": [{"product": {"id": product}, "received": received}]})
    assert resp.status_code == 400 and message in resp.json()["message"], resp.text
    assert allegro.get(f"{ASN}/{asn['id']}/receiving-state").json()["content"][0]["received"] == []


def test_steps_out_of_order_are_409_and_unknown_notices_404(allegro: httpx.Client, http: httpx.Client,
                                                            product: str) -> None:
    draft = create(allegro, complete_body(product)).json()
    for step in ("arrive", "complete"):
        resp = warehouse_raw(http, draft["id"], step)
        assert resp.status_code == 409 and resp.json()["error"] == "conflict"
    assert warehouse_raw(http, draft["id"], "receive", {"content": []}).status_code == 409
    assert warehouse_raw(http, UNKNOWN, "arrive").status_code == 404
    assert allegro.get(f"{ASN}/{draft['id']}/receiving-state").status_code == 404
