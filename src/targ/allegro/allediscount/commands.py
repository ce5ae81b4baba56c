"""The submit and withdraw commands (`POST /sale/alle-discount/{submit,withdraw}-offer-commands`, polled at
`GET …/{commandId}`). Sources: docs/behaviour.md, "AlleDiscount".

* The body's `commandId` (a UUID; "If empty, system generates new one") names the command. Malformed input is
  refused at once with 400 and the spec's codes, and nothing is stored; an id already used by a command of the same
  family (any body, any seller) is 409 "Provided UUID is already being used.".
* A registered command answers 201 `NEW` with a `location` header. It moves on the clock, `jobDelay` per step (a job):
  NEW → IN_PROGRESS → SUCCESSFUL or FAILED, `updatedAt` following. A FAILED command carries the reasons in
  `output.errors` (Allegro's error entries, as the spec's FAILED examples show them) inside a 200.
* Submit: FAILED when the campaign does not exist (CampaignNotFound, the spec's example), the offer is not the
  seller's, the campaign is not open for submission (its `application` window), or the offer already has a live
  participation in it; otherwise SUCCESSFUL with `newOfferParticipation`: a participation in VERIFICATION that may
  still be declined (targ.allegro.allediscount.participations).
* Withdraw: 400 InputParticipationIdDoesNotExist when no participation has that id (the spec's example, #14022);
  FAILED Unauthorized for another seller's participation (the spec's example), or when it is already DECLINED or
  FINISHED; otherwise SUCCESSFUL with `withdrawnOfferParticipation`, the participation FINISHED.

Commands are docs of kind `alle-discount-command`, id `<family>/<commandId>`, owner = the seller.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from targ.allegro.allediscount import campaigns, errors, participations
from targ.allegro.errors import AllegroProblem
from targ.allegro.failures import CODE as INTERNAL
from targ.allegro.messages import ENGLISH
from targ.allegro.offers import model
from targ.allegro.offers.commands.base import command_not_found
from targ.clock import iso
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

COMMAND_KIND = "alle-discount-command"
STEP_JOB = "allegro.alle-discount.command-step"
SUBMIT, WITHDRAW = "submit", "withdraw"
PATHS = {SUBMIT: "/sale/alle-discount/submit-offer-commands", WITHDRAW: "/sale/alle-discount/withdraw-offer-commands"}
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def is_uuid(value: object) -> bool:
    return isinstance(value, str) and bool(_UUID.match(value))


# --- input ------------------------------------------------------------------------------------------------------------
def _command_id_problems(body: Json) -> list[AllegroProblem]:
    command_id = body.get("commandId")
    if command_id in (None, "") or is_uuid(command_id):
        return []
    return [errors.problem("CommandIdNotValidUuid", "Command id is not a valid UUID.",
                           "commandId must be a valid UUID.", "commandId")]


def _price_problems(price: Json) -> list[AllegroProblem]:
    """The spec's ProposedPriceAmount* codes; its example for a malformed amount, word for word (path null)."""
    amount = price.get("amount")
    if amount in (None, ""):
        return [errors.problem("ProposedPriceAmountCannotBeNull", "Given proposedPrice amount cannot be null.",
                               "input.proposedPrice.amount cannot be null.")]
    text = str(amount).strip()
    if not _NUMBER.match(text):
        return [errors.problem("ProposedPriceAmountInvalidNumberFormat",
                               "Given proposedPrice is not a valid money representation.",
                               "input.proposedPrice.amount has wrong number format.")]
    out = []
    if Decimal(text) <= 0:
        out.append(errors.problem("ProposedPriceAmountNotPositive", "Given proposedPrice amount must be positive.",
                                  "input.proposedPrice.amount must be greater than zero."))
    if "." in text and len(text.rsplit(".", 1)[1]) > 2:
        out.append(errors.problem("ProposedPriceAmountInvalidDecimalPlaces",
                                  "Given proposedPrice amount has too many decimal places.",
                                  "input.proposedPrice.amount can have at most 2 decimal places."))
    if not price.get("currency"):
        # targ's own code, in the style of the amount's.
        out.append(errors.problem("ProposedPriceCurrencyCannotBeNull", "Given proposedPrice currency cannot be null.",
                                  "input.proposedPrice.currency cannot be null."))
    return out


def submit_problems(body: Json) -> list[AllegroProblem]:
    problems = _command_id_problems(body)
    given = body.get("input") or {}
    if not (given.get("offer") or {}).get("id"):
        # targ's own codes, after the withdraw command's InputParticipationIdFieldMissing.
        problems.append(errors.problem("InputOfferIdFieldMissing", "Offer id field is missing.",
                                       "input.offer.id is required.", "input.offer.id"))
    if not (given.get("campaign") or {}).get("id"):
        problems.append(errors.problem("InputCampaignIdFieldMissing", "Campaign id field is missing.",
                                       "input.campaign.id is required.", "input.campaign.id"))
    return problems + _price_problems(given.get("proposedPrice") or {})


def withdraw_problems(world: World, body: Json) -> list[AllegroProblem]:
    problems = _command_id_problems(body)
    participation_id = (body.get("input") or {}).get("participationId")
    path = "input.participationId"
    if participation_id in (None, ""):
        problems.append(errors.problem("InputParticipationIdFieldMissing", "Participation id field is missing.",
                                       "input.participationId is required.", path))
    elif not is_uuid(participation_id):
        problems.append(errors.problem("ParticipationIdMustBeUuid", "Participation id must be a UUID.",
                                       "input.participationId must be a valid UUID.", path))
    elif participations.get(world, str(participation_id)) is None:
        # The spec's example, word for word.
        problems.append(errors.problem("InputParticipationIdDoesNotExist", "Participation id does not exist.",
                                       "Participation does not exist", path))
    return problems


def submit_input(body: Json) -> Json:
    given = body["input"]
    price = given["proposedPrice"]
    return {"offer": {"id": str(given["offer"]["id"])}, "campaign": {"id": str(given["campaign"]["id"])},
            "proposedPrice": {"amount": str(price["amount"]).strip(), "currency": str(price["currency"])}}


def withdraw_input(body: Json) -> Json:
    return {"participationId": str(body["input"]["participationId"])}


# --- registering and reading ------------------------------------------------------------------------------------------
def register(world: World, seller_id: str, family: str, body: Json, given: Json) -> Json:
    """Stores a NEW command and schedules its first step; 409 when its id is taken."""
    command_id = str(body.get("commandId") or world.ids.uuid(COMMAND_KIND))
    key = f"{family}/{command_id}"
    if world.store.get_doc(COMMAND_KIND, key) is not None:
        raise errors.command_id_used()
    now = iso(world.clock.now_ms())
    command: Json = {"id": command_id, "family": family, "input": given,
                     "output": {"status": "NEW", "createdAt": now, "updatedAt": now, "errors": []}}
    world.store.insert(COMMAND_KIND, key, command, owner=seller_id)
    world.schedule(STEP_JOB, world.config.ms("jobDelay"), {"key": key}, owner=seller_id)
    return command


def stored(world: World, family: str, command_id: str, seller_id: str) -> Json:
    """The seller's command; an unknown id, another family's or another seller's: 404 COMMAND_NOT_FOUND."""
    doc = world.store.get_doc(COMMAND_KIND, f"{family}/{command_id}")
    if doc is None or doc.owner != seller_id:
        raise command_not_found()
    return doc.data


def created_view(command: Json) -> Json:
    """The 201: AlleDiscountSubmitCommandResponse (with the example's empty `errors`) or
    AlleDiscountWithdrawCommandResponse (whose example has none)."""
    output = {k: command["output"][k] for k in ("status", "createdAt", "updatedAt")}
    if command["family"] == SUBMIT:
        output["errors"] = []
    return {"id": command["id"], "input": command["input"], "output": output}


def status_view(command: Json) -> Json:
    """AlleDiscountGetSubmitCommandResponse / AlleDiscountGetWithdrawCommandResponse, as the spec's examples: a
    submit command shows `newOfferParticipation` once SUCCESSFUL; a withdraw command always shows
    `withdrawnOfferParticipation`, null until SUCCESSFUL."""
    output = dict(command["output"])
    result = output.pop("participation", None)
    if command["family"] == SUBMIT:
        if result is not None:
            output["newOfferParticipation"] = {"participationId": result}
    else:
        output["withdrawnOfferParticipation"] = {"participationId": result} if result is not None else None
    ordered = {k: output[k] for k in ("status", "createdAt", "updatedAt") if k in output}
    ordered.update({k: v for k, v in output.items() if k not in ordered and k != "errors"})
    ordered["errors"] = output.get("errors") or []
    return {"id": command["id"], "input": command["input"], "output": ordered}


# --- processing -------------------------------------------------------------------------------------------------------
def _submit(world: World, seller_id: str, given: Json) -> str | AllegroProblem:
    """The new participation's id, or why the command fails."""
    campaign = campaigns.find(world, given["campaign"]["id"])
    if campaign is None:
        return errors.campaign_not_found_output()
    offer_id = given["offer"]["id"]
    if model.owner_of(world, offer_id) != seller_id:
        return errors.offer_not_found_output(offer_id)
    if not campaign.open_for_submission(world.clock.now_ms()):
        return errors.not_open_output()
    if participations.live_in(world, seller_id, campaign.id, offer_id) is not None:
        return errors.already_submitted_output()
    participation = participations.create(world, seller_id, campaign, offer_id, given["proposedPrice"])
    return str(participation["participationId"])


def _withdraw(world: World, seller_id: str, given: Json) -> str | AllegroProblem:
    found = participations.get(world, given["participationId"])
    if found is None or found[0] != seller_id:
        return errors.unauthorized_output()
    owner, participation = found
    if participations.status(participation, world.clock.now_ms()) not in participations.LIVE:
        return errors.not_withdrawable_output()
    participations.withdraw(world, owner, participation)
    return str(participation["participationId"])


def _save(world: World, doc_id: str, owner: str, command: Json) -> None:
    command["output"]["updatedAt"] = iso(world.clock.now_ms())
    world.store.put(COMMAND_KIND, doc_id, command, owner=owner)


def _failed(world: World, job: Job, error: str) -> None:
    """A step that raised leaves the command FAILED with the vendor's internal error."""
    doc = world.store.get_doc(COMMAND_KIND, str(job.payload.get("key")))
    if doc is None:
        return
    problem = AllegroProblem(INTERNAL, "Internal server error.", details=error, user_key="internal")
    doc.data["output"].update(status="FAILED", errors=[problem.to_json(ENGLISH)])
    _save(world, doc.id, doc.owner, doc.data)


@runs(STEP_JOB, on_failure=_failed)
def _step(world: World, job: Job) -> None:
    doc = world.store.get_doc(COMMAND_KIND, str(job.payload["key"]))
    if doc is None:
        return
    command: dict[str, Any] = doc.data
    output = command["output"]
    if output["status"] == "NEW":
        output["status"] = "IN_PROGRESS"
        world.schedule(STEP_JOB, world.config.ms("jobDelay"), {"key": doc.id}, owner=doc.owner)
    elif output["status"] == "IN_PROGRESS":
        run = _submit if command["family"] == SUBMIT else _withdraw
        result = run(world, doc.owner, command["input"])
        if isinstance(result, AllegroProblem):
            output.update(status="FAILED", errors=[result.to_json(ENGLISH)])
        else:
            output.update(status="SUCCESSFUL", participation=result, errors=[])
    else:
        return
    _save(world, doc.id, doc.owner, command)
