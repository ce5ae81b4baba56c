"""The world without HTTP: store transactions, jobs on the virtual clock, reset."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from targ.clock import iso
from targ.jobs import RUNNERS, runs
from targ.store.base import Job, NestedTransaction
from targ.world import DEFAULT_TEST_START, ClockBackwards, Options, World

HOUR = 3600_000
RAN: list[tuple[str, str]] = []


@pytest.fixture
def world() -> Iterator[World]:
    w = World(Options(seed=0, clock_start=DEFAULT_TEST_START, frozen=True))
    RAN.clear()
    yield w
    w.close()


if "test.record" not in RUNNERS:
    @runs("test.record")
    def _record(world: World, job: Job) -> None:
        RAN.append((job.payload["name"], iso(world.clock.now_ms())))
        world.store.put("record", job.payload["name"], {"at": world.clock.now_ms()})
        if job.payload.get("then"):
            world.schedule("test.record", HOUR, {"name": job.payload["then"]})


def test_jobs_run_in_due_order_at_their_own_time(world: World) -> None:
    with world.store.transaction():
        world.schedule("test.record", 3 * HOUR, {"name": "late"})
        world.schedule("test.record", HOUR, {"name": "early", "then": "follow-up"})
    world.advance(36 * HOUR)
    assert RAN == [
        ("early", "2026-01-01T01:00:00.000Z"),
        ("follow-up", "2026-01-01T02:00:00.000Z"),
        ("late", "2026-01-01T03:00:00.000Z"),
    ]
    assert iso(world.clock.now_ms()) == "2026-01-02T12:00:00.000Z"
    assert world.store.pending_jobs() == 0


def test_nothing_runs_before_it_is_due(world: World) -> None:
    with world.store.transaction():
        world.schedule("test.record", HOUR, {"name": "x"})
    assert world.tick() == 0
    world.advance(HOUR - 1)
    assert RAN == []
    world.advance(1)
    assert [name for name, _ in RAN] == ["x"]


def test_drain_runs_everything_now_without_moving_the_clock(world: World) -> None:
    with world.store.transaction():
        world.schedule("test.record", 5 * HOUR, {"name": "a", "then": "b"})
    before = world.clock.now_ms()
    assert world.drain() == 2
    assert world.clock.now_ms() == before
    assert RAN == [("a", iso(before)), ("b", iso(before))]


def test_clock_never_goes_backwards(world: World) -> None:
    with pytest.raises(ClockBackwards):
        world.set_clock(DEFAULT_TEST_START - 1)
    with pytest.raises(ClockBackwards):
        world.advance(-1)


def test_failed_transaction_changes_nothing(world: World) -> None:
    with pytest.raises(RuntimeError), world.store.transaction():
        world.store.put("thing", "1", {"a": 1})
        world.ids.uuid("thing")
        raise RuntimeError("boom")
    assert world.store.get("thing", "1") is None
    with world.store.transaction():
        first = world.ids.uuid("thing")
    assert first == World(Options(seed=0, clock_start=DEFAULT_TEST_START)).ids.uuid("thing")


def test_reset_restores_state_ids_and_clock(world: World) -> None:
    with world.store.transaction():
        first = world.ids.uuid("order")
        world.store.put("thing", "1", {"a": 1})
        world.schedule("test.record", HOUR, {"name": "pending"})
    world.advance(2 * HOUR)
    took = world.reset()
    assert took < 20
    assert world.store.get("thing", "1") is None
    assert world.store.pending_jobs() == 0
    assert world.clock.now_ms() == DEFAULT_TEST_START
    with world.store.transaction():
        assert world.ids.uuid("order") == first


def test_ids_are_deterministic_per_seed() -> None:
    a = World(Options(seed=1, clock_start=DEFAULT_TEST_START))
    b = World(Options(seed=1, clock_start=DEFAULT_TEST_START))
    c = World(Options(seed=2, clock_start=DEFAULT_TEST_START))
    with a.store.transaction(), b.store.transaction(), c.store.transaction():
        ids_a = [a.ids.uuid("x"), a.ids.number("offer", 1000), a.ids.token("ord", 20)]
        ids_b = [b.ids.uuid("x"), b.ids.number("offer", 1000), b.ids.token("ord", 20)]
        ids_c = [c.ids.uuid("x"), c.ids.number("offer", 1000), c.ids.token("ord", 20)]
    assert ids_a == ids_b
    assert ids_a[0] != ids_c[0]
    assert ids_a[1] == "1000"
    assert len(ids_a[2]) == 20


def test_a_transaction_inside_another_must_say_it_joins(world: World) -> None:
    with world.store.transaction():
        world.store.put("thing", "outer", {})
        with pytest.raises(NestedTransaction, match="join=True"), world.store.transaction():
            pass
    assert world.store.get("thing", "outer") == {}


def test_inner_failure_rolls_back_the_whole_transaction(world: World) -> None:
    with pytest.raises(ValueError), world.store.transaction():
        world.store.put("thing", "outer", {})
        with world.store.transaction(join=True):
            world.store.put("thing", "inner", {})
            raise ValueError("inner")
    assert world.store.get("thing", "outer") is None and world.store.get("thing", "inner") is None


def test_swallowed_inner_failure_refuses_to_commit(world: World) -> None:
    with pytest.raises(RuntimeError, match="rolled back"), world.store.transaction():
        world.store.put("thing", "outer", {})
        try:
            with world.store.transaction(join=True):
                raise ValueError("inner")
        except ValueError:
            pass
    assert world.store.get("thing", "outer") is None
