"""Concurrent clients: status changes on one order, and reading the journal while purchases happen."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from orders_helpers import ALLEGRO_JSON, buy, events, set_status

from targ.testing import TargServer

STATUSES = ("PROCESSING", "READY_FOR_SHIPMENT", "SENT", "PICKED_UP")


def seller_client(targ: TargServer, demo: dict[str, Any]) -> httpx.Client:
    return httpx.Client(base_url=targ.url, timeout=30,
                        headers={"Authorization": f"Bearer {demo['accessToken']}", "Accept": ALLEGRO_JSON})


def test_sixteen_threads_set_statuses_on_one_order(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                                   demo: dict[str, Any], offers: dict[str, str]) -> None:
    assert http.patch("/__targ/config", json={"maxStatusChangesPerOrder": 16}).status_code == 200
    order_id = buy(http, offers["A"])["checkoutFormId"]
    start = threading.Barrier(16)

    def change(i: int) -> int:
        with seller_client(targ, demo) as client:
            start.wait()
            return set_status(client, order_id, STATUSES[i % len(STATUSES)]).status_code

    with ThreadPoolExecutor(16) as pool:
        assert list(pool.map(change, range(16))) == [204] * 16
    changed = events(allegro, type="FULFILLMENT_STATUS_CHANGED")
    ids = [int(e["id"]) for e in changed]
    assert len(changed) == 16 and ids == sorted(ids) and len(set(ids)) == 16
    assert set_status(allegro, order_id, "SENT").status_code == 422      # exactly 16 changes were counted
    final = allegro.get(f"/order/checkout-forms/{order_id}").json()["fulfillment"]["status"]
    assert final in STATUSES


def test_paging_the_journal_while_purchases_run(targ: TargServer, http: httpx.Client, allegro: httpx.Client,
                                                demo: dict[str, Any], offers: dict[str, str]) -> None:
    done = threading.Event()

    def shop(n: int) -> None:
        with httpx.Client(base_url=targ.url, timeout=30) as client:
            for _ in range(n):
                buy(client, offers["A"])

    def read() -> list[str]:
        seen: list[str] = []
        with seller_client(targ, demo) as client:
            while True:
                finished = done.is_set()
                params = {"limit": 7, **({"from": seen[-1]} if seen else {})}
                page = client.get("/order/events", params=params).json()["events"]
                seen += [e["id"] for e in page]
                if finished and not page:
                    return seen

    with ThreadPoolExecutor(4) as pool:
        reader = pool.submit(read)
        shoppers = [pool.submit(shop, 10) for _ in range(3)]
        for s in shoppers:
            s.result()
        done.set()
        seen = reader.result()
    journal = [e["id"] for e in events(allegro, limit=1000)]
    assert len(journal) == 90 and seen == journal                        # nothing skipped, nothing twice
