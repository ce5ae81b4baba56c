"""Helpers of the pricing tests: the reference dataset's fee tables as committed, previews, quotes, purchases."""

from __future__ import annotations

import json
import uuid
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import Any

import httpx

import targ

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
SEND = {"Content-Type": ALLEGRO_JSON}
_DATA = Path(targ.__file__).parent / "data"
REFERENCE = json.loads((_DATA / "allegro-reference.json").read_text())
CATEGORIES = json.loads((_DATA / "allegro-categories.json").read_text())["categories"]
TARIFF = REFERENCE["commissions"]
FEES = REFERENCE["fees"]


def main_category(category_id: str) -> dict[str, Any]:
    by_id = {c["id"]: c for c in CATEGORIES}
    category = by_id[category_id]
    while category["parent"]:
        category = by_id[category["parent"]]
    return category


def rate(category_id: str) -> Decimal:
    """The dataset's rate for a goods category: its main category's."""
    rates = {row["categoryId"]: row["rate"] for row in TARIFF["byMainCategory"]}
    return Decimal(rates.get(main_category(category_id)["id"], TARIFF["default"]))


def up(value: Decimal) -> Decimal:
    """Rounded up to the grosz, as Allegro rounds commissions."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_CEILING)


def commission(price: str, category_id: str) -> str:
    return str(up(Decimal(price) * rate(category_id) / 100))


def featured(price: str, category_id: str) -> str:
    return str(up(Decimal(price) * rate(category_id) * Decimal(TARIFF["featuredShare"]) / 10000))


def promotion_price(package_id: str, currency: str = "PLN") -> str:
    return str(next(r for r in FEES["promotions"] if r["packageId"] == package_id)["prices"][currency])


def offer_body(category_id: str, amount: str, currency: str = "PLN", **extra: Any) -> dict[str, Any]:
    return {"name": "Oferta do wyceny", "category": {"id": category_id},
            "sellingMode": {"format": "BUY_NOW", "price": {"amount": amount, "currency": currency}}, **extra}


def preview(client: httpx.Client, body: Any, **headers: str) -> httpx.Response:
    return client.post("/pricing/offer-fee-preview", json=body, headers={**SEND, **headers})


def previewed(client: httpx.Client, body: Any, **headers: str) -> dict[str, Any]:
    resp = preview(client, body, **headers)
    assert resp.status_code == 200, resp.text
    assert "x-targ-backing" not in resp.headers
    return dict(resp.json())


def fee_of(items: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    found = [i for i in items if i["type"] == kind]
    assert len(found) == 1, items
    return dict(found[0]["fee"])


def quotes(client: httpx.Client, *offer_ids: str, **headers: str) -> dict[str, Any]:
    resp = client.get("/pricing/offer-quotes", params={"offer.id": list(offer_ids)}, headers=headers)
    assert resp.status_code == 200, resp.text
    assert "x-targ-backing" not in resp.headers
    body = dict(resp.json())
    assert body["count"] == len(body["quotes"])
    return body


def error(resp: httpx.Response, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    errors = resp.json()["errors"]
    assert len(errors) == 1, errors
    return dict(errors[0])


def promote(client: httpx.Client, offer_id: str, *modifications: dict[str, Any]) -> None:
    resp = client.post(f"/sale/offers/{offer_id}/promo-options-modification",
                       json={"modifications": list(modifications)}, headers=SEND)
    assert resp.status_code == 200, resp.text


def publication(client: httpx.Client, http: httpx.Client, offer_id: str, action: str) -> None:
    """A publication command (ACTIVATE or END) run to its end."""
    command_id = str(uuid.uuid4())
    body = {"offerCriteria": [{"offers": [{"id": offer_id}], "type": "CONTAINS_OFFERS"}],
            "publication": {"action": action}}
    resp = client.put(f"/sale/offer-publication-commands/{command_id}", json=body, headers=SEND)
    assert resp.status_code == 201, resp.text
    assert http.post("/__targ/jobs/drain").status_code == 200
    tasks = client.get(f"/sale/offer-publication-commands/{command_id}/tasks").json()["tasks"]
    assert [t["status"] for t in tasks] == ["SUCCESS"], tasks
