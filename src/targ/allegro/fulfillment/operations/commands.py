"""Submit commands: `PUT /fulfillment/submit-commands/{commandId}` ends the editing of a DRAFT notice.

The client chooses the command's UUID (allegro-behaviour.md §3). The PUT answers 201 with `output.status` RUNNING and
a `Location`; the command runs as a job after `jobDelay` and ends SUCCESSFUL (the notice is IN_TRANSIT and the
warehouse expects it) or FAILED with `output.errors`:

* `ASN_NOT_FOUND` - no such notice;
* `COMMAND_FORBIDDEN` - another seller's notice, a seller without the ONE_FULFILLMENT feature, or a tax id the
  warehouse rejected (TaxIdResponse: "Only the ACCEPTED status allows you to send products");
* `INVALID_ASN_STATE` - the notice is no longer a DRAFT (submitted twice, cancelled, ...);
* `COMMAND_FAILED` - the notice lacks what submitting needs (handling unit, shipping details, available products),
  one error per missing field, with its `path`.

Command ids: the same id with the same input answers the command as it stands now (201 again); the same id with
other input, or an id another seller registered, is 409 `COMMAND_ALREADY_REGISTERED_WITH_DIFFERENT_CONTENT`; reading
an unknown id (or another seller's) is 404 `COMMAND_NOT_FOUND`.

Storage: a doc of kind `asn_submit_command`, id = the command id, owner = the seller, holding the SubmitCommand
plus `createdAt` and `language` (the userMessage language of errors found later, by the job).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.allegro.failures import internal_problem
from targ.allegro.fulfillment import account, content, products, warehouse
from targ.allegro.fulfillment import asn as notices
from targ.allegro.fulfillment.common import error, problem, seller_id
from targ.allegro.sellers import get_seller
from targ.clock import iso
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.jobs import runs

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

Json = dict[str, Any]
COMMAND_KIND = "asn_submit_command"
SUBMIT_JOB = "allegro.fulfillment.submit"
FEATURE = "ONE_FULFILLMENT"


def _view(command: Json) -> Json:
    """SubmitCommand as the vendor shows it."""
    return {"id": command["id"], "input": dict(command["input"]),
            "output": {"status": command["output"]["status"], "errors": list(command["output"]["errors"])}}


def _reply(req: Request, command: Json) -> Reply:
    return Reply(_view(command), 201, {"location": f"{req.base_url}/fulfillment/submit-commands/{command['id']}"})


@handler("allegro", "submitCommand")
def put_submit_command(req: Request) -> Reply:
    seller = seller_id(req)
    command_id = req.path_params["command-id"]
    body = req.body or {}
    if body.get("id") not in (None, command_id):
        raise error(req.language, 422, "VALIDATION_ERROR", "id must be the command id of the path.",
                    "Identyfikator komendy w treści musi być taki sam jak w adresie.", path="id")
    wanted = {"advanceShipNoticeId": str(body["input"]["advanceShipNoticeId"])}
    existing = req.world.store.get_doc(COMMAND_KIND, command_id)
    if existing is not None:
        if existing.owner != seller or existing.data["input"] != wanted:
            raise error(req.language, 409, "COMMAND_ALREADY_REGISTERED_WITH_DIFFERENT_CONTENT",
                        "Command with the given id but with different content is already registered.",
                        "Komenda o tym identyfikatorze, ale innej treści, została już zarejestrowana.")
        return _reply(req, existing.data)
    command = {"id": command_id, "input": wanted, "output": {"status": "RUNNING", "errors": []},
               "createdAt": iso(req.world.clock.now_ms()), "language": req.language}
    req.world.store.put(COMMAND_KIND, command_id, command, owner=seller)
    req.world.schedule(SUBMIT_JOB, req.world.config.ms("jobDelay"), {"commandId": command_id}, owner=seller)
    return _reply(req, command)


@handler("allegro", "getSubmitCommand")
def get_submit_command(req: Request) -> Reply:
    seller = seller_id(req)
    doc = req.world.store.get_doc(COMMAND_KIND, req.path_params["command-id"])
    if doc is None or doc.owner != seller:
        raise error(req.language, 404, "COMMAND_NOT_FOUND", "Command not found.", "Nie znaleziono komendy.")
    return Reply(_view(doc.data))


def _submit_failed(world: World, job: Job, error: str) -> None:
    """The command FAILED with the error, as for a notice that could not be submitted (targ.jobs)."""
    doc = world.store.get_doc(COMMAND_KIND, str(job.payload.get("commandId")))
    if doc is None or doc.data["output"]["status"] != "RUNNING":
        return
    command = {**doc.data, "output": {"status": "FAILED", "errors": [internal_problem(error)]}}
    world.store.put(COMMAND_KIND, doc.id, command, owner=doc.owner)


@runs(SUBMIT_JOB, on_failure=_submit_failed)
def _run_submit(world: World, job: Job) -> None:
    doc = world.store.get_doc(COMMAND_KIND, str(job.payload["commandId"]))
    if doc is None or doc.data["output"]["status"] != "RUNNING":
        return
    command = doc.data
    errors = _submit(world, doc.owner, command["input"]["advanceShipNoticeId"], command.get("language") or "pl-PL")
    command["output"] = {"status": "FAILED" if errors else "SUCCESSFUL", "errors": errors}
    world.store.put(COMMAND_KIND, command["id"], command, owner=doc.owner)


def _submit(world: World, seller: str, asn_id: str, language: str) -> list[Json]:
    """Submits the notice, or says why not (the command's `output.errors`)."""
    def failed(code: str, en: str, pl: str, path: str | None = None) -> list[Json]:
        return [problem(language, code, en, pl, path).to_json()]

    found = notices.load(world, asn_id)
    if found is None:
        return failed("ASN_NOT_FOUND", f"Advance Ship Notice {asn_id} not found.", f"Nie znaleziono awizo {asn_id}.")
    owner, asn = found
    if owner != seller or FEATURE not in ((get_seller(world, seller) or {}).get("features") or ()):
        return failed("COMMAND_FORBIDDEN", "You are not allowed to submit this Advance Ship Notice.",
                      "Nie możesz wysłać tego awizo.")
    if account.tax_status(world, seller) == "REJECTED":
        return failed("COMMAND_FORBIDDEN", "Your tax id was not accepted: the warehouse takes no deliveries from you.",
                      "Twój numer NIP nie został zaakceptowany: magazyn nie przyjmie od Ciebie dostawy.", "taxId")
    if asn["status"] != notices.DRAFT:
        return failed("INVALID_ASN_STATE", f"Advance Ship Notice {asn_id} is {asn['status']}; only a DRAFT can be "
                      "submitted.", f"Awizo {asn['displayNumber']} ma status {asn['status']}; wysłać można tylko "
                      "szkic.")
    missing = content.missing_for_submit(asn, set(products.of_seller(world, seller)))
    if missing:
        return [problem(language, "COMMAND_FAILED", en, "Uzupełnij awizo przed wysłaniem: " + path, path).to_json()
                for path, en in missing]
    warehouse.dispatch(world, seller, asn)
    return []
