"""A job that raises is set aside as failed; it never takes the world down (issue 14, defect 1).

Before: every request ran due jobs first and a raising job was never set aside, so every later request answered
500, also after a restart on the same data file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from targ import jobs
from targ.app import build_world
from targ.handlers import load_providers
from targ.store.base import Job
from targ.testing import TargServer
from targ.world import DEFAULT_TEST_START, Options, World

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
# Every route the fault-injection test calls, all answering while every job kind fails.
ANSWERING = {"health": 200, "me": 200, "clock": 200, "drain": 200, "config": 200, "violations": 200,
             "voucherify": 200}


def _all_kinds() -> list[str]:
    load_providers()   # every domain module imported: all runners known
    kinds = sorted(jobs.RUNNERS)
    assert {"voucherify.orders_import", "allegro.offer-command", "allegro.order.auto-cancel"} <= set(kinds)
    return kinds


@pytest.fixture
def every_job_raises(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    kinds = _all_kinds()

    def boom(world: World, job: Job) -> None:
        world.store.meta_set("half-done write of a failing job", job.id)   # must be rolled back
        raise RuntimeError(f"injected failure in {job.kind}")
    for kind in kinds:
        monkeypatch.setitem(jobs.RUNNERS, kind, boom)
    yield kinds


def _schedule_one_of_each(path: str, kinds: list[str]) -> None:
    world = build_world(Options(data=path, clock_start=DEFAULT_TEST_START, frozen=True))
    with world.store.transaction():
        for kind in kinds:
            world.schedule(kind, 0, {"injected": True})
    world.close()


def _answers(srv: TargServer) -> dict[str, int]:
    token = srv.demo["accessToken"]
    with httpx.Client(base_url=srv.url, timeout=30) as http:
        return {
            "health": http.get("/__targ/health").status_code,
            "me": http.get("/me", headers={"Authorization": f"Bearer {token}", "Accept": ALLEGRO_JSON}).status_code,
            "clock": http.post("/__targ/clock", json={"advance": "PT1H"}).status_code,
            "drain": http.post("/__targ/jobs/drain").status_code,
            "config": http.get("/__targ/config").status_code,
            "violations": http.get("/__targ/violations").status_code,
            "voucherify": http.get("/v1/orders", headers={"X-App-Id": srv.demo["voucherifyApplicationId"],
                                                          "X-App-Token": srv.demo["voucherifySecretKey"]}).status_code,
        }


def _failed(srv: TargServer) -> list[dict[str, Any]]:
    with httpx.Client(base_url=srv.url, timeout=30) as http:
        resp = http.get("/__targ/jobs", params={"status": "failed"})
        assert resp.status_code == 200
        return list(resp.json()["jobs"])


def test_every_job_kind_failing_leaves_every_route_answering(tmp_path: Path, every_job_raises: list[str]) -> None:
    path = str(tmp_path / "world.db")
    _schedule_one_of_each(path, every_job_raises)
    with TargServer(data=path) as srv:   # the first request runs them all: each one raises
        assert _answers(srv) == ANSWERING
        failed = _failed(srv)
        assert sorted(j["kind"] for j in failed) == every_job_raises
        assert all(j["status"] == "failed" and j["error"].startswith("RuntimeError: injected failure")
                   for j in failed)
        assert all(j["failedAt"] == "2026-01-01T00:00:00.000Z" for j in failed)
        assert srv.world.store.meta_get("half-done write of a failing job") is None
        assert sorted(v["jobKind"] for v in srv.violations() if v["kind"] == "job") == every_job_raises
    # A restart on the same file: the failed jobs stay set aside (not run again) and stay visible.
    with TargServer(data=path) as srv:
        assert _answers(srv) == ANSWERING
        assert len(_failed(srv)) == len(every_job_raises)
        assert len([v for v in srv.violations() if v["kind"] == "job"]) == len(every_job_raises)
        with httpx.Client(base_url=srv.url) as http:
            assert http.post("/__targ/reset").status_code == 204
        assert _failed(srv) == []


def test_a_failing_job_spoils_neither_the_clock_move_nor_the_other_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(world: World, job: Job) -> None:
        world.store.meta_set("test.failing", "written")
        raise ValueError("no good")

    def writes(world: World, job: Job) -> None:
        world.store.meta_set("test.writing", world.clock.now_ms())

    monkeypatch.setitem(jobs.RUNNERS, "test.fails", fails)
    monkeypatch.setitem(jobs.RUNNERS, "test.writes", writes)
    with TargServer() as srv:
        world = srv.world
        with world.store.transaction():
            world.schedule("test.fails", 3_600_000, {})
            world.schedule("test.writes", 7_200_000, {})
        assert srv.clock.advance("PT3H")["now"] == "2026-01-01T03:00:00.000Z"
        assert world.store.meta_get("test.writing") == DEFAULT_TEST_START + 7_200_000
        assert world.store.meta_get("test.failing") is None
        [failed] = _failed(srv)
        assert (failed["kind"], failed["error"], failed["failedAt"]) == (
            "test.fails", "ValueError: no good", "2026-01-01T01:00:00.000Z")
        with httpx.Client(base_url=srv.url) as http:
            listing = http.get("/__targ/jobs", params={"status": "done"}).json()["jobs"]
            assert [j["kind"] for j in listing][:1] == ["test.writes"]
            assert http.get("/__targ/jobs", params={"status": "nope"}).status_code == 400


def test_a_badge_application_without_a_body_is_refused_and_harms_nothing(targ: TargServer) -> None:
    token = targ.demo["accessToken"]
    headers = {"Authorization": f"Bearer {token}", "Accept": ALLEGRO_JSON, "Content-Type": ALLEGRO_JSON}
    with httpx.Client(base_url=targ.url, headers=headers) as http:
        resp = http.post("/sale/badges")
        assert resp.status_code == 422
        assert [e["path"] for e in resp.json()["errors"]] == ["campaign", "offer"]
        assert http.post("/sale/badges", json={"campaign": {"id": "HIT"}}).json()["errors"][0]["path"] == "offer"
        assert http.get("/__targ/health").status_code == 200
        offer = targ.demo["offers"][0]["id"]
        applied = http.post("/sale/badges", json={"campaign": {"id": "HIT"}, "offer": {"id": offer}})
        assert applied.status_code == 202
        assert (applied.json()["campaign"], applied.json()["offer"]) == ({"id": "HIT"}, {"id": offer})
        targ.drain()
        assert http.get("/__targ/jobs", params={"status": "failed"}).json()["jobs"] == []
        done = http.get("/__targ/jobs", params={"status": "done"}).json()["jobs"]
        assert "allegro.badges" in [j["kind"] for j in done]


def test_a_failing_import_is_failed_where_the_sdk_looks_and_the_next_one_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from targ.voucherify.orders import imports

    real = jobs.RUNNERS[imports.IMPORT_JOB]

    def chunk_raises(world: World, job: Job) -> None:
        if job.payload["step"] == "chunk":
            raise KeyError("chunk")
        real(world, job)

    monkeypatch.setitem(jobs.RUNNERS, imports.IMPORT_JOB, chunk_raises)
    with TargServer(validate_responses=True) as srv:
        demo = srv.demo
        headers = {"X-App-Id": demo["voucherifyApplicationId"], "X-App-Token": demo["voucherifySecretKey"]}
        with httpx.Client(base_url=srv.url, headers=headers) as http:
            first = http.post("/v1/orders/import", json=[{"source_id": "a"}]).json()["async_action_id"]
            srv.clock.advance("PT1M")
            failed = http.get(f"/v1/async-actions/{first}").json()
            assert (failed["status"], failed["result"]) == ("FAILED", {"message": "KeyError: 'chunk'"})
            jobs.RUNNERS[imports.IMPORT_JOB] = real     # only the first import's chunk raises
            second = http.post("/v1/orders/import", json=[{"source_id": "b"}]).json()["async_action_id"]
            srv.drain()
            assert http.get(f"/v1/async-actions/{second}").json()["status"] == "DONE"
            assert http.get("/v1/orders/b").status_code == 200
            assert http.get("/v1/orders/a").status_code == 404
        assert [v["kind"] for v in srv.violations()] == ["job"]
