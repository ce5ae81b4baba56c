"""targ at scale: 100k orders / 300k events in one seller's world (issue 14's figures).

    python benchmarks/scale.py [--orders 100000] [--requests 200]

Seeds a `--data` file in-process through the buyer's purchase (the same code path as `POST
/__targ/buyer/purchases`, in transactions of 1 000 purchases, a second of virtual time apart), then serves it with
`targ serve` and times, over one keep-alive connection: `GET /order/events?limit=100` from the start, the middle and
the end of the journal (all types, several types, a type that is rare or absent); `GET /order/event-stats`;
`GET /order/checkout-forms` with each spec filter, once as a run of reads and once each right after a write (a
fulfillment status change). Prints one JSON document: p50/p99 in ms per route, and the server's RSS at start, after
the timed reads, after `GET /fulfillment/stock` (which reads every order: decoded copies are bounded) and after
`POST /__targ/reset`, also per 10k orders. Not part of CI or the test suite.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ALLEGRO = "application/vnd.allegro.public.v1+json"
START = "2026-01-01T00:00:00Z"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def seed(path: str, n: int) -> dict[str, Any]:
    from targ.allegro.offers import model as offers
    from targ.allegro.orders import buyer
    from targ.app import build_world
    from targ.clock import parse_time
    from targ.demo import demo_view
    from targ.world import Options

    world = build_world(Options(data=path, clock_start=parse_time(START), frozen=True))
    offer_id = next(o["id"] for o in demo_view(world)["offers"] if not o["oneFulfillment"])
    t0 = time.perf_counter()
    with world.store.transaction():
        owner, before, offer = offers.edit(world, offer_id)
        offer["stock"]["available"] = n + 100
        offers.save(world, owner, before, offer)
    logins = [f"buyer-{i}" for i in range(50)]
    for chunk in range(0, n, 1000):
        with world.store.transaction():
            for i in range(chunk, min(chunk + 1000, n)):
                buyer.purchase(world, {"lineItems": [{"offerId": offer_id, "quantity": 1}],
                                       "buyer": {"login": logins[i % len(logins)]}})
                world.clock.set(world.clock.now_ms() + 1000)
        log(f"  seeded {min(chunk + 1000, n)} orders")
    took = time.perf_counter() - t0
    now = world.clock.now_ms()
    world.close()
    return {"orders": n, "seconds": round(took, 1), "clock_end_ms": now, "offerId": offer_id}


class Client:
    def __init__(self, port: int, token: str) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.headers = {"Authorization": f"Bearer {token}", "Accept": ALLEGRO, "Content-Type": ALLEGRO}

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any, float]:
        t0 = time.perf_counter()
        self.conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=self.headers)
        resp = self.conn.getresponse()
        raw = resp.read()
        took = (time.perf_counter() - t0) * 1000
        return resp.status, (json.loads(raw) if raw else None), took


def figures(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return {"p50_ms": round(statistics.median(times), 2), "p99_ms": round(p99, 2), "max_ms": round(times[-1], 2),
            "n": len(times)}


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per route")
    parser.add_argument("--keep", help="reuse (or keep) this data file")
    args = parser.parse_args()
    path = args.keep or os.path.join(tempfile.mkdtemp(), "scale.db")
    result: dict[str, Any] = {}
    if not (args.keep and Path(path).exists()):
        log(f"seeding {args.orders} orders into {path}")
        result["seed"] = seed(path, args.orders)
    served = path
    if args.keep:   # the run ends with a reset, which would empty the kept file: serve a copy
        served = os.path.join(tempfile.mkdtemp(), "served.db")
        for suffix in ("", "-wal"):
            if Path(path + suffix).exists():
                shutil.copyfile(path + suffix, served + suffix)
    proc = subprocess.Popen([sys.executable, "-m", "targ", "serve", "--port", "0", "--data", served, "--frozen",
                             "--clock-start", START], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        port = int(line.strip().rsplit(":", 1)[1])
        demo = json.loads(_get(port, "/__targ/demo"))
        client = Client(port, demo["accessToken"])
        result["rss_mb_at_start"] = round(rss_mb(proc.pid), 1)
        result["events"] = events_figures(client, args.requests)
        result["order_list"] = list_figures(client, args.requests)
        rss = rss_mb(proc.pid)
        result["rss_mb_after"] = round(rss, 1)
        result["rss_mb_per_10k_orders"] = round(rss / max(args.orders / 10_000, 1e-9), 1)
        code, _, took = client.call("GET", "/fulfillment/stock?limit=1")
        assert code == 200, code
        result["stock_report_ms"] = round(took, 1)
        result["rss_mb_after_stock_report"] = round(rss_mb(proc.pid), 1)
        # What the orders cost in memory: growth since start (the data file itself is not in memory).
        result["rss_mb_growth_per_10k_orders"] = round(
            (result["rss_mb_after_stock_report"] - result["rss_mb_at_start"]) / max(args.orders / 10_000, 1e-9), 1)
        reset = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        reset.request("POST", "/__targ/reset", body=b"{}", headers={"Content-Type": "application/json"})
        assert reset.getresponse().status == 204
        result["rss_mb_after_reset"] = round(rss_mb(proc.pid), 1)
        result["orders"] = args.orders
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        if served != path:
            shutil.rmtree(os.path.dirname(served))
    print(json.dumps(result, indent=1))
    return 0


def _get(port: int, path: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", path)
    return conn.getresponse().read().decode()


def events_figures(client: Client, n: int) -> dict[str, Any]:
    _, stats, _ = client.call("GET", "/order/event-stats")
    last = int(stats["latestEvent"]["id"])
    _, page, _ = client.call("GET", "/order/events?limit=1")
    first = int(page["events"][0]["id"])
    out: dict[str, Any] = {}
    for name, start in (("start", None), ("middle", (first + last) // 2), ("end", last - 50)):
        query = "/order/events?limit=100" + (f"&from={start}" if start is not None else "")
        out[name] = figures([client.call("GET", query)[2] for _ in range(n)])
    middle = (first + last) // 2
    for name, query in (("type_FILLED_IN_middle", f"type=FILLED_IN&from={middle}"),
                        ("types_BOUGHT_FILLED_IN_start", "type=BOUGHT&type=FILLED_IN"),
                        ("types_BOUGHT_FILLED_IN_middle", f"type=BOUGHT,FILLED_IN&from={middle}"),
                        ("type_absent_start", "type=BUYER_CANCELLED"),
                        ("type_FULFILLMENT_STATUS_CHANGED_start", "type=FULFILLMENT_STATUS_CHANGED")):
        out[name] = figures([client.call("GET", f"/order/events?limit=100&{query}")[2] for _ in range(n)])
    out["event_stats"] = figures([client.call("GET", "/order/event-stats")[2] for _ in range(n)])
    return out


FILTERS = {
    "default": "",
    "status": "status=READY_FOR_PROCESSING",
    "status_two_values": "status=BOUGHT&status=READY_FOR_PROCESSING",
    "fulfillment.status": "fulfillment.status=PROCESSING",
    "fulfillment.status_comma": "fulfillment.status=NEW,PROCESSING",
    "fulfillment.provider.id": "fulfillment.provider.id=SELLER",
    "lineItemsSent": "fulfillment.shipmentSummary.lineItemsSent=NONE",
    "buyer.login": "buyer.login=buyer-7",
    "marketplace.id": "marketplace.id=allegro-pl",
    "boughtAt.gte": "lineItems.boughtAt.gte=2026-01-02T00:00:00Z",
    "boughtAt.lte": "lineItems.boughtAt.lte=2026-01-01T12:00:00Z",
    "boughtAt.range": "lineItems.boughtAt.gte=2026-01-01T10:00:00Z&lineItems.boughtAt.lte=2026-01-01T12:00:00Z",
    "updatedAt.gte_offset": "updatedAt.gte=2026-01-01T12:00:00%2B01:00",
    "updatedAt.lte": "updatedAt.lte=2026-01-01T12:00:00Z",
    "payment.id": "payment.id={payment}",
    "delivery.method.id": "delivery.method.id={method}",
    "surcharges.id_none_match": "surcharges.id=00000000-0000-0000-0000-000000000000",
    "sort_updatedAt": "sort=-updatedAt",
    "two_filters_sorted": "status=READY_FOR_PROCESSING&buyer.login=buyer-7&sort=lineItems.boughtAt",
    "deep_page": "offset=9900&limit=100",
}


def list_figures(client: Client, n: int) -> dict[str, Any]:
    _, page, _ = client.call("GET", "/order/checkout-forms?limit=100")
    ids = [cf["id"] for cf in page["checkoutForms"]]
    total = page["totalCount"]
    middle = client.call("GET", f"/order/checkout-forms?limit=1&offset={min(total // 2, 9999)}")[1]["checkoutForms"][0]
    values = {"payment": middle["payment"]["id"], "method": middle["delivery"]["method"]["id"]}
    out: dict[str, Any] = {}
    statuses = ("PROCESSING", "NEW")
    for name, template in FILTERS.items():
        query = template.format(**values)
        url = "/order/checkout-forms" + (f"?{query}" if query else "")
        reads = [client.call("GET", url)[2] for _ in range(n)]
        after_write = []
        for i in range(max(n // 4, 10)):
            code, _, _ = client.call("PUT", f"/order/checkout-forms/{ids[i % len(ids)]}/fulfillment",
                                     {"status": statuses[i % 2]})
            assert code == 204, code
            after_write.append(client.call("GET", url)[2])
        out[name] = {"reads": figures(reads), "right_after_a_write": figures(after_write)}
        log(f"  {name}: {out[name]}")
    return out


if __name__ == "__main__":
    sys.exit(main())
