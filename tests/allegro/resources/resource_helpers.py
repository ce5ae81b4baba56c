"""Helpers of the settings-engine tests: calling an operation by its bundle entry, other sellers, offer documents,
and valid bodies (the spec's synthesized request, adjusted where the vendor's rules need real values)."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from typing import Any

import httpx

from targ.allegro.resources.context import Bound
from targ.allegro.resources.references import BOUND
from targ.allegro.resources.shape import properties, request_schema
from targ.spec.bundle import Operation, load_bundle
from targ.spec.synth import synthesize_request
from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
Body = dict[str, Any]


def op(operation_id: str) -> Operation:
    return load_bundle("allegro").by_id[operation_id]


def bound(name: str) -> Bound:
    return BOUND[name]


def call(client: httpx.Client, operation: Operation | str, params: dict[str, Any] | None = None,
         body: Any = None, query: dict[str, Any] | None = None, content_type: str | None = None) -> httpx.Response:
    operation = op(operation) if isinstance(operation, str) else operation
    values = {k: str(v) for k, v in (params or {}).items()}
    path = re.sub(r"\{([^}]+)\}", lambda m: values[m.group(1)], operation.path)
    if body is None:
        return client.request(operation.method, path, params=query)
    headers = {"Content-Type": content_type or ALLEGRO_JSON}
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.request(operation.method, path, params=query, headers=headers, content=content)


def new_seller(targ: TargServer, login: str, **extra: Any) -> tuple[dict[str, Any], httpx.Client]:
    """Another seller (POST /__targ/sellers) and a client acting for it."""
    seller = targ.admin.call("POST", "/sellers", {"login": login, **extra})
    client = httpx.Client(base_url=targ.url, timeout=30,
                          headers={"Authorization": f"Bearer {seller['accessToken']}", "Accept": ALLEGRO_JSON})
    return seller, client


def put_offer(targ: TargServer, offer_id: str, owner: str, **fields: Any) -> dict[str, Any]:
    """Writes an offer document the way the offers issue stores them (their write API is not this issue's)."""
    store = targ.world.store
    with store.transaction():
        doc = {**(store.get("offer", offer_id) or {"id": offer_id}), **fields}
        store.put("offer", offer_id, doc, owner=owner)
    return doc


def synthesized(operation: Operation) -> Body:
    body = synthesize_request(operation)[4]
    return copy.deepcopy(body) if isinstance(body, dict) else {}


def _price(amount: str, currency: str = "PLN") -> dict[str, str]:
    return {"amount": amount, "currency": currency}


def _shipping(body: Body, demo: dict[str, Any]) -> None:
    body["rates"] = [{"deliveryMethod": {"id": "758fcd59-fbfa-4453-ae07-4800d72c2ca5"}, "maxQuantityPerPackage": 5,
                      "firstItemRate": _price("12.00"), "nextItemRate": _price("2.50")}]


def _pos(body: Body, demo: dict[str, Any]) -> None:
    body.update(type="PICKUP_POINT", confirmationType="CALL_US", status="ACTIVE")


def _variants(body: Body, demo: dict[str, Any]) -> None:
    body["offers"] = [{"id": o["id"]} for o in demo["offers"][:2]]
    body["parameters"] = [{"id": "11323"}]


def _bundle(body: Body, demo: dict[str, Any]) -> None:
    a, b = demo["offers"][:2]
    body["offers"] = [{"id": a["id"], "requiredQuantity": 1, "entryPoint": True},
                      {"id": b["id"], "requiredQuantity": 2, "entryPoint": False}]
    body["discounts"] = [{"marketplace": {"id": "allegro-pl"}, "amount": "10.15", "currency": "PLN"}]


def _promotion(body: Body, demo: dict[str, Any]) -> None:
    body["benefits"] = [{"specification": {"type": "UNIT_PERCENTAGE_DISCOUNT", "configuration": {"percentage": 100},
                                           "trigger": {"forEachQuantity": 3, "discountedNumber": 1}}}]
    body["offerCriteria"] = [{"type": "CONTAINS_OFFERS", "offers": [{"id": demo["offers"][0]["id"]}]}]


def _turnover(body: Body, demo: dict[str, Any]) -> None:
    body["thresholds"] = [{"minimumTurnover": _price("2000", "CZK"), "discount": {"percentage": "3"}}]


def _translation(body: Body, demo: dict[str, Any]) -> None:
    body["additionalServices"] = {"translation": [{"definition": {"id": "GIFT_WRAP"}, "description": "Gift wrap"}]}


# The synthesized (smallest valid) body, made acceptable to the vendor's rules.
ADJUST: dict[str, Callable[[Body, dict[str, Any]], None]] = {
    "shipping-rates": _shipping, "points-of-service": _pos, "offer-variant-sets": _variants,
    "offer-bundles": _bundle, "loyalty-promotions": _promotion, "turnover-discounts": _turnover,
    "additional-service-group-translations": _translation,
}


def valid_body(name: str, operation: Operation, demo: dict[str, Any], label: str | None = None) -> Body:
    body = synthesized(operation)
    ADJUST.get(name, lambda b, d: None)(body, demo)
    if label is not None and _has_name(operation):
        body["name"] = label
    return body


def _has_name(operation: Operation) -> bool:
    return "name" in properties(request_schema(operation) or {})
