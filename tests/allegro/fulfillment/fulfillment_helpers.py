"""Helpers of the One Fulfillment tests: vendor-typed JSON calls, valid notice bodies, the warehouse admin actions
and other sellers."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from targ.allegro.products.catalog import ean13
from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
ASN = "/fulfillment/advance-ship-notices"
Body = dict[str, Any]


def send(client: httpx.Client, method: str, path: str, body: Any = None, **headers: str) -> httpx.Response:
    """A request with a JSON body in the vendor's media type (httpx's `json=` would send application/json: 415)."""
    if body is not None:
        headers = {"Content-Type": ALLEGRO_JSON, **headers}
    content = json.dumps(body).encode() if body is not None else None
    return client.request(method, path, content=content, headers=headers)


def errors_of(resp: httpx.Response, status: int) -> list[Body]:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    return resp.json()["errors"]


def codes_of(resp: httpx.Response, status: int) -> list[tuple[str, str | None]]:
    return [(e["code"], e["path"]) for e in errors_of(resp, status)]


def courier_shipping(**extra: Any) -> Body:
    return {"method": "COURIER_BY_SELLER", "courier": {"id": "DPD", "trackingNumbers": ["00340433982034779798"]},
            "estimatedTimeOfArrival": "2026-01-05T10:00:00Z", "countryCode": "PL", **extra}


def complete_body(product_id: str, quantity: int = 6, amount: int = 2, **extra: Any) -> Body:
    """A notice ready to submit: items, a handling unit the seller labels, courier shipping."""
    return {"items": [{"product": {"id": product_id}, "quantity": quantity}],
            "handlingUnit": {"unitType": "BOX", "amount": amount, "labelsType": "ONE_FULFILMENT"},
            "shipping": courier_shipping(), **extra}


def create(client: httpx.Client, body: Body) -> httpx.Response:
    resp = send(client, "POST", ASN, body)
    assert resp.status_code == 201, resp.text
    return resp


def submit(client: httpx.Client, asn_id: str, command_id: str | None = None) -> tuple[str, httpx.Response]:
    command_id = command_id or str(uuid.uuid4())
    resp = send(client, "PUT", f"/fulfillment/submit-commands/{command_id}",
                {"input": {"advanceShipNoticeId": asn_id}})
    return command_id, resp


def submitted(targ: TargServer, client: httpx.Client, body: Body) -> Body:
    """A notice created from `body` and submitted: IN_TRANSIT once the command has run (jobDelay)."""
    asn = create(client, body).json()
    _, resp = submit(client, asn["id"])
    assert resp.status_code == 201, resp.text
    targ.clock.advance("PT5S")
    got = client.get(f"{ASN}/{asn['id']}").json()
    assert got["status"] == "IN_TRANSIT", got
    return got


def warehouse(targ: TargServer, asn_id: str, step: str, body: Body | None = None) -> Body:
    return targ.admin.call("POST", f"/warehouse/advance-ship-notices/{asn_id}/{step}", body)


def warehouse_raw(http: httpx.Client, asn_id: str, step: str, body: Any = None) -> httpx.Response:
    return http.post(f"/__targ/warehouse/advance-ship-notices/{asn_id}/{step}",
                     content=json.dumps(body).encode() if body is not None else None,
                     headers={"Content-Type": "application/json"})


def other_seller(targ: TargServer, login: str, features: list[str] | None = None) -> tuple[Body, httpx.Client]:
    account = targ.admin.call("POST", "/sellers", {"login": login, "features": features or ["ONE_FULFILLMENT"]})
    client = httpx.Client(base_url=targ.url, timeout=30,
                          headers={"Authorization": f"Bearer {account['accessToken']}", "Accept": ALLEGRO_JSON})
    return account, client


def guide_offer_body(shipping_rates: dict[str, str]) -> Body:
    """A One Fulfillment offer of the catalogue's iPhone (found by its EAN) as the guide creates one: Buy Now, new,
    no stock, 24 h handling, the warehouse's location, a VAT invoice and rate, and a "One Fulfillment" shipping-rate
    set (by `{"id": …}` as the guide does, or `{"name": …}`)."""
    return {"productSet": [{"product": {"id": ean13("590123412001"), "idType": "GTIN"}}],
            "parameters": [{"id": "11323", "valuesIds": ["11323_1"]}],
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": "3999.00", "currency": "PLN"}},
            "stock": {"available": 0, "unit": "UNIT"},
            "delivery": {"handlingTime": "PT24H", "shippingRates": shipping_rates},
            "location": {"countryCode": "PL", "province": "MAZOWIECKIE", "city": "Adamów 50", "postCode": "05-825"},
            "payments": {"invoice": "VAT"},
            "taxSettings": {"rates": [{"rate": "23.00", "countryCode": "PL"}], "subject": "GOODS"}}


def buy(targ: TargServer, offer_id: str, quantity: int, **body: Any) -> Body:
    """A purchase by the buyer admin action (paid unless `pay=False`): `{checkoutFormId, status, events}`."""
    return targ.admin.call("POST", "/buyer/purchases",
                           {"lineItems": [{"offerId": offer_id, "quantity": quantity}], **body})


def later(targ: TargServer, client: httpx.Client, duration: str) -> None:
    """Moves the clock and renews the client's token (demo tokens live 12 hours)."""
    targ.clock.advance(duration)
    client.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"
