"""Advance ship notices through plain HTTP: what a draft may contain, the list, etags, read-only properties,
deleting, cancelling, the limited edits of a submitted notice and labels."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fulfillment_helpers import (
    ASN,
    codes_of,
    complete_body,
    courier_shipping,
    create,
    errors_of,
    other_seller,
    send,
    submitted,
    warehouse,
)

from targ.testing import TargServer

UNKNOWN = "6c2bcbe1-3040-4230-952a-6599da2f4b49"


def _put(client: httpx.Client, asn: dict[str, Any], body: Any, etag: str, suffix: str = "") -> httpx.Response:
    return send(client, "PUT", f"{ASN}/{asn['id']}{suffix}", body, **{"If-Match": etag})


def _etag(client: httpx.Client, asn_id: str) -> str:
    return client.get(f"{ASN}/{asn_id}").headers["etag"]


# --- what a draft may contain ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("change", "path"), [
    ({"items": []}, "items"),
    ({"items": [{"product": {"id": UNKNOWN}, "quantity": 1}]}, "items[0].product.id"),
    ({"items": "twice"}, "items[1].product.id"),
    ({"items": [{"product": {"id": "P"}, "quantity": 1.5}]}, "items[0].quantity"),
    ({"handlingUnit": {"unitType": "CRATE"}}, "handlingUnit.unitType"),
    ({"handlingUnit": {"unitType": "BOX", "amount": 0}}, "handlingUnit.amount"),
    ({"handlingUnit": {"unitType": "CONTAINER", "labelsType": "ONE_FULFILMENT"}}, "handlingUnit.labelsType"),
    ({"shipping": {"method": "ALREADY_IN_WAREHOUSE"}}, "shipping.method"),
    ({"shipping": courier_shipping(courier={"id": "FEDEX"})}, "shipping.courier.id"),
    ({"shipping": courier_shipping(courier={"id": "OTHER"})}, "shipping.courier.name"),
    ({"shipping": courier_shipping(estimatedTimeOfArrival="2026-01-05")}, "shipping.estimatedTimeOfArrival"),
    ({"shipping": courier_shipping(countryCode="pl")}, "shipping.countryCode"),
    ({"shipping": {"method": "THIRD_PARTY_DELIVERY", "thirdParty": {"name": ""}}}, "shipping.thirdParty.name"),
])
def test_invalid_draft_content_is_422(allegro: httpx.Client, product: str, change: dict[str, Any],
                                      path: str) -> None:
    body = {"items": [{"product": {"id": product}, "quantity": 1}], **change}
    if change.get("items") == "twice":
        body["items"] = [{"product": {"id": product}, "quantity": 1}] * 2
    elif body["items"] and body["items"][0]["product"]["id"] == "P":
        body["items"][0]["product"]["id"] = product
    resp = send(allegro, "POST", ASN, body)
    assert ("VALIDATION_ERROR", path) in codes_of(resp, 422)
    assert allegro.get(ASN).json()["totalCount"] == 1      # nothing was created (the demo's notice only)


def test_every_problem_is_named_at_once(allegro: httpx.Client, product: str) -> None:
    body = {"items": [{"product": {"id": product}, "quantity": 1.5}], "handlingUnit": {"unitType": "CRATE"}}
    assert {p for _, p in codes_of(send(allegro, "POST", ASN, body), 422)} == {"items[0].quantity",
                                                                              "handlingUnit.unitType"}


def test_courier_name_is_kept_only_for_other(allegro: httpx.Client, product: str) -> None:
    named = courier_shipping(courier={"id": "DPD", "name": "ignored"})
    assert create(allegro, complete_body(product, shipping=named)).json()["shipping"]["courier"] == {"id": "DPD"}
    other = courier_shipping(courier={"id": "OTHER", "name": "Kurier Lokalny"})
    assert create(allegro, complete_body(product, shipping=other)).json()["shipping"]["courier"]["name"] == \
        "Kurier Lokalny"


# --- list and get ------------------------------------------------------------------------------------------------
def test_list_orders_by_creation_pages_and_ors_statuses(targ: TargServer, allegro: httpx.Client,
                                                        product: str) -> None:
    drafts = [create(allegro, {"items": [{"product": {"id": product}, "quantity": n}]}).json()["id"]
              for n in (1, 2, 3)]
    everything = allegro.get(ASN).json()
    assert everything["count"] == everything["totalCount"] == 4 and everything["advanceShipNotices"][1:] == [
        allegro.get(f"{ASN}/{i}").json() for i in drafts]
    assert "volumeInCc" not in everything["advanceShipNotices"][0]
    page = allegro.get(ASN, params={"offset": 1, "limit": 2}).json()
    assert [a["id"] for a in page["advanceShipNotices"]] == drafts[:2] and page["totalCount"] == 4
    assert allegro.get(ASN, params={"status": "DRAFT"}).json()["totalCount"] == 3
    both = allegro.get(ASN, params=[("status", "DRAFT"), ("status", "COMPLETED")]).json()
    assert both["totalCount"] == 4
    assert codes_of(allegro.get(ASN, params={"limit": 201}), 422)[0][0] == "VALIDATION_ERROR"


def test_cancelled_notices_leave_the_list_unless_asked_for(targ: TargServer, allegro: httpx.Client,
                                                           product: str) -> None:
    asn = submitted(targ, allegro, complete_body(product))
    assert send(allegro, "PUT", f"{ASN}/{asn['id']}/cancel").status_code == 200
    assert allegro.get(f"{ASN}/{asn['id']}").json()["status"] == "CANCELLED"
    assert [a["id"] for a in allegro.get(ASN).json()["advanceShipNotices"]] != [asn["id"]]
    assert allegro.get(ASN).json()["totalCount"] == 1
    assert [a["id"] for a in allegro.get(ASN, params={"status": "CANCELLED"}).json()["advanceShipNotices"]] == \
        [asn["id"]]


def test_unknown_and_foreign_notices(targ: TargServer, allegro: httpx.Client, product: str) -> None:
    assert codes_of(allegro.get(f"{ASN}/{UNKNOWN}"), 404) == [("NOT_FOUND", None)]
    asn = create(allegro, {"items": [{"product": {"id": product}, "quantity": 1}]}).json()
    _, stranger = other_seller(targ, "stranger")
    with stranger:
        assert codes_of(stranger.get(f"{ASN}/{asn['id']}"), 403) == [("AccessDenied", None)]
        assert codes_of(send(stranger, "DELETE", f"{ASN}/{asn['id']}"), 403)[0][0] == "AccessDenied"
        assert stranger.get(ASN).json() == {"advanceShipNotices": [], "count": 0, "totalCount": 0}


# --- updates: If-Match, status, read-only properties ------------------------------------------------------------
def test_update_needs_the_current_version(allegro: httpx.Client, product: str) -> None:
    created = create(allegro, {"items": [{"product": {"id": product}, "quantity": 1}]})
    asn, etag = created.json(), created.headers["etag"]
    body = complete_body(product)
    assert codes_of(_put(allegro, asn, body, '""'), 400) == [("VALIDATION_ERROR", "if-match")]
    assert codes_of(_put(allegro, asn, body, "999"), 412) == [("CONCURRENT_MODIFICATION", "if-match")]
    ok = _put(allegro, asn, body, f'W/"{etag}"')               # a quoted or weak etag names the same version
    assert ok.status_code == 200 and ok.headers["etag"] == str(int(etag) + 1)
    same = _put(allegro, asn, body, ok.headers["etag"])         # no change, no new version
    assert same.status_code == 200 and same.headers["etag"] == ok.headers["etag"]
    assert codes_of(send(allegro, "PUT", f"{ASN}/{UNKNOWN}", body, **{"If-Match": "1"}), 404)[0][0] == "NOT_FOUND"


def test_update_without_if_match_is_400(allegro: httpx.Client, product: str) -> None:
    asn = create(allegro, {"items": [{"product": {"id": product}, "quantity": 1}]}).json()
    assert send(allegro, "PUT", f"{ASN}/{asn['id']}", complete_body(product)).status_code == 400


def test_read_only_properties_may_be_sent_back_and_are_not_changed(allegro: httpx.Client, product: str) -> None:
    created = create(allegro, {"items": [{"product": {"id": product}, "quantity": 1}]})
    asn = created.json()
    echoed = {**asn, "items": [{"product": {"id": product}, "quantity": 4}],
              "createdAt": asn["createdAt"].replace(".000Z", "Z")}   # the same instant, written differently
    resp = _put(allegro, asn, echoed, created.headers["etag"])
    assert resp.status_code == 200, resp.text
    # The vendor's binder reads only what the request schema declares: changed read-only properties are ignored
    # (refused with --strict-requests, test_strict_requests.py).
    changed = {**resp.json(), "status": "IN_TRANSIT", "displayNumber": "A-000000-0000000"}
    again = _put(allegro, asn, changed, resp.headers["etag"])
    assert again.status_code == 200
    assert (again.json()["status"], again.json()["displayNumber"]) == ("DRAFT", asn["displayNumber"])


def test_content_changes_clear_labels_shipping_does_not(targ: TargServer, allegro: httpx.Client,
                                                        product: str) -> None:
    asn = create(allegro, complete_body(product)).json()
    targ.drain()
    with_labels = allegro.get(f"{ASN}/{asn['id']}")
    assert "labels" in with_labels.json()
    later = courier_shipping(estimatedTimeOfArrival="2026-01-07T08:00:00Z")
    kept = _put(allegro, asn, complete_body(product, shipping=later), with_labels.headers["etag"])
    assert "labels" in kept.json()
    cleared = _put(allegro, asn, complete_body(product, quantity=9, shipping=later), kept.headers["etag"])
    assert "labels" not in cleared.json()
    assert allegro.get(f"{ASN}/{asn['id']}/labels", headers={"Accept": "application/pdf"}).status_code == 404
    targ.drain()
    assert "labels" in allegro.get(f"{ASN}/{asn['id']}").json()


def test_only_drafts_are_updated_and_deleted(targ: TargServer, allegro: httpx.Client, product: str) -> None:
    draft = create(allegro, {"items": [{"product": {"id": product}, "quantity": 1}]}).json()
    assert send(allegro, "DELETE", f"{ASN}/{draft['id']}").status_code == 204
    assert allegro.get(f"{ASN}/{draft['id']}").status_code == 404
    asn = submitted(targ, allegro, complete_body(product))
    etag = _etag(allegro, asn["id"])
    assert codes_of(_put(allegro, asn, complete_body(product), etag), 422) == [("INVALID_ASN_STATE", None)]
    assert codes_of(send(allegro, "DELETE", f"{ASN}/{asn['id']}"), 422) == [("INVALID_ASN_STATE", None)]
    assert codes_of(send(allegro, "DELETE", f"{ASN}/{UNKNOWN}"), 404)[0][0] == "NOT_FOUND"


def test_cancel_only_in_transit(targ: TargServer, allegro: httpx.Client, product: str) -> None:
    draft = create(allegro, complete_body(product)).json()
    assert codes_of(send(allegro, "PUT", f"{ASN}/{draft['id']}/cancel"), 422) == [("INVALID_ASN_STATE", None)]
    asn = submitted(targ, allegro, complete_body(product))
    warehouse(targ, asn["id"], "arrive")
    assert codes_of(send(allegro, "PUT", f"{ASN}/{asn['id']}/cancel"), 422) == [("INVALID_ASN_STATE", None)]
    assert send(allegro, "PUT", f"{ASN}/{UNKNOWN}/cancel").status_code == 404


# --- edits of a submitted notice ---------------------------------------------------------------------------------
def test_submitted_edits_quantities_amount_and_own_shipping_details(targ: TargServer, allegro: httpx.Client,
                                                                    product: str) -> None:
    asn = submitted(targ, allegro, complete_body(product, quantity=6, amount=2))
    assert "labels" in asn
    etag = _etag(allegro, asn["id"])
    body = {"items": [{"product": {"id": product}, "quantity": 4}], "handlingUnit": {"amount": 3},
            "shipping": {"method": "COURIER_BY_SELLER",
                         "courier": {"id": "DPD", "trackingNumbers": ["1", "2"]},
                         "estimatedTimeOfArrival": "2026-01-06T12:00:00Z"}}
    resp = _put(allegro, asn, body, etag, "/submitted")
    assert resp.status_code == 200, resp.text
    got = resp.json()
    assert got["status"] == "IN_TRANSIT" and got["items"] == body["items"]
    assert got["handlingUnit"] == {"unitType": "BOX", "amount": 3, "labelsType": "ONE_FULFILMENT"}
    assert got["shipping"]["courier"]["trackingNumbers"] == ["1", "2"] and got["shipping"]["countryCode"] == "PL"
    assert "labels" not in got                      # a new amount clears the labels
    assert resp.headers["etag"] != etag
    assert codes_of(_put(allegro, asn, body, etag, "/submitted"), 412)[0][0] == "CONCURRENT_MODIFICATION"


@pytest.mark.parametrize(("body", "path"), [
    ({"items": [{"product": {"id": UNKNOWN}, "quantity": 1}]}, "items[0].product.id"),
    ({"items": []}, "items"),
    ({"handlingUnit": {"unitType": "PALLET", "amount": 2}}, "handlingUnit.unitType"),
    ({"shipping": {"method": "OWN_TRANSPORT"}}, "shipping.method"),
    ({"shipping": {"method": "COURIER_BY_SELLER", "countryCode": "DE"}}, "shipping.countryCode"),
    ({"declaredVolumeInCc": 5000}, "declaredVolumeInCc"),
])
def test_submitted_refuses_other_changes(targ: TargServer, allegro: httpx.Client, product: str,
                                         body: dict[str, Any], path: str) -> None:
    asn = submitted(targ, allegro, complete_body(product))
    resp = _put(allegro, asn, body, _etag(allegro, asn["id"]), "/submitted")
    assert ("VALIDATION_ERROR", path) in codes_of(resp, 422)


def test_submitted_edits_only_in_transit(targ: TargServer, allegro: httpx.Client, product: str) -> None:
    draft = create(allegro, complete_body(product))
    resp = _put(allegro, draft.json(), {"handlingUnit": {"amount": 3}}, draft.headers["etag"], "/submitted")
    assert codes_of(resp, 422) == [("INVALID_ASN_STATE", None)]


# --- labels -------------------------------------------------------------------------------------------------------
def test_labels_need_a_known_format_and_seller_labelling(targ: TargServer, allegro: httpx.Client,
                                                         product: str) -> None:
    labelled = create(allegro, complete_body(product)).json()
    unlabelled = create(allegro, complete_body(product, handlingUnit={"unitType": "PALLET", "amount": 1,
                                                                      "labelsType": "NONE"})).json()
    targ.drain()
    url = f"{ASN}/{labelled['id']}/labels"
    assert errors_of(allegro.get(url, headers={"Accept": "application/json"}), 406)[0]["code"] == \
        "NotAcceptableException"
    assert allegro.get(url, headers={"Accept": "image/png"}).status_code == 406
    pdf = allegro.get(url, headers={"Accept": "application/pdf"})
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-disposition"] == \
        f'attachment; filename="{labelled["displayNumber"]}.pdf"'
    assert allegro.get(url, headers={"Accept": "application/pdf"}).content == pdf.content   # deterministic
    assert "labels" not in allegro.get(f"{ASN}/{unlabelled['id']}").json()
    missing = allegro.get(f"{ASN}/{unlabelled['id']}/labels", headers={"Accept": "x-application/zpl"})
    assert codes_of(missing, 404) == [("NOT_FOUND", None)]
