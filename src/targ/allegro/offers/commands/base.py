"""Batch offer commands with client-chosen ids (allegro-behaviour.md §3), shared by every command family.

* `PUT …-commands/{commandId}` registers a command and answers 201 at once with `taskCount` all zeros; its job
  (`jobDelay`, or `/__targ/jobs/drain`) runs one task per offer and fills the counts in. Until then `…/tasks`
  lists the tasks as NEW.
* The same id with the same body answers the command's current report again (201); with a different body, or
  another seller's command, 409 COMMAND_ALREADY_REGISTERED_WITH_DIFFERENT_CONTENT. Ids live per family: an id of
  another family is unknown, 404 COMMAND_NOT_FOUND with the vendor's exact body.
* A task fails (status FAIL, `errors`, `field`) for an offer that is missing or another seller's ("The offer does
  not exist.", the spec's example) or that the change does not suit; the others still succeed.

Commands are docs of kind `offer-command`, id `<family>/<commandId>`, owner = the seller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from targ.allegro.errors import AllegroError, AllegroProblem
from targ.allegro.failures import internal_problem
from targ.allegro.messages import ENGLISH
from targ.allegro.offers import model
from targ.allegro.offers.documents import Offer
from targ.clock import iso
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

COMMAND_KIND = "offer-command"
COMMAND_JOB = "allegro.offer-command"
MAX_OFFERS = 1000


class TaskFailure(Exception):
    """One offer's task failed: its error (code, message, path) goes into the task report."""

    def __init__(self, code: str, message: str, path: str | None = None, user_message: str | None = None, *,
                 problem: AllegroProblem | None = None) -> None:
        super().__init__(message)
        self.problem = problem or AllegroProblem(code, message, path=path, user_message=user_message)

    @classmethod
    def of(cls, error: AllegroError) -> TaskFailure:
        problem = error.problems[0]
        return cls(problem.code, problem.message, problem=problem)


# (world, seller id, offer being edited, the command's body) → applies the change in place or raises TaskFailure.
Apply = Callable[["World", str, Offer, Json], None]


@dataclass(frozen=True)
class Family:
    name: str
    apply: Apply
    validate: Callable[[Request, Json], None] = lambda req, body: None
    # Report shapes: the promotion family answers PromoGeneralReport/PromoModificationReport, the others
    # GeneralReport/TaskReport.
    report: Callable[[Json], Json] | None = None
    task: Callable[[Json, Json], Json] | None = None


FAMILIES: dict[str, Family] = {}


def register(family: Family, put: str | None, report: str, tasks: str) -> Family:
    """Registers a family and binds its three operations (`put=None`: the family binds its own registration)."""
    FAMILIES[family.name] = family
    if put is not None:
        handler("allegro", put)(lambda req: register_command(req, family.name, req.param("commandId"), req.body))
    handler("allegro", report)(lambda req: read_report(req, family.name))
    handler("allegro", tasks)(lambda req: read_tasks(req, family.name))
    return family


def command_not_found() -> AllegroError:
    """The vendor's exact body (allegro-behaviour.md §3)."""
    return AllegroError(404, "COMMAND_NOT_FOUND", "Command not found.", path="", user_message="Command not found.")


def canonical(body: Any) -> str:
    return orjson.dumps(body, option=orjson.OPT_SORT_KEYS).decode()


def registered(world: World, key: str, seller_id: str, body: Json) -> Json | None:
    """The command already registered under `key` for this very body, None if there is none; 409 when the id is
    taken by another body (or another seller)."""
    existing = world.store.get_doc(COMMAND_KIND, key)
    if existing is None:
        return None
    if existing.owner != seller_id or existing.data["_body"] != canonical(body):
        message = "Command with the given id but with different content is already registered."
        raise AllegroError(409, "COMMAND_ALREADY_REGISTERED_WITH_DIFFERENT_CONTENT", message, user_message=message)
    return existing.data


def offer_ids(body: Json) -> list[str]:
    ids: list[str] = []
    for i, criterion in enumerate(body.get("offerCriteria") or ()):
        if criterion.get("type", "CONTAINS_OFFERS") != "CONTAINS_OFFERS":
            raise AllegroError(422, "VALIDATION_ERROR", "Only CONTAINS_OFFERS criteria are supported.",
                               path=f"offerCriteria[{i}].type")
        ids += [str(o.get("id")) for o in criterion.get("offers") or ()]
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise AllegroError(422, "VALIDATION_ERROR", "The command names no offers.", path="offerCriteria")
    if len(ids) > MAX_OFFERS:
        raise AllegroError(422, "VALIDATION_ERROR", f"A command may name at most {MAX_OFFERS} offers.",
                           path="offerCriteria")
    return ids


def _stored(world: World, family: str, command_id: str, seller_id: str) -> Json:
    doc = world.store.get_doc(COMMAND_KIND, f"{family}/{command_id}")
    if doc is None or doc.owner != seller_id:
        raise command_not_found()
    return doc.data


def general_report(command: Json) -> Json:
    done = [t for t in command["tasks"] if t["status"] != "NEW"]
    return {"id": command["id"], "createdAt": command["createdAt"], "completedAt": command.get("completedAt"),
            "taskCount": {"total": len(done), "success": sum(t["status"] == "SUCCESS" for t in done),
                          "failed": sum(t["status"] == "FAIL" for t in done)}}


def task_row(command: Json, task: Json) -> Json:
    row = {"offer": {"id": task["offer"]["id"]}, "status": task["status"], "scheduledAt": task["scheduledAt"],
           "errors": task.get("errors") or []}
    for key in ("message", "field", "finishedAt"):
        if task.get(key):
            row[key] = task[key]
    return row


def register_command(req: Request, family_name: str, command_id: str, body: Json) -> Reply:
    family, world = FAMILIES[family_name], req.world
    seller = model.seller(req)
    key = f"{family_name}/{command_id}"
    existing = registered(world, key, seller.id, body)
    if existing is not None:
        return Reply(_report(family, existing), status=201)
    ids = offer_ids(body)
    family.validate(req, body)
    now = iso(world.clock.now_ms())
    command = {"id": command_id, "family": family_name, "createdAt": now, "completedAt": None, "input": body,
               "_body": canonical(body),
               "tasks": [{"offer": {"id": i}, "status": "NEW", "scheduledAt": now} for i in ids]}
    world.store.put(COMMAND_KIND, key, command, owner=seller.id)
    world.schedule(COMMAND_JOB, world.config.ms("jobDelay"), {"key": key}, owner=seller.id)
    return Reply(_report(family, command), status=201)


def _report(family: Family, command: Json) -> Json:
    return (family.report or general_report)(command)


def read_report(req: Request, family_name: str) -> Reply:
    command = _stored(req.world, family_name, req.param("commandId"), model.seller(req).id)
    return Reply(_report(FAMILIES[family_name], command))


def read_tasks(req: Request, family_name: str) -> Reply:
    family = FAMILIES[family_name]
    command = _stored(req.world, family_name, req.param("commandId"), model.seller(req).id)
    offset, limit = int(req.param("offset") or 0), int(req.param("limit") or 100)
    rows = [(family.task or task_row)(command, t) for t in command["tasks"][offset:offset + limit]]
    return Reply({"tasks": rows} if family.task is None else {**_promo_echo(command), "tasks": rows})


def _promo_echo(command: Json) -> Json:
    return {k: command["input"][k] for k in ("modification", "additionalMarketplaces") if k in command["input"]}


def run_task(world: World, family: Family, owner: str, task: Json, body: Json) -> None:
    offer_id = task["offer"]["id"]
    try:
        doc = world.store.get_doc(model.OFFER_KIND, offer_id)
        if doc is None or doc.owner != owner:
            raise TaskFailure("NOT_FOUND", "The offer does not exist.", "offer.id")
        _, before, offer = model.edit(world, offer_id)
        task["marketplaceId"] = model.base_marketplace(before)
        family.apply(world, owner, offer, body)
        model.save(world, owner, before, offer)
        task.update(status="SUCCESS", errors=[])
    except TaskFailure as failure:
        problem = failure.problem
        # A task report is written by the job, with no request to take a language from: in English, as every
        # task error's userMessage (its message) is.
        task.update(status="FAIL", message=problem.message, errors=[problem.to_json(ENGLISH)])
        if problem.path:
            task["field"] = problem.path
    task["finishedAt"] = iso(world.clock.now_ms())


def _command_failed(world: World, job: Job, error: str) -> None:
    """Tasks still NEW when the job raised (targ.jobs) end as FAIL, the command completed, as the vendor reports a
    task it could not carry out."""
    doc = world.store.get_doc(COMMAND_KIND, str(job.payload.get("key")))
    if doc is None:
        return
    command, now = doc.data, iso(world.clock.now_ms())
    for task in command["tasks"]:
        if task["status"] == "NEW":
            task.update(status="FAIL", message=error, errors=[internal_problem(error)], finishedAt=now)
    command["completedAt"] = now
    world.store.put(COMMAND_KIND, doc.id, command, owner=doc.owner)


@runs(COMMAND_JOB, on_failure=_command_failed)
def _run(world: World, job: Job) -> None:
    doc = world.store.get_doc(COMMAND_KIND, job.payload["key"])
    if doc is None:
        return
    command, family = doc.data, FAMILIES[doc.data["family"]]
    for task in command["tasks"]:
        if task["status"] == "NEW":
            run_task(world, family, doc.owner, task, command["input"])
    command["completedAt"] = iso(world.clock.now_ms())
    world.store.put(COMMAND_KIND, doc.id, command, owner=doc.owner)
