"""Admin endpoints for the runtime itself: health, reset, clock, jobs, config, coverage."""

from __future__ import annotations

from typing import Any

from targ import __version__, cache
from targ.admin import ADMIN
from targ.clock import iso, parse_duration, parse_time
from targ.handlers import binding_for
from targ.http.errors import AdminError
from targ.http.request import Reply, Request
from targ.http.routes import outside_transaction
from targ.spec.bundle import VENDORS, load_bundle
from targ.store.base import JOB_STATUSES, Job
from targ.world import ClockBackwards


def bad_request(message: str) -> AdminError:
    return AdminError(400, "bad_request", message)


def json_object(req: Request) -> dict[str, Any]:
    body = req.json(bad_request)
    if not isinstance(body, dict):
        raise bad_request("the body must be a JSON object")
    return body


@ADMIN.route("GET", "/health")
def health(req: Request) -> Reply:
    return Reply({"status": "ok", "version": __version__}, 200)


@ADMIN.route("POST", "/reset")
@outside_transaction
def reset(req: Request) -> Reply:
    took = req.world.reset()
    return Reply(None, 204, {"x-targ-reset-ms": f"{took:.2f}"})


def clock_view(req: Request) -> dict[str, Any]:
    return {"now": iso(req.world.clock.now_ms()), "frozen": req.world.clock.frozen}


@ADMIN.route("GET", "/clock")
def get_clock(req: Request) -> Reply:
    return Reply(clock_view(req), 200)


@ADMIN.route("POST", "/clock")
@outside_transaction   # due jobs run in transactions of their own (targ.jobs)
def move_clock(req: Request) -> Reply:
    body = json_object(req)
    known = {"advance", "set", "freeze"}
    if not body or set(body) - known:
        raise bad_request("give one of advance (ISO 8601 duration), set (RFC 3339 time) or freeze (boolean)")
    world = req.world
    try:
        if "advance" in body:
            world.advance(parse_duration(_text(body["advance"], "advance")))
        if "set" in body:
            world.set_clock(parse_time(_text(body["set"], "set")))
    except ClockBackwards as exc:
        raise AdminError(409, "clock_backwards", str(exc)) from None
    except ValueError as exc:
        raise bad_request(str(exc)) from None
    if "freeze" in body:
        if not isinstance(body["freeze"], bool):
            raise bad_request("freeze must be a boolean")
        world.freeze(body["freeze"])
    return Reply(clock_view(req), 200)


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise bad_request(f"{name} must be a string")
    return value


@ADMIN.route("POST", "/jobs/drain")
@outside_transaction   # each job runs in a transaction of its own (targ.jobs)
def drain(req: Request) -> Reply:
    return Reply({"ran": req.world.drain()}, 200)


@ADMIN.route("GET", "/jobs")
def list_jobs(req: Request) -> Reply:
    """The job queue, newest first: `?status=pending|done|failed` (all without it), `?limit=` (default 100)."""
    status = req.query("status")
    if status is not None and status not in JOB_STATUSES:
        raise bad_request(f"status must be one of {', '.join(JOB_STATUSES)}")
    raw_limit = req.query("limit", "100") or "100"
    if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= 1000:
        raise bad_request("limit must be a whole number from 1 to 1000")
    jobs = req.world.store.jobs(status, limit=int(raw_limit))
    return Reply({"jobs": [_job_view(job) for job in jobs]}, 200)


def _job_view(job: Job) -> dict[str, Any]:
    return {"id": job.id, "kind": job.kind, "status": job.status, "owner": job.owner, "dueAt": iso(job.due_at),
            "failedAt": iso(job.finished_at) if job.finished_at is not None else None, "error": job.error,
            "payload": job.payload}


@ADMIN.route("GET", "/config")
def get_config(req: Request) -> Reply:
    return Reply(config_view(req), 200)


@ADMIN.route("PATCH", "/config")
def patch_config(req: Request) -> Reply:
    body = json_object(req)
    try:
        req.world.config.update(body)
    except ValueError as exc:
        raise bad_request(str(exc)) from None
    return Reply(config_view(req), 200)


def config_view(req: Request) -> dict[str, Any]:
    """Flat `{name: value}`, the same shape PATCH takes; docs/configuration.md lists the defaults."""
    return req.world.config.values()


@ADMIN.route("GET", "/coverage")
def coverage(req: Request) -> Reply:
    rows = []
    for vendor in VENDORS:
        for op in load_bundle(vendor).operations:
            binding = binding_for(vendor, op.operation_id)
            rows.append({
                "vendor": vendor,
                "operationId": op.operation_id,
                "method": op.method,
                "path": op.path,
                "source": op.source,
                "backing": binding.backing if binding else "example",
                "module": binding.module if binding else None,   # where the operation's code lives
                # answers from the spec's example since the start or the last reset (header X-Targ-Backing)
                "exampleAnswers": req.world.example_answers.get((vendor, op.operation_id), 0),
            })
    counts: dict[str, int] = {}
    for r in rows:
        backing = str(r["backing"])
        counts[backing] = counts.get(backing, 0) + 1
    counts["exampleAnswers"] = sum(req.world.example_answers.values())
    return Reply({"operations": rows, "summary": counts, "examples": req.world.options.examples}, 200)


@ADMIN.route("GET", "/caches")
def caches(req: Request) -> Reply:
    """Each in-process cache's hits, misses, entries and capacity (targ.cache), for benchmarks and the curious."""
    return Reply({"caches": cache.stats()}, 200)


@ADMIN.route("GET", "/violations")
def violations(req: Request) -> Reply:
    """Responses targ sent that broke the vendor's schema, and handler crashes, since the process started."""
    return Reply({"violations": req.world.violations}, 200)
