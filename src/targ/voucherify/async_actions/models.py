"""Async actions: the record of a background operation (an order import), ENQUEUED → IN_PROGRESS → DONE.

The work itself is done by jobs (targ.jobs) of the area that started it; this module keeps the action's lifecycle
and its wire form. `processing_time` is the virtual time between start and finish, in ms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from targ.voucherify.common import find_doc, iso_or_none

if TYPE_CHECKING:
    from targ.store.base import Doc
    from targ.world import World

ACTION_KIND = "vf_async_action"


def new_action(world: World, project: str, action_type: str, request_id: str) -> dict[str, Any]:
    action: dict[str, Any] = {
        "id": "aa_" + world.ids.hex("vf_async_action", 18), "type": action_type, "status": "ENQUEUED",
        "result": None, "created_at": world.clock.now_ms(), "updated_at": None, "request_id": request_id,
        "progress": 0, "started_at": None, "processing_time": None,
    }
    save_action(world, project, action)
    return action


def find_action(world: World, project: str, action_id: str) -> Doc | None:
    return find_doc(world, ACTION_KIND, project, action_id, by_source=False)


def save_action(world: World, project: str, action: dict[str, Any]) -> None:
    world.store.put(ACTION_KIND, action["id"], action, owner=project)


def start_action(world: World, project: str, action: dict[str, Any]) -> None:
    now = world.clock.now_ms()
    action.update(status="IN_PROGRESS", started_at=now, updated_at=now)
    save_action(world, project, action)


def set_progress(world: World, project: str, action: dict[str, Any], progress: int) -> None:
    action.update(progress=max(0, min(progress, 100)), updated_at=world.clock.now_ms())
    save_action(world, project, action)


def finish_action(world: World, project: str, action: dict[str, Any], result: dict[str, Any]) -> None:
    now = world.clock.now_ms()
    started = action["started_at"] if action["started_at"] is not None else now
    action.update(status="DONE", progress=100, result=result, updated_at=now, processing_time=now - started)
    save_action(world, project, action)


def fail_action(world: World, project: str, action_id: str, error: str) -> None:
    """The vendor's FAILED status, for an action whose job raised (targ.jobs): the result says why."""
    doc = find_action(world, project, action_id)
    if doc is None:
        return
    action, now = doc.data, world.clock.now_ms()
    started = action["started_at"] if action["started_at"] is not None else now
    action.update(status="FAILED", result={"message": error}, updated_at=now, processing_time=now - started)
    save_action(world, project, action)


def render_action(action: dict[str, Any], *, with_result: bool = True) -> dict[str, Any]:
    """The vendor's async action; list entries (AsyncActionBase) carry no `result`."""
    out: dict[str, Any] = {
        "id": action["id"],
        "type": action["type"],
        "status": action["status"],
    }
    if with_result:
        out["result"] = action["result"]
    out.update({
        "created_at": iso_or_none(action["created_at"]),
        "updated_at": iso_or_none(action["updated_at"]),
        "request_id": action["request_id"],
        "progress": action["progress"],
    })
    if action["processing_time"] is not None:
        out["processing_time"] = action["processing_time"]
    out["object"] = "async_action"
    return out
