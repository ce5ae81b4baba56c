"""The three command families of Ship with Allegro: create a shipment, cancel one, order a pickup.

Each is sent with `POST …/create-commands` (or `cancel-commands`) `{commandId?, input}` and answered at once, 200,
with the command as sent and `Retry-After` (seconds until the command is worth asking about: `jobDelay`); it runs as
a job `jobDelay` later and its status resource (`GET …/{commandId}`) says `IN_PROGRESS`, then `SUCCESS` with what it
made (`shipmentId`; `pickupId` and `carrierPickupId`) or `ERROR` with `errors` (allegro-behaviour.md §3: validation
failures come back as ERROR inside a 200; #13389, #12519, #9862). The status resources carry `Retry-After` too, as
the vendor's do (#11765, #7761: `retry-after: 5`).

* `commandId` is the client's UUID; none (or empty: the spec's "If empty, then system generate new one") gets a new
  one. A command id used before, whatever the body, is 400 `COMMAND_EXISTS` with the id as `path` (#7793, #8573:
  "If I call createShipment again with the same data, the response is an error 400: COMMAND_EXISTS"); the vendor's
  rule here, not the 409 of the offer command families.
* An unknown command id, or another seller's, is 404 `COMMAND_NOT_FOUND` (allegro-behaviour.md §3).
* What the spec's schema refuses (a missing field, a value outside an enum, a wrong type) is the edge's 400
  `VALIDATION_ERROR` naming the field: the answer echoes the command as the spec's schema describes it, so it can
  only echo a command that fits it. Every rule beyond the schema is the command's (targ.allegro.shipping.checks).
* Errors are written in the language the command was sent in (stored with it: the job has no request).

Storage: one document per command (kinds `wza_create_command`, `wza_cancel_command`, `wza_pickup_command`; id = the
command id; owner = the seller): `{commandId, input, status, errors, result, createdAt (ms), language}`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroProblem
from targ.allegro.failures import internal_problem
from targ.allegro.messages import DEFAULT
from targ.allegro.shipping import checks, pickups, shipments
from targ.allegro.shipping.errors import bad_command_id, command_exists, command_not_found, problem
from targ.allegro.shipping.services import service_of
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
IN_PROGRESS, SUCCESS, ERROR = "IN_PROGRESS", "SUCCESS", "ERROR"

# What a command does when it runs: (world, seller, input, the command) → the problems, or what it made.
Run = Callable[["World", str, Json, Json], "tuple[list[AllegroProblem], Json]"]


@dataclass(frozen=True)
class Family:
    kind: str
    job: str
    run: Run


FAMILIES: dict[str, Family] = {}


def family(kind: str, job: str, run: Run) -> Family:
    """A command family, its job runner registered (targ.jobs)."""
    made = Family(kind, job, run)
    FAMILIES[kind] = made
    runs(job, on_failure=lambda world, job_, error: _failed(made, world, job_, error))(
        lambda world, job_: _run(made, world, job_))
    return made


def retry_after(world: World) -> str:
    return str(max(1, -(-world.config.ms("jobDelay") // 1000)))


def new_command(world: World, fam: Family, body: Json) -> Json:
    """A new command of the family for `body` (`{commandId?, input}`), not stored yet (the operation adds the language
    it was sent in and calls `store`); raises COMMAND_EXISTS for a command id used before."""
    given = body.get("commandId")
    command_id = str(given) if given else world.ids.uuid(fam.kind)
    if given and not UUID.match(command_id):
        raise bad_command_id()
    if world.store.get_doc(fam.kind, command_id) is not None:
        raise command_exists(command_id)
    return {"commandId": command_id, "input": body["input"], "status": IN_PROGRESS, "errors": [], "result": {},
            "createdAt": world.clock.now_ms()}


def store(world: World, fam: Family, seller_id: str, command: Json) -> None:
    """Stores a new command and schedules its job."""
    world.store.put(fam.kind, command["commandId"], command, owner=seller_id)
    world.schedule(fam.job, world.config.ms("jobDelay"), {"commandId": command["commandId"]}, owner=seller_id)


def own(world: World, fam: Family, seller_id: str, command_id: str) -> Json:
    doc = world.store.get_doc(fam.kind, command_id)
    if doc is None or doc.owner != seller_id:
        raise command_not_found()
    return doc.data


def status(command: Json) -> Json:
    """The status resource: `errors` only on ERROR, what it made only on SUCCESS ("Available only, if operation
    finished with ..."; the schema's fields are not nullable, so they are left out rather than null)."""
    out: Json = {"commandId": command["commandId"], "status": command["status"]}
    if command["status"] == ERROR:
        out["errors"] = list(command["errors"])
    elif command["status"] == SUCCESS:
        out.update(command["result"])
    return out


def _run(fam: Family, world: World, job: Job) -> None:
    doc = world.store.get_doc(fam.kind, str(job.payload["commandId"]))
    if doc is None or doc.data["status"] != IN_PROGRESS:
        return
    command = doc.data
    found, result = fam.run(world, doc.owner, command["input"], command)
    if found:
        written_in = command.get("language") or DEFAULT
        # Error400's fields, no `metadata` (#10837, #12519).
        errors = [{k: v for k, v in p.to_json(written_in).items() if k != "metadata"} for p in found]
        command.update(status=ERROR, errors=errors)
    else:
        command.update(status=SUCCESS, result=result)
    world.store.put(fam.kind, command["commandId"], command, owner=doc.owner)


def _failed(fam: Family, world: World, job: Job, error: str) -> None:
    """The job raised: the command ends in ERROR with the vendor's internal error (targ.allegro.failures)."""
    doc = world.store.get_doc(fam.kind, str(job.payload.get("commandId")))
    if doc is None or doc.data["status"] != IN_PROGRESS:
        return
    failure = internal_problem(error)
    failure.pop("metadata", None)
    world.store.put(fam.kind, doc.id, {**doc.data, "status": ERROR, "errors": [failure]}, owner=doc.owner)


# --- the families -----------------------------------------------------------------------------------------------------
def _create(world: World, seller_id: str, body: Json, command: Json) -> tuple[list[AllegroProblem], Json]:
    found, checked = checks.check_input(world, seller_id, body)
    if checked is None:
        return found, {}
    shipment = shipments.create(world, seller_id, body, checked, command["commandId"])
    return [], {"shipmentId": shipment["id"]}


def _cancel(world: World, seller_id: str, body: Json, command: Json) -> tuple[list[AllegroProblem], Json]:
    shipment_id = str(body["shipmentId"])
    shipment = shipments.own(world, seller_id, shipment_id)
    if shipment is None:
        return [problem("SHIPMENT_NOT_FOUND", "shipment_not_found", "shipmentId",
                        details="Requested shipment was not found")], {}
    refusal = cancel_refusal(world, shipment)
    if refusal is not None:
        return [refusal], {}
    shipments.cancel(world, seller_id, shipment)
    return [], {"shipmentId": shipment_id}


def cancel_refusal(world: World, shipment: Json) -> AllegroProblem | None:
    """Why the shipment cannot be cancelled now (targ.allegro.shipping.shipments), or None."""
    if shipments.cancelled(shipment):
        return problem("BAD_REQUEST", "already_cancelled", "shipmentId")
    service = service_of(shipment["deliveryMethodId"])
    if not service["cancellable"]:
        name = shipments.carrier_name(shipment["carrier"])
        return problem("BAD_REQUEST", "not_cancellable", "shipmentId", {"carrier": name})
    if shipments.with_carrier(world, shipment) or pickups.pickup_started(world, shipment):
        return problem("BAD_REQUEST", "cancel_status", "shipmentId")
    return None


CREATE = family("wza_create_command", "allegro.shipping.create", _create)
CANCEL = family("wza_cancel_command", "allegro.shipping.cancel", _cancel)
PICKUP = family("wza_pickup_command", "allegro.shipping.pickup", pickups.run_order)
