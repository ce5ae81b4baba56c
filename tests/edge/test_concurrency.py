"""Hand-written edge cases of concurrent writers: many clients creating sellers at once. Each asserts the exact wire
behaviour the docs promise (docs/errors.md, PRODUCT.md)."""

from __future__ import annotations

import threading

import httpx
from edge_helpers import bearer

from targ.testing import TargServer

# ------------------------------------------------------------------------------------------ concurrency


def test_concurrent_seller_creation(targ: TargServer) -> None:
    n = 16
    barrier = threading.Barrier(n)
    results: list[httpx.Response | BaseException] = [RuntimeError("not run")] * n

    def create(i: int) -> None:
        with httpx.Client(base_url=targ.url, timeout=30) as client:
            barrier.wait()
            try:
                results[i] = client.post("/__targ/sellers", json={"login": f"concurrent-{i}"})
            except BaseException as exc:  # reported below
                results[i] = exc

    threads = [threading.Thread(target=create, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    responses = [r for r in results if isinstance(r, httpx.Response)]
    assert len(responses) == n, results
    assert [r.status_code for r in responses] == [201] * n, [r.text for r in responses]
    bodies = [r.json() for r in responses]
    assert len({b["id"] for b in bodies}) == n
    assert len({b["accessToken"] for b in bodies}) == n
    assert {b["login"] for b in bodies} == {f"concurrent-{i}" for i in range(n)}
    with httpx.Client(base_url=targ.url, timeout=30) as client:  # every seller exists and its token works
        for b in bodies:
            me = client.get("/me", headers=bearer(b["accessToken"]))
            assert me.status_code == 200 and me.json()["id"] == b["id"], me.text


def test_concurrent_same_login_one_wins(targ: TargServer) -> None:
    n = 8
    barrier = threading.Barrier(n)
    statuses: list[int] = [0] * n

    def create(i: int) -> None:
        with httpx.Client(base_url=targ.url, timeout=30) as client:
            barrier.wait()
            statuses[i] = client.post("/__targ/sellers", json={"login": "same-login"}).status_code

    threads = [threading.Thread(target=create, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(statuses) == [201] + [409] * (n - 1)
