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
plus `createdAt` and `language`: the language the PUT asked for, in which the job writes the userMessages of the
errors it finds (the job runs after the request, so the edge cannot render them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroProblem
from targ.allegro.failures import internal_problem
from targ.allegro.fulfillment import account, content, products, warehouse
from targ.allegro.fulfillment import asn as notices
from targ.allegro.fulfillment.common import error, problem
from targ.allegro.fulfillment.operations.caller import seller_id
from targ.allegro.messages import DEFAULT
from targ.allegro.sellers import get_seller
from targ.clock import iso
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

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
        raise error(422, "VALIDATION_ERROR", "command_id_mismatch", path="id")
    wanted = {"advanceShipNoticeId": str(body["input"]["advanceShipNoticeId"])}
    existing = req.world.store.get_doc(COMMAND_KIND, command_id)
    if existing is not None:
        if existing.owner != seller or existing.data["input"] != wanted:
            raise error(409, "COMMAND_ALREADY_REGISTERED_WITH_DIFFERENT_CONTENT", "command_conflict")
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
        raise error(404, "COMMAND_NOT_FOUND", "command_not_found")
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
    problems = _submit(world, doc.owner, command["input"]["advanceShipNoticeId"])
    written_in = command.get("language") or DEFAULT
    errors = [p.to_json(written_in) for p in problems]
    command["output"] = {"status": "FAILED" if errors else "SUCCESSFUL", "errors": errors}
    world.store.put(COMMAND_KIND, command["id"], command, owner=doc.owner)


def _submit(world: World, seller: str, asn_id: str) -> list[AllegroProblem]:
    """Submits the notice, or says why not (the command's `output.errors`)."""
    found = notices.load(world, asn_id)
    if found is None:
        return [problem("ASN_NOT_FOUND", "asn_not_found", {"id": asn_id})]
    owner, asn = found
    if owner != seller or FEATURE not in ((get_seller(world, seller) or {}).get("features") or ()):
        return [problem("COMMAND_FORBIDDEN", "submit_forbidden")]
    if account.tax_status(world, seller) == "REJECTED":
        return [problem("COMMAND_FORBIDDEN", "submit_tax_rejected", path="taxId")]
    if asn["status"] != notices.DRAFT:
        return [problem("INVALID_ASN_STATE", "submit_not_draft",
                        {"id": asn_id, "number": asn["displayNumber"], "status": asn["status"]})]
    missing = content.missing_for_submit(asn, set(products.of_seller(world, seller)))
    if missing:
        return missing
    warehouse.dispatch(world, seller, asn)
    return []
