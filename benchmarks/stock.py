"""One Fulfillment stock report over 10 000 products: `python benchmarks/stock.py [N]` prints JSON timings.

Not part of CI. The 10 000 products (an offer, a warehouse ledger entry and one order each) are written straight
into an in-process TargServer's store, copied from the demo world's One Fulfillment offer and one real purchase:
going through the API would spend minutes on set-up that this benchmark does not measure. The reads are real HTTP.
"""

from __future__ import annotations

import copy
import json
import statistics
import sys
import time
import uuid
from typing import Any

import httpx

from targ.allegro.fulfillment import ledger
from targ.clock import iso
from targ.testing import TargServer
from targ.world import World

DAY_MS = 86_400_000
FIRST_OFFER = 8_000_000_000


def seed(world: World, seller: str, offer_id: str, order_id: str, n: int) -> None:
    """n products, each with its offer, put-away units (some on hold) and one order, spread over 120 days."""
    with world.store.transaction():
        offer_template = world.store.get("offer", offer_id)
        order_template = world.store.get("checkout_form", order_id)
        assert offer_template is not None and order_template is not None
        now = world.clock.now_ms()
        for i in range(n):
            product_id = str(uuid.UUID(int=i + 1))
            offer = copy.deepcopy(offer_template)
            offer.update(id=str(FIRST_OFFER + i), name=f"Produkt testowy {i:05d}", product={"id": product_id},
                         productSet=[{"product": {"id": product_id}}])
            offer["stock"]["available"] = 50 + i % 7
            world.store.put("offer", offer["id"], offer, owner=seller)
            with world.clock.pinned(now - (i % 120) * DAY_MS):
                ledger.put_away(world, seller, product_id, sellable=50 + i % 7 + 1, on_hold=i % 3)
            order = copy.deepcopy(order_template)
            order["id"] = str(uuid.UUID(int=10**9 + i))
            order["lineItems"][0]["offer"]["id"] = offer["id"]
            order["lineItems"][0]["boughtAt"] = iso(now - (i % 30) * DAY_MS)
            order["fulfillment"]["status"] = "SENT" if i % 2 else "NEW"
            world.store.put("checkout_form", order["id"], order, owner=seller)


def timed(client: httpx.Client, runs: int = 5, **kwargs: Any) -> dict[str, Any]:
    took = []
    for _ in range(runs):
        start = time.perf_counter()
        resp = client.get("/fulfillment/stock", **kwargs)
        took.append((time.perf_counter() - start) * 1000)
        if resp.status_code != 200:
            raise SystemExit(f"GET /fulfillment/stock answered {resp.status_code}: {resp.text[:300]}")
    return {"median_ms": round(statistics.median(took), 1), "min_ms": round(min(took), 1), "bytes": len(resp.content)}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with TargServer() as srv:
        demo = srv.demo
        purchase = httpx.post(srv.url + "/__targ/buyer/purchases",
                              json={"lineItems": [{"offerId": demo["offers"][2]["id"], "quantity": 1}]})
        start = time.perf_counter()
        seed(srv.world, demo["sellerId"], demo["offers"][2]["id"], purchase.json()["checkoutFormId"], n)
        seeded_s = time.perf_counter() - start
        headers = {"Authorization": f"Bearer {demo['accessToken']}", "Accept": "application/vnd.allegro.public.v1+json"}
        with httpx.Client(base_url=srv.url, timeout=120, headers=headers) as client:
            report: dict[str, Any] = {"products": n, "seed_s": round(seeded_s, 1)}
            report["json_page"] = timed(client)
            filtered = {"limit": 1000, "sort": "-reserve", "phrase": "testowy"}
            report["json_filtered_1000"] = timed(client, params=filtered)
            report["csv_all_rows"] = timed(client, headers={"Accept": "text/csv"})
            cold = []
            for i in range(3):  # an order changes the seller's orders and offers: the next report reads them again
                httpx.post(srv.url + "/__targ/buyer/purchases",
                           json={"lineItems": [{"offerId": str(FIRST_OFFER + i), "quantity": 1}]})
                start = time.perf_counter()
                client.get("/fulfillment/stock")
                cold.append((time.perf_counter() - start) * 1000)
            report["json_page_after_a_purchase_ms"] = round(statistics.median(cold), 1)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
