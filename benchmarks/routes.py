"""The measured routes, built against a running targ and each checked to answer 2xx before the load: Allegro's
GET /me, the admin health check, an example-backed (Voucherify) POST, Voucherify's orders, and the Allegro order routes
over the checkout forms seeded here."""

from __future__ import annotations

import http.client
import json
import time
from typing import Any
from urllib.parse import quote, urlencode

from common import HOST, BenchError, log, request
from servers import Server
from wrk import SHIPMENT_CARRIER, Route, ShipmentFeed

ALLEGRO_MEDIA = "application/vnd.allegro.public.v1+json"
# Example-backed POSTs with small bodies and no path parameters, tried first (any other will do). Every Allegro
# operation has a handler since issue 19: the example fallback is measured on Voucherify's operations outside the
# Orders API and its catalog.
PREFERRED_POSTS = ("create-category", "create-segment", "create-validation-rules")
# Order routes (docs/orders.md).
LIST_QUERY = {"limit": "100", "status": "READY_FOR_PROCESSING", "fulfillment.status": "NEW",
              "sort": "-lineItems.boughtAt"}
DETAIL, SHIPMENTS, LIST = ("GET /order/checkout-forms/{id}", "POST /order/checkout-forms/{id}/shipments",
                           "GET /order/checkout-forms")


def build_routes(targ: Server) -> tuple[list[Route], dict[str, Any]]:
    status, _, data = request(targ.port, "GET", "/__targ/demo")
    if status != 200:
        raise BenchError(f"GET /__targ/demo answered {status}: {data[:300]!r}")
    token = json.loads(data)["accessToken"]
    auth = {"Authorization": f"Bearer {token}"}
    me = Route("GET /me", "GET", "/me", {**auth, "Accept": ALLEGRO_MEDIA})
    health = Route("GET /__targ/health", "GET", "/__targ/health", {"Accept": "application/json"})
    demo = json.loads(data)
    post, info = pick_post(targ, voucherify_keys(demo))
    routes = [me, health, post, *voucherify_routes(targ, demo)]
    for route in routes:  # once by hand before loading: a benchmark of error pages measures nothing
        status, _, data = request(targ.port, route.method, route.path, route.body, route.headers)
        if not 200 <= status < 300:
            raise BenchError(f"{route.label} answered {status} before the load: {data[:500]!r}")
        log(f"checked {route.label} -> {status}")
    return routes, info


def voucherify_keys(demo: dict[str, Any]) -> dict[str, str]:
    return {"X-App-Id": demo["voucherifyApplicationId"], "X-App-Token": demo["voucherifySecretKey"],
            "Accept": "application/json"}


def voucherify_routes(targ: Server, demo: dict[str, Any]) -> list[Route]:
    """Orders API of the demo project: create (an upsert of one source id, so the store does not grow), get, list."""
    keys = voucherify_keys(demo)
    body = json.dumps({"source_id": "bench-1", "status": "PAID", "items": [
        {"source_id": "bench-product", "related_object": "product", "quantity": 2, "price": 1250}]}).encode()
    create = Route("POST /v1/orders", "POST", "/v1/orders", {**keys, "Content-Type": "application/json"}, body)
    status, _, data = request(targ.port, create.method, create.path, create.body, create.headers)
    if status != 200:
        raise BenchError(f"POST /v1/orders answered {status}: {data[:300]!r}")
    order_id = json.loads(data)["id"]
    return [create, Route("GET /v1/orders/{id}", "GET", f"/v1/orders/{order_id}", keys),
            Route("GET /v1/orders", "GET", "/v1/orders?limit=10", keys)]


def seed_orders(targ: Server, n: int) -> tuple[list[str], dict[str, Any]]:
    """`n` checkout forms of the demo seller, each one unit of demo offer A bought (filled in and paid, so
    READY_FOR_PROCESSING) through `POST /__targ/buyer/purchases` on one keep-alive connection; the offer's stock is
    raised first with the seller's `PATCH /sale/product-offers/{id}`. Returns the ids and the seeding figures."""
    status, _, data = request(targ.port, "GET", "/__targ/demo")
    if status != 200:
        raise BenchError(f"GET /__targ/demo answered {status}: {data[:300]!r}")
    demo = json.loads(data)
    offer = next((o for o in demo["offers"] if not o["oneFulfillment"]), None)
    if offer is None:
        raise BenchError("the demo world has no seller-fulfilled offer to buy")
    headers = {"Authorization": f"Bearer {demo['accessToken']}", "Accept": ALLEGRO_MEDIA, "Content-Type": ALLEGRO_MEDIA}
    stock = n + 100  # a unit is left at the end: an offer whose stock reaches 0 ends
    body = json.dumps({"stock": {"available": stock}}).encode()
    status, _, data = request(targ.port, "PATCH", f"/sale/product-offers/{offer['id']}", body, headers)
    if status != 200:
        raise BenchError(f"PATCH /sale/product-offers/{offer['id']} (stock {stock}) answered {status}: {data[:300]!r}")
    purchase = json.dumps({"lineItems": [{"offerId": offer["id"], "quantity": 1}]}).encode()
    ids: list[str] = []
    conn = http.client.HTTPConnection(HOST, targ.port, timeout=30)
    t0 = time.perf_counter()
    try:
        for i in range(n):
            status, _, data = request(targ.port, "POST", "/__targ/buyer/purchases", purchase,
                                      {"Content-Type": "application/json"}, conn=conn)
            if status != 201:
                raise BenchError(f"purchase {i + 1}/{n} answered {status}: {data[:300]!r}")
            ids.append(json.loads(data)["checkoutFormId"])
    finally:
        conn.close()
    took = time.perf_counter() - t0
    log(f"seeded {n} orders in {took:.1f} s ({took * 1000 / max(n, 1):.2f} ms each)")
    return ids, {"orders": n, "offerId": offer["id"], "stock_set": stock, "seconds": round(took, 2),
                 "ms_per_order": round(took * 1000 / max(n, 1), 3), "purchases_per_s": round(n / took, 1)}


def order_routes(targ: Server, orders: list[str]) -> tuple[list[Route], dict[str, Any]]:
    """Details of one order, the list over every order, adding tracking numbers (each request a new one)."""
    status, _, data = request(targ.port, "GET", "/__targ/demo")
    token = json.loads(data)["accessToken"]
    auth = {"Authorization": f"Bearer {token}", "Accept": ALLEGRO_MEDIA}
    order_id = orders[len(orders) // 2]
    detail = Route(DETAIL, "GET", f"/order/checkout-forms/{order_id}", auth)
    listing = Route(LIST, "GET", f"/order/checkout-forms?{urlencode(LIST_QUERY)}", auth)
    feed = ShipmentFeed(orders)
    shipments = Route(SHIPMENTS, "POST", feed.path(0), {**auth, "Content-Type": ALLEGRO_MEDIA}, feed=feed)
    info: dict[str, Any] = {"detail_id": order_id, "list_query": listing.path.split("?", 1)[1]}
    for route in (detail, listing):
        status, _, data = request(targ.port, route.method, route.path, None, route.headers)
        if status != 200:
            raise BenchError(f"{route.label} answered {status} before the load: {data[:500]!r}")
        info[f"{'list' if route is listing else 'detail'}_response_bytes"] = len(data)
        if route is listing:
            page = json.loads(data)
            if page["count"] != min(100, len(orders)) or page["totalCount"] < len(orders):
                raise BenchError(f"{route.label}: count {page['count']}, totalCount {page['totalCount']} "
                                 f"over {len(orders)} seeded orders")
            info["list_total_count"] = page["totalCount"]
        log(f"checked {route.label} -> {status}")
    status, _, data = request(targ.port, "POST", feed.path(0), feed.body(0), shipments.headers)  # the feed's first
    if status != 201:
        raise BenchError(f"{SHIPMENTS} answered {status} before the load: {data[:500]!r}")
    feed.cursor = 1
    log(f"checked {SHIPMENTS} -> {status}")
    info["shipments"] = {"orders": len(orders), "carrierId": SHIPMENT_CARRIER, "body": feed.body(0).decode()}
    return [detail, listing, shipments], info


def pick_post(targ: Server, auth: dict[str, str], vendor: str = "voucherify") -> tuple[Route, dict[str, Any]]:
    """A POST of `vendor` answered from the spec's example (no handler yet), with a body synthesized from its schema
    and `auth`, the vendor's credentials."""
    from targ.spec.bundle import load_bundle
    from targ.spec.synth import synthesize_request

    status, _, data = request(targ.port, "GET", "/__targ/coverage")
    if status != 200:
        raise BenchError(f"GET /__targ/coverage answered {status}")
    example = {r["operationId"] for r in json.loads(data)["operations"]
               if r["vendor"] == vendor and r["method"] == "POST" and r["backing"] == "example"}
    bundle = load_bundle(vendor)
    ordered = [bundle.by_id[o] for o in PREFERRED_POSTS if o in example]
    ordered += sorted((bundle.by_id[o] for o in example if o not in PREFERRED_POSTS and o in bundle.by_id),
                      key=lambda op: ("{" in op.path, op.path))
    tried: list[str] = []
    candidates: list[tuple[bool, bool, str, str, bytes, dict[str, str]]] = []
    for op in ordered:
        try:
            path_params, query, headers, media_type, body = synthesize_request(op)
        except Exception as exc:  # a schema synth cannot fill: try the next operation
            tried.append(f"{op.operation_id}: synth failed ({exc})")
            continue
        if media_type is None or not media_type.endswith("json") or body is None:
            tried.append(f"{op.operation_id}: no JSON body")
            continue
        path = op.path
        for name, value in path_params.items():
            path = path.replace("{" + name + "}", quote(value, safe=""))
        if query:
            path += "?" + urlencode(query)
        raw = json.dumps(body, separators=(",", ":")).encode()
        hdrs = {"Accept": media_type, **headers, **auth, "Content-Type": media_type}
        # Preferred: a body with something in it to validate, then no path parameters; else the PREFERRED order.
        candidates.append((len(raw) <= 2, "{" in op.path, op.operation_id, path, raw, hdrs))
    rank = {op.operation_id: i for i, op in enumerate(ordered)}
    for _, _, op_id, path, raw, hdrs in sorted(candidates, key=lambda c: (c[0], c[1], rank[c[2]])):
        status, _, reply = request(targ.port, "POST", path, raw, hdrs)
        if 200 <= status < 300:
            log(f"POST route: {op_id} {path} -> {status} ({len(raw)} B body)")
            return Route(f"POST {path.split('?')[0]}", "POST", path, hdrs, raw), {
                "operationId": op_id, "path": path, "status": status, "requestBytes": len(raw),
                "responseBytes": len(reply)}
        tried.append(f"{op_id}: {status} {reply[:200]!r}")
    raise BenchError(f"no example-backed {vendor} POST answered 2xx:\n  " + "\n  ".join(tried[:20]))

