"""AlleDiscount's errors, in the vendor's words where the spec shows them (sources: docs/behaviour.md, "AlleDiscount").

Every AlleDiscount operation declares `Accept-Language` with the single value `en-US`, and every example the spec gives
has an English `userMessage`: the texts here are those fixed English texts, whatever the request's language.
Codes the spec names without an example (the 400 lists of the commands and the lists) get texts in the style of the
ones it shows; codes no source names are marked as targ's own.
"""

from __future__ import annotations

from targ.allegro.errors import AllegroError, AllegroProblem


def problem(code: str, message: str, user_message: str | None = None, path: str | None = None) -> AllegroProblem:
    return AllegroProblem(code, message, path=path, user_message=user_message or message)


def campaign_not_found() -> AllegroError:
    """The spec's 404 of `GET /sale/alle-discount/campaigns`, word for word; the lists declare the same 404."""
    return AllegroError(404, problems=[problem(
        "CampaignNotFound", "Campaign doesn't exist or it isn't AlleDiscount campaign",
        "Campaign with given id doesn't exist or isn't AlleDiscount campaign. Check the provided campaign id.")])


def bad_parameter(code: str, message: str, path: str) -> AllegroError:
    """400 of the lists: the spec's OffsetNegative example, message "Url parameter offset cannot be negative", path
    `offset`; LimitBelowMin, LimitAboveMax and OfferIdInvalidFormat are named in the same list."""
    return AllegroError(400, problems=[problem(code, message, message + ".", path)])


def bad_request(problems: list[AllegroProblem]) -> AllegroError:
    return AllegroError(400, problems=problems)


def command_id_used() -> AllegroError:
    """409 "Provided UUID is already being used." (the spec's description of both commands' 409). The code is
    targ's own, in the style of the family's codes: no source shows the body."""
    message = "Provided UUID is already being used."
    return AllegroError(409, problems=[problem("CommandIdAlreadyUsed", message, path="commandId")])


# --- command outputs (a FAILED command's `errors`) --------------------------------------------------------------------
def campaign_not_found_output() -> AllegroProblem:
    """The spec's FAILED submit example for campaign `wrong_campaign`, word for word."""
    return problem("CampaignNotFound", "Campaign doesn't exist or it isn't AlleDiscount campaign",
                   "User has provided wrong campaign")


def unauthorized_output() -> AllegroProblem:
    """The spec's FAILED withdraw example, word for word: another seller's participation."""
    return problem("Unauthorized", "Not authorized", "You are not authorized to perform this operation.")


def offer_not_found_output(offer_id: str) -> AllegroProblem:
    """targ's own code: an offer that does not exist or is another seller's (as good as unknown)."""
    return problem("OfferNotFound", f"Offer {offer_id} doesn't exist", "Offer with given id doesn't exist.",
                   "input.offer.id")


def not_open_output() -> AllegroProblem:
    """targ's own code: the campaign's `application` window (open for offer submission) is not now."""
    return problem("CampaignNotOpenForSubmission", "Campaign is not open for offer submission",
                   "Offers can be submitted to the campaign only within its application period.")


def already_submitted_output() -> AllegroProblem:
    """targ's own code: "There can be only one submission for offer in one AlleDiscount campaign" (the spec)."""
    return problem("OfferAlreadySubmitted", "Offer is already submitted to this campaign",
                   "There can be only one submission for offer in one AlleDiscount campaign.", "input.offer.id")


def not_withdrawable_output() -> AllegroProblem:
    """targ's own code: a participation already DECLINED or FINISHED has nothing to withdraw."""
    return problem("ParticipationNotActive", "Participation is already declined or finished",
                   "Participation is already declined or finished.", "input.participationId")
