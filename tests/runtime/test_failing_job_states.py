"""A job that raises leaves its resource in the vendor's failed state, not stuck half-way (issue 14, defect 1).

Each test runs its own server: a failing job is listed in /__targ/violations, which the session server's tests
must keep empty.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from targ import jobs
from targ.allegro.offers import publication
from targ.allegro.offers.commands.operations import price
from targ.allegro.offers.operations import product_offers
from targ.allegro.products.catalog import ean13
from targ.store.base import Job
from targ.testing import TargServer
from targ.world import World

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
INTERNAL = {"code": "INTERNAL_SERVER_ERROR", "message": "Internal server error.", "path": None,
            "userMessage": "Błąd wewnętrzny serwera. Spróbuj ponownie za kilka minut.", "metadata": {}}


def _raise(world: World, job: Job) -> None:
    raise RuntimeError(f"injected failure in {job.kind}")


@pytest.fixture
def srv() -> Iterator[TargServer]:
    with TargServer(validate_responses=True) as server:
        yield server


@pytest.fixture
def allegro(srv: TargServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {srv.demo['accessToken']}", "Accept": ALLEGRO_JSON,
               "Content-Type": ALLEGRO_JSON}
    with httpx.Client(base_url=srv.url, headers=headers, timeout=30) as client:
        yield client


def _offer_body(**publication_: Any) -> dict[str, Any]:
    return {"productSet": [{"product": {"id": ean13("590123412001"), "idType": "GTIN"}}],
            "parameters": [{"id": "11323", "valuesIds": ["11323_1"]}],
            "sellingMode": {"price": {"amount": "3999.00", "currency": "PLN"}}, "stock": {"available": 5},
            "publication": publication_}


def _job_violations(srv: TargServer) -> list[str]:
    return sorted(v["jobKind"] for v in srv.violations() if v["kind"] == "job")


def test_a_failing_offer_operation_ends_and_the_offer_says_why(
        srv: TargServer, allegro: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """#9659, #9943 (staff): once the vendor stops processing it answers 303, and the offer's validation tells what
    went wrong. Before: the operation answered 202 IN_PROGRESS forever."""
    monkeypatch.setitem(jobs.RUNNERS, product_offers.OPERATION_JOB, _raise)
    monkeypatch.setitem(jobs.RUNNERS, publication.ACTIVATION_JOB, _raise)
    resp = allegro.post("/sale/product-offers", json=_offer_body(status="ACTIVE"))
    assert resp.status_code == 202, resp.text
    offer_id, operation = resp.json()["id"], resp.headers["location"].removeprefix(srv.url)
    srv.clock.advance("PT1M")
    done = allegro.get(operation, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"{srv.url}/sale/product-offers/{offer_id}"
    offer = allegro.get(f"/sale/product-offers/{offer_id}").json()
    assert offer["publication"]["status"] == "INACTIVE"
    assert offer["validation"]["errors"] == [
        {**INTERNAL, "details": f"RuntimeError: injected failure in {kind}"}
        for kind in (publication.ACTIVATION_JOB, product_offers.OPERATION_JOB)]
    assert _job_violations(srv) == [publication.ACTIVATION_JOB, product_offers.OPERATION_JOB]


def test_a_failing_scheduled_activation_leaves_the_offer_inactive(
        srv: TargServer, allegro: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: the offer stayed ACTIVATING, its start time long past."""
    monkeypatch.setitem(jobs.RUNNERS, publication.ACTIVATION_JOB, _raise)
    created = allegro.post("/sale/product-offers", json=_offer_body(status="INACTIVE"))
    assert created.status_code == 201, created.text
    offer_id = created.json()["id"]
    scheduled = allegro.patch(f"/sale/product-offers/{offer_id}",
                              json={"publication": {"status": "ACTIVE", "startingAt": "2026-01-02T00:00:00Z"}})
    assert scheduled.json()["publication"]["status"] == "ACTIVATING", scheduled.text
    srv.clock.advance("P1D")
    allegro.headers["authorization"] = f"Bearer {srv.demo['accessToken']}"   # the old one expired meanwhile
    offer = allegro.get(f"/sale/product-offers/{offer_id}").json()
    assert offer["publication"]["status"] == "INACTIVE"
    assert offer["validation"]["errors"] == [
        {**INTERNAL, "details": f"RuntimeError: injected failure in {publication.ACTIVATION_JOB}"}]


def test_a_failing_price_change_command_is_an_error(
        srv: TargServer, allegro: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's output is ERROR with the error (ProcessingStatus). Before: VALIDATED_AND_RUNNING forever."""
    monkeypatch.setitem(jobs.RUNNERS, price.SINGLE_JOB, _raise)
    offer_id = srv.demo["offers"][0]["id"]
    command_id = str(uuid.uuid4())
    path = f"/offers/{offer_id}/change-price-commands/{command_id}"
    body = {"id": command_id, "input": {"buyNowPrice": {"amount": "42.00", "currency": "PLN"}}}
    assert allegro.put(path, json=body).json()["output"]["status"] == "VALIDATED_AND_RUNNING"
    srv.drain()
    again = allegro.put(path, json=body)
    assert again.status_code == 200
    assert again.json()["output"] == {"status": "ERROR", "errors": [
        {**INTERNAL, "details": f"RuntimeError: injected failure in {price.SINGLE_JOB}"}]}
    listed = allegro.get(f"/sale/product-offers/{offer_id}").json()
    assert listed["sellingMode"]["price"]["amount"] != "42.00"


def test_due_jobs_never_run_inside_a_transaction(srv: TargServer) -> None:
    """A job run inside a request's transaction would share its fate: one failure would roll back the request, the
    clock move and the job's own failure record (the job would run, and fail, again on every request)."""
    world = srv.world
    with world.store.transaction():
        world.schedule(price.SINGLE_JOB, 0, {"key": "nothing"})
    for run in (world.tick, world.drain, lambda: world.advance(1000)):
        with pytest.raises(RuntimeError, match="outside any transaction"), world.store.transaction():
            run()
    assert world.store.pending_jobs() == 1
    assert world.tick() == 1 and world.store.pending_jobs() == 0
