"""Submit and withdraw commands: registered at once, NEW → IN_PROGRESS → SUCCESSFUL/FAILED on the clock, the
participation they make or end, and the vendor's refusals (400, 409, 404, FAILED outputs)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from allediscount_helpers import (
    SUBMIT,
    WITHDRAW,
    Body,
    campaign,
    create_offer,
    eligible_by_id,
    offer_body,
    run_command,
    send,
    submit,
    submit_body,
    submitted,
    withdraw,
)

from targ.testing import TargServer

COMMAND_ID = "c1b3f63d-d293-4333-911d-a0c1053e2c81"


def price(amount: str, currency: str = "PLN") -> Body:
    return {"amount": amount, "currency": currency}


def error(code: str, message: str, user_message: str, path: str | None = None) -> Body:
    return {"code": code, "message": message, "details": None, "path": path, "userMessage": user_message,
            "metadata": {}}


def test_submit_poll_submitted_withdraw(targ: TargServer, seller_client: httpx.Client, ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    targ.clock.advance("P1D")
    body = submit_body(ids["A"], discount, "35.00", command_id=COMMAND_ID)
    created = send(seller_client, "POST", SUBMIT, body)
    assert created.status_code == 201, created.text
    assert created.headers["location"] == f"{targ.url}{SUBMIT}/{COMMAND_ID}"
    now = targ.clock.now()
    assert created.json() == {"id": COMMAND_ID, "input": body["input"],
                              "output": {"status": "NEW", "createdAt": now, "updatedAt": now, "errors": []}}
    status = seller_client.get(f"{SUBMIT}/{COMMAND_ID}")
    assert status.json()["output"]["status"] == "NEW"
    targ.clock.advance("PT5S")
    assert seller_client.get(f"{SUBMIT}/{COMMAND_ID}").json()["output"] == {
        "status": "IN_PROGRESS", "createdAt": now, "updatedAt": targ.clock.now(), "errors": []}
    assert submitted(seller_client, discount) == []
    targ.clock.advance("PT5S")
    done = seller_client.get(f"{SUBMIT}/{COMMAND_ID}").json()
    assert done["output"]["status"] == "SUCCESSFUL" and done["output"]["errors"] == []
    participation_id = done["output"]["newOfferParticipation"]["participationId"]
    uuid.UUID(participation_id)
    expected_prices = {"proposedPrice": price("35.00"), "minimalPriceReduction": price("3.50"),
                       "maximumSellingPrice": price("31.50")}
    [shown] = submitted(seller_client, discount)
    assert shown == {"participationId": participation_id, "offer": {"id": ids["A"]}, "campaign": {"id": discount},
                     "prices": expected_prices, "process": {"status": "VERIFICATION", "errors": []},
                     "purchaseLimit": 20}
    # Submitted offers cannot be submitted again: the eligible list leaves them out.
    assert ids["A"] not in eligible_by_id(seller_client, discount)
    targ.clock.advance("PT5S")
    # Verified; the campaign's publication is under way, so the participation is ACTIVE at once.
    assert submitted(seller_client, discount)[0]["process"] == {"status": "ACTIVE", "errors": []}
    assert submitted(seller_client, discount, offerId=ids["A"])[0]["participationId"] == participation_id
    assert submitted(seller_client, discount, participationId=participation_id)[0]["offer"]["id"] == ids["A"]
    assert submitted(seller_client, discount, offerId=ids["B"]) == []

    withdrawn = withdraw(targ, seller_client, participation_id)
    assert withdrawn["input"] == {"participationId": participation_id}
    assert withdrawn["output"]["status"] == "SUCCESSFUL" and withdrawn["output"]["errors"] == []
    assert withdrawn["output"]["withdrawnOfferParticipation"] == {"participationId": participation_id}
    assert submitted(seller_client, discount)[0]["process"]["status"] == "FINISHED"
    assert ids["A"] in eligible_by_id(seller_client, discount)
    # A new submission replaces the finished one: one submission per offer and campaign.
    again = submit(targ, seller_client, ids["A"], discount, "34.00")
    new_id = again["output"]["newOfferParticipation"]["participationId"]
    assert [(p["participationId"], p["process"]["status"]) for p in submitted(seller_client, discount)] == [
        (new_id, "ACTIVE")]


def test_withdraw_command_moves_on_the_clock(targ: TargServer, seller_client: httpx.Client,
                                             ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    targ.clock.advance("P1D")
    participation_id = submit(targ, seller_client, ids["C"], discount, "80.00")["output"][
        "newOfferParticipation"]["participationId"]
    created = send(seller_client, "POST", WITHDRAW, {"commandId": COMMAND_ID,
                                                     "input": {"participationId": participation_id}})
    assert created.status_code == 201 and created.headers["location"] == f"{targ.url}{WITHDRAW}/{COMMAND_ID}"
    now = targ.clock.now()
    assert created.json() == {"id": COMMAND_ID, "input": {"participationId": participation_id},
                              "output": {"status": "NEW", "createdAt": now, "updatedAt": now}}
    assert seller_client.get(f"{WITHDRAW}/{COMMAND_ID}").json()["output"] == {
        "status": "NEW", "createdAt": now, "updatedAt": now, "withdrawnOfferParticipation": None, "errors": []}
    targ.clock.advance("PT5S")
    assert seller_client.get(f"{WITHDRAW}/{COMMAND_ID}").json()["output"]["status"] == "IN_PROGRESS"
    assert submitted(seller_client, discount)[0]["process"]["status"] == "ACTIVE"
    targ.clock.advance("PT5S")
    assert seller_client.get(f"{WITHDRAW}/{COMMAND_ID}").json()["output"]["status"] == "SUCCESSFUL"
    assert submitted(seller_client, discount)[0]["process"]["status"] == "FINISHED"
    # The same id may name a command of the other family; within a family it is taken.
    assert send(seller_client, "POST", SUBMIT, submit_body(ids["A"], discount, "30.00", command_id=COMMAND_ID)
                ).status_code == 201
    again = send(seller_client, "POST", WITHDRAW, {"commandId": COMMAND_ID,
                                                   "input": {"participationId": participation_id}})
    assert again.status_code == 409
    assert again.json() == {"errors": [error("CommandIdAlreadyUsed", "Provided UUID is already being used.",
                                             "Provided UUID is already being used.", "commandId")]}


def test_participation_declined_for_price_stock_and_currency(targ: TargServer, seller_client: httpx.Client,
                                                             ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    targ.clock.advance("P1D")
    # 36.00 is more than the required 35.99: the command succeeds, the participation is declined.
    too_high = submit(targ, seller_client, ids["A"], discount, "36.00")
    assert too_high["output"]["status"] == "SUCCESSFUL"
    low_stock = submit(targ, seller_client, ids["B"], discount, "100.00")
    wrong_currency = submit(targ, seller_client, ids["C"], discount, "80.00", "CZK")
    shown = {p["offer"]["id"]: p for p in submitted(seller_client, discount)}
    assert shown[ids["A"]]["process"] == {"status": "DECLINED", "errors": [
        {"code": "TOO_HIGH_PROPOSED_PRICE", "message": "TOO_HIGH_PROPOSED_PRICE"}]}
    assert shown[ids["B"]]["process"]["errors"] == [{"code": "NOT_ENOUGH_STOCK", "message": "NOT_ENOUGH_STOCK"}]
    assert shown[ids["C"]]["process"]["errors"] == [
        {"code": "CURRENCY_NOT_SUPPORTED", "message": "CURRENCY_NOT_SUPPORTED"}]
    assert shown[ids["C"]]["prices"] == {"proposedPrice": price("80.00", "CZK"),
                                         "minimalPriceReduction": price("8.00"),
                                         "maximumSellingPrice": price("72.00")}
    assert {p["participationId"] for p in submitted(seller_client, discount)} == {
        c["output"]["newOfferParticipation"]["participationId"] for c in (too_high, low_stock, wrong_currency)}
    # A declined participation can be neither withdrawn nor kept: a new submission replaces it.
    declined_id = shown[ids["A"]]["participationId"]
    refused = withdraw(targ, seller_client, declined_id)
    assert refused["output"]["status"] == "FAILED" and refused["output"]["withdrawnOfferParticipation"] is None
    assert refused["output"]["errors"] == [error(
        "ParticipationNotActive", "Participation is already declined or finished",
        "Participation is already declined or finished.", "input.participationId")]
    submit(targ, seller_client, ids["A"], discount, "35.99")
    [a] = submitted(seller_client, discount, offerId=ids["A"])
    assert a["process"]["status"] == "ACTIVE" and a["participationId"] != declined_id


def test_submissions_that_fail(targ: TargServer, seller_client: httpx.Client,
                               other_seller: tuple[Body, httpx.Client], ids: dict[str, str]) -> None:
    discount, sourcing = campaign(seller_client, "DISCOUNT"), campaign(seller_client, "SOURCING")
    targ.clock.advance("P1D")
    wrong = submit(targ, seller_client, ids["A"], "wrong_campaign", "30.00")
    assert wrong["output"]["status"] == "FAILED" and "newOfferParticipation" not in wrong["output"]
    assert wrong["output"]["errors"] == [error("CampaignNotFound",
                                               "Campaign doesn't exist or it isn't AlleDiscount campaign",
                                               "User has provided wrong campaign")]
    _, other = other_seller
    for offer_id in (ids["A"], "1"):
        foreign = submit(targ, other, offer_id, discount, "30.00")
        assert foreign["output"]["errors"] == [error("OfferNotFound", f"Offer {offer_id} doesn't exist",
                                                     "Offer with given id doesn't exist.", "input.offer.id")]
    # The SOURCING campaign takes submissions from its application window on.
    early = submit(targ, seller_client, ids["A"], sourcing, "39.99")
    assert early["output"]["errors"] == [error(
        "CampaignNotOpenForSubmission", "Campaign is not open for offer submission",
        "Offers can be submitted to the campaign only within its application period.")]
    first = submit(targ, seller_client, ids["A"], discount, "30.00")
    assert first["output"]["status"] == "SUCCESSFUL"
    second = submit(targ, seller_client, ids["A"], discount, "29.00")
    assert second["output"]["errors"] == [error(
        "OfferAlreadySubmitted", "Offer is already submitted to this campaign",
        "There can be only one submission for offer in one AlleDiscount campaign.", "input.offer.id")]
    assert [p["prices"]["proposedPrice"]["amount"] for p in submitted(seller_client, discount)] == ["30.00"]
    assert submitted(other, discount) == []


def test_malformed_commands_change_nothing(targ: TargServer, seller_client: httpx.Client,
                                           ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")

    def refused(body: Body, path: str = SUBMIT) -> list[Body]:
        resp = send(seller_client, "POST", path, body)
        assert resp.status_code == 400, resp.text
        return list(resp.json()["errors"])

    good = submit_body(ids["A"], discount, "35.00", command_id=COMMAND_ID)
    assert refused({**good, "commandId": "not-a-uuid"}) == [error(
        "CommandIdNotValidUuid", "Command id is not a valid UUID.", "commandId must be a valid UUID.", "commandId")]
    with_price: list[tuple[Any, str, str, str]] = [
        ("abc", "ProposedPriceAmountInvalidNumberFormat", "Given proposedPrice is not a valid money representation.",
         "input.proposedPrice.amount has wrong number format."),
        ("+35", "ProposedPriceAmountInvalidNumberFormat", "Given proposedPrice is not a valid money representation.",
         "input.proposedPrice.amount has wrong number format."),
        ("-5", "ProposedPriceAmountNotPositive", "Given proposedPrice amount must be positive.",
         "input.proposedPrice.amount must be greater than zero."),
        ("0", "ProposedPriceAmountNotPositive", "Given proposedPrice amount must be positive.",
         "input.proposedPrice.amount must be greater than zero."),
        ("35.001", "ProposedPriceAmountInvalidDecimalPlaces",
         "Given proposedPrice amount has too many decimal places.",
         "input.proposedPrice.amount can have at most 2 decimal places."),
        (None, "ProposedPriceAmountCannotBeNull", "Given proposedPrice amount cannot be null.",
         "input.proposedPrice.amount cannot be null."),
    ]
    for amount, code, message, user_message in with_price:
        body = submit_body(ids["A"], discount, amount, command_id=COMMAND_ID)
        assert refused(body) == [error(code, message, user_message)]
    missing = {"commandId": COMMAND_ID, "input": {"proposedPrice": {"amount": "35.00"}}}
    assert [(e["code"], e["path"]) for e in refused(missing)] == [
        ("InputOfferIdFieldMissing", "input.offer.id"), ("InputCampaignIdFieldMissing", "input.campaign.id"),
        ("ProposedPriceCurrencyCannotBeNull", None)]
    # Withdrawal: the participation must be named, be a UUID and exist.
    assert [e["code"] for e in refused({"commandId": COMMAND_ID, "input": {}}, WITHDRAW)] == [
        "InputParticipationIdFieldMissing"]
    assert [e["code"] for e in refused({"input": {"participationId": "123"}}, WITHDRAW)] == [
        "ParticipationIdMustBeUuid"]
    unknown = {"commandId": COMMAND_ID, "input": {"participationId": str(uuid.uuid4())}}
    assert refused(unknown, WITHDRAW) == [error("InputParticipationIdDoesNotExist", "Participation id does not exist.",
                                                "Participation does not exist", "input.participationId")]
    # Nothing was registered: the id is still free, and nothing is pending.
    assert seller_client.get(f"{SUBMIT}/{COMMAND_ID}").status_code == 404
    assert targ.drain() == 0
    assert send(seller_client, "POST", SUBMIT, good).status_code == 201


def test_commands_are_the_sellers_own(targ: TargServer, seller_client: httpx.Client,
                                      other_seller: tuple[Body, httpx.Client], ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    targ.clock.advance("P1D")
    done = submit(targ, seller_client, ids["A"], discount, "35.00")
    participation_id = done["output"]["newOfferParticipation"]["participationId"]
    _, other = other_seller
    not_found = {"errors": [{"code": "COMMAND_NOT_FOUND", "message": "Command not found.", "details": None,
                             "path": "", "userMessage": "Command not found.", "metadata": {}}]}
    for path in (f"{SUBMIT}/{done['id']}", f"{WITHDRAW}/{done['id']}", f"{SUBMIT}/{uuid.uuid4()}"):
        client = other if path.startswith(SUBMIT) and done["id"] in path else seller_client
        resp = client.get(path)
        assert (resp.status_code, resp.json()) == (404, not_found)
    # Another seller's participation: the command is taken, and fails (the spec's example).
    foreign = withdraw(targ, other, participation_id)
    assert foreign["output"]["status"] == "FAILED" and foreign["output"]["withdrawnOfferParticipation"] is None
    assert foreign["output"]["errors"] == [error("Unauthorized", "Not authorized",
                                                 "You are not authorized to perform this operation.")]
    assert submitted(seller_client, discount)[0]["process"]["status"] == "ACTIVE"


def test_a_generated_command_id(targ: TargServer, seller_client: httpx.Client, ids: dict[str, str]) -> None:
    discount = campaign(seller_client, "DISCOUNT")
    body = submit_body(ids["A"], discount, "35.00")
    del body["commandId"]
    done = run_command(targ, seller_client, SUBMIT, body)
    uuid.UUID(done["id"])
    assert done["output"]["status"] == "SUCCESSFUL"


def test_participations_follow_the_campaign_on_the_clock(targ: TargServer, seller_client: httpx.Client) -> None:
    sourcing = campaign(seller_client, "SOURCING")
    offer_id = create_offer(targ, seller_client, offer_body())
    targ.clock.set("2026-01-13T00:00:00Z")               # the SOURCING campaign's application opens (day 12)
    done = submit(targ, seller_client, offer_id, sourcing, "3999.00")
    assert done["output"]["status"] == "SUCCESSFUL"
    assert submitted(seller_client, sourcing)[0]["process"]["status"] == "ACCEPTED"
    assert submitted(seller_client, sourcing)[0]["prices"]["maximumSellingPrice"] == price("3759.06")
    targ.clock.set("2026-01-30T23:59:59Z")
    assert submitted(seller_client, sourcing)[0]["process"]["status"] == "ACCEPTED"
    targ.clock.set("2026-01-31T00:00:00Z")               # publication
    assert submitted(seller_client, sourcing)[0]["process"]["status"] == "ACTIVE"
    targ.clock.set("2026-02-14T00:00:00Z")               # the publication ends
    assert submitted(seller_client, sourcing)[0]["process"]["status"] == "FINISHED"
    late = withdraw(targ, seller_client, submitted(seller_client, sourcing)[0]["participationId"])
    assert late["output"]["status"] == "FAILED"
