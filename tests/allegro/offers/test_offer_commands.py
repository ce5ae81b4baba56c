"""Offer commands: publication, price, quantity, modification, price automation, promotion packages, the older
single-offer price command, and the id rules every command shares."""

from __future__ import annotations

import uuid

import httpx
from offers_helpers import COMMANDS, command, create, offer, offers_criteria, publish, seller_body, send

from targ.testing import TargServer

NOT_FOUND = {"errors": [{"code": "COMMAND_NOT_FOUND", "message": "Command not found.", "details": None, "path": "",
                         "userMessage": "Command not found.", "metadata": {}}]}


def test_publication_reports_fill_in_as_the_job_runs(targ: TargServer, allegro: httpx.Client) -> None:
    good, empty = create(allegro, seller_body()), create(allegro, seller_body(stock={"available": 0}))
    body = {"offerCriteria": offers_criteria(good["id"], empty["id"], "1"), "publication": {"action": "ACTIVATE"}}
    command_id, report = command(allegro, "publication", body)
    assert report["taskCount"] == {"total": 0, "success": 0, "failed": 0} and report["completedAt"] is None
    tasks = allegro.get(f"{COMMANDS['publication']}/{command_id}/tasks").json()["tasks"]
    assert [t["status"] for t in tasks] == ["NEW", "NEW", "NEW"]
    targ.clock.advance("PT5S")                     # the command's job: tasks done, offers being listed (INACTIVE)
    report = allegro.get(f"{COMMANDS['publication']}/{command_id}").json()
    assert report["taskCount"] == {"total": 3, "success": 1, "failed": 2} and report["completedAt"]
    tasks = allegro.get(f"{COMMANDS['publication']}/{command_id}/tasks", params={"limit": 2, "offset": 1}).json()
    assert [(t["offer"]["id"], t["status"], t.get("field")) for t in tasks["tasks"]] == [
        (empty["id"], "FAIL", "stock.available"), ("1", "FAIL", "offer.id")]
    assert tasks["tasks"][1]["message"] == "The offer does not exist."
    assert offer(allegro, good["id"])["publication"]["status"] == "INACTIVE"   # ACTIVATING: scheduled only (#11875)
    targ.clock.advance("PT5S")
    assert offer(allegro, good["id"])["publication"]["status"] == "ACTIVE"
    assert [t["status"] for t in publish(targ, allegro, good["id"], action="END")] == ["SUCCESS"]
    ended = offer(allegro, good["id"])["publication"]
    assert (ended["status"], ended["endedBy"]) == ("ENDED", "USER")
    assert [t["status"] for t in publish(targ, allegro, empty["id"], action="END")] == ["FAIL"]


def test_scheduled_publication(targ: TargServer, allegro: httpx.Client) -> None:
    made = create(allegro, seller_body())
    command(allegro, "publication", {"offerCriteria": offers_criteria(made["id"]),
                                     "publication": {"action": "ACTIVATE", "scheduledFor": "2026-01-01T06:00:00Z"}})
    targ.clock.advance("PT5S")                  # the command runs; the activation waits (drain would run it too)
    waiting = offer(allegro, made["id"])["publication"]
    assert (waiting["status"], waiting["startingAt"]) == ("ACTIVATING", "2026-01-01T06:00:00.000Z")
    targ.clock.set("2026-01-01T06:00:00Z")
    assert offer(allegro, made["id"])["publication"]["status"] == "ACTIVE"


def test_command_ids(targ: TargServer, allegro: httpx.Client, ids: dict[str, str]) -> None:
    body = {"offerCriteria": offers_criteria(ids["A"]), "modification": {"changeType": "GAIN", "value": 1}}
    command_id, first = command(allegro, "quantity", body)
    assert command(allegro, "quantity", body, command_id)[1] == first     # same id, same body: same answer
    other = send(allegro, "PUT", f"{COMMANDS['quantity']}/{command_id}",
                 {**body, "modification": {"changeType": "GAIN", "value": 2}})
    assert other.status_code == 409
    assert other.json()["errors"][0]["code"] == "COMMAND_ALREADY_REGISTERED_WITH_DIFFERENT_CONTENT"
    assert other.json()["errors"][0]["message"] == \
        "Command with the given id but with different content is already registered."
    unknown = allegro.get(f"{COMMANDS['quantity']}/{uuid.uuid4()}")
    assert (unknown.status_code, unknown.json()) == (404, NOT_FOUND)
    another_family = allegro.get(f"{COMMANDS['price']}/{command_id}/tasks")
    assert (another_family.status_code, another_family.json()) == (404, NOT_FOUND)
    targ.drain()
    assert offer(allegro, ids["A"])["stock"]["available"] == 101
    assert command(allegro, "quantity", body, command_id)[1]["taskCount"]["success"] == 1   # replay: no re-run
    assert offer(allegro, ids["A"])["stock"]["available"] == 101


def _price_of(client: httpx.Client, offer_id: str) -> str:
    return str(offer(client, offer_id)["sellingMode"]["price"]["amount"])


def test_price_changes(targ: TargServer, allegro: httpx.Client, ids: dict[str, str]) -> None:
    def change(modification: dict[str, object], *offer_ids: str) -> list[dict[str, object]]:
        command_id, _ = command(allegro, "price", {"offerCriteria": offers_criteria(*offer_ids),
                                                   "modification": modification})
        targ.drain()
        return allegro.get(f"{COMMANDS['price']}/{command_id}/tasks").json()["tasks"]
    change({"type": "FIXED_PRICE", "price": {"amount": "50", "currency": "PLN"}}, ids["A"])
    assert _price_of(allegro, ids["A"]) == "50.00"
    change({"type": "INCREASE_PERCENTAGE", "percentage": "10"}, ids["A"])
    assert _price_of(allegro, ids["A"]) == "55.00"
    change({"type": "DECREASE_PRICE", "value": {"amount": "0.01", "currency": "PLN"}}, ids["A"])
    assert _price_of(allegro, ids["A"]) == "54.99"
    failed = change({"type": "DECREASE_PRICE", "value": {"amount": "100", "currency": "PLN"}}, ids["A"], ids["B"])
    assert [t["status"] for t in failed] == ["FAIL", "SUCCESS"] and _price_of(allegro, ids["B"]) == "29.00"
    wrong = change({"type": "FIXED_PRICE", "price": {"amount": "5", "currency": "CZK"}}, ids["A"])
    assert wrong[0]["field"] == "modification.price.currency"
    refused = send(allegro, "PUT", f"{COMMANDS['price']}/{uuid.uuid4()}",
                   {"offerCriteria": offers_criteria(ids["A"]), "modification": {"type": "HALF_PRICE"}})
    assert refused.status_code == 422 and refused.json()["errors"][0]["path"] == "modification.type"


def test_single_offer_price_command(targ: TargServer, allegro: httpx.Client, ids: dict[str, str]) -> None:
    command_id = str(uuid.uuid4())
    path = f"/offers/{ids['A']}/change-price-commands/{command_id}"
    body = {"id": command_id, "input": {"buyNowPrice": {"amount": "42.00", "currency": "PLN"}}}
    first = send(allegro, "PUT", path, body)
    assert first.status_code == 200 and first.json()["output"] == {"status": "VALIDATED_AND_RUNNING", "errors": []}
    targ.drain()
    assert _price_of(allegro, ids["A"]) == "42.00"
    assert send(allegro, "PUT", path, body).json()["output"]["status"] == "SUCCESSFUL"
    changed = {**body, "input": {"buyNowPrice": {"amount": "43.00", "currency": "PLN"}}}
    assert send(allegro, "PUT", path, changed).status_code == 409


def test_quantity_changes(targ: TargServer, allegro: httpx.Client, ids: dict[str, str]) -> None:
    def change(change_type: str, value: int, *offer_ids: str) -> list[dict[str, object]]:
        command_id, _ = command(allegro, "quantity", {"offerCriteria": offers_criteria(*offer_ids),
                                                      "modification": {"changeType": change_type, "value": value}})
        targ.drain()
        return allegro.get(f"{COMMANDS['quantity']}/{command_id}/tasks").json()["tasks"]
    assert [t["status"] for t in change("FIXED", 10, ids["A"], ids["B"])] == ["SUCCESS", "SUCCESS"]
    assert offer(allegro, ids["B"])["stock"]["available"] == 10
    too_few = change("GAIN", -10, ids["B"])[0]
    assert (too_few["status"], too_few["errors"][0]["code"]) == ("FAIL",
                                                                 "AvailableStockMustEqualToOneOrBeGreaterThanOne")
    fulfilled = change("FIXED", 5, ids["C"])[0]
    assert fulfilled["errors"][0]["code"] == "ConstraintViolationException.OneFulfillmentStockChange"


def test_modification_command(targ: TargServer, allegro: httpx.Client, ids: dict[str, str]) -> None:
    body = {"offerCriteria": offers_criteria(ids["A"], ids["C"]),
            "modification": {"delivery": {"handlingTime": "PT72H"}, "payments": {"invoice": "VAT"}}}
    command_id, _ = command(allegro, "modification", body)
    targ.drain()
    tasks = allegro.get(f"{COMMANDS['modification']}/{command_id}/tasks").json()["tasks"]
    assert [(t["status"], t.get("field")) for t in tasks] == [("SUCCESS", None), ("FAIL", "delivery.handlingTime")]
    assert offer(allegro, ids["A"])["delivery"]["handlingTime"] == "PT72H"
    assert offer(allegro, ids["C"])["delivery"]["handlingTime"] == "PT24H"
    refused = send(allegro, "PUT", f"{COMMANDS['modification']}/{uuid.uuid4()}", {
        "offerCriteria": offers_criteria(ids["A"]),
        "modification": {"delivery": {"shippingRates": {"id": "00000000-0000-4000-8000-000000000000"}}}})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["path"] == "modification.delivery.shippingRates.id"


def test_price_automation(targ: TargServer, allegro: httpx.Client, ids: dict[str, str]) -> None:
    rule = allegro.get("/sale/price-automation/rules").json()["rules"][0]["id"]
    body = {"offerCriteria": offers_criteria(ids["A"]),
            "modification": {"set": [{"marketplace": {"id": "allegro-pl"}, "rule": {"id": rule}}]}}
    resp = send(allegro, "POST", "/sale/offer-price-automation-commands", body)
    assert resp.status_code == 201 and resp.json()["taskCount"]["total"] == 0
    targ.drain()
    assert allegro.get(f"/sale/offer-price-automation-commands/{resp.json()['id']}").json()["taskCount"] == {
        "total": 1, "success": 1, "failed": 0}
    rules = allegro.get(f"/sale/price-automation/offers/{ids['A']}/rules").json()["rules"]
    assert [(r["marketplace"]["id"], r["rule"]["id"]) for r in rules] == [("allegro-pl", rule)]
    listed = allegro.get("/sale/offers", params={"sellingMode.priceAutomation.rule.id": rule}).json()["offers"]
    assert [o["id"] for o in listed] == [ids["A"]] and listed[0]["sellingMode"]["priceAutomation"]["rule"]["id"] == rule
    unknown = {**body, "modification": {"set": [{"marketplace": {"id": "allegro-pl"}, "rule": {"id": "f" * 24}}]}}
    assert send(allegro, "POST", "/sale/offer-price-automation-commands", unknown).status_code == 422
    removal = {"id": str(uuid.uuid4()), "offerCriteria": offers_criteria(ids["A"]),
               "modification": {"remove": [{"marketplace": {"id": "allegro-pl"}}]}}
    assert send(allegro, "POST", "/sale/offer-price-automation-commands", removal).json()["id"] == removal["id"]
    targ.drain()
    assert allegro.get(f"/sale/price-automation/offers/{ids['A']}/rules").json()["rules"] == []


def test_promotion_packages(targ: TargServer, allegro: httpx.Client, ids: dict[str, str]) -> None:
    path = f"/sale/offers/{ids['A']}/promo-options"
    changed = send(allegro, "POST", f"/sale/offers/{ids['A']}/promo-options-modification", {"modifications": [
        {"modificationType": "CHANGE", "packageType": "BASE", "packageId": "emphasized10d"},
        {"modificationType": "CHANGE", "packageType": "EXTRA", "packageId": "departmentPage"}]})
    assert changed.status_code == 200, changed.text
    options = allegro.get(path).json()
    assert options["basePackage"]["id"] == "emphasized10d" and options["basePackage"]["nextCycleDate"] == \
        "2026-01-11T00:00:00.000Z"
    assert [p["id"] for p in options["extraPackages"]] == ["departmentPage"]
    bad = send(allegro, "POST", f"/sale/offers/{ids['A']}/promo-options-modification",
               {"modifications": [{"modificationType": "CHANGE", "packageType": "BASE", "packageId": "gold"}]})
    assert bad.status_code == 422
    command_id, report = command(allegro, "promo", {"offerCriteria": offers_criteria(ids["B"], "1"),
                                                    "modification": {"basePackage": {"id": "emphasized1d"},
                                                                     "modificationTime": "NOW"}})
    assert set(report) == {"id", "taskCount"}
    targ.drain()
    tasks = allegro.get(f"{COMMANDS['promo']}/{command_id}/tasks").json()
    assert [t["status"] for t in tasks["tasks"]] == ["DONE", "ERROR"]
    assert tasks["modification"]["basePackage"] == {"id": "emphasized1d"}
    listed = allegro.get("/sale/offers/promo-options").json()
    assert [o["offerId"] for o in listed["promoOptions"]] == [ids["A"], ids["B"]] and listed["totalCount"] == 2
