"""The delivery services a seller ships with: `GET /shipment-management/delivery-services`.

Served from the reference dataset (`deliveryServices` of allegro-delivery.json, built by tools/dataset/shipping.py,
where every fact has its source): one service per Allegro Standard delivery method with a carrier (owner ALLEGRO,
no `credentialsId`), for the sellers whose base marketplace is among its `senders`. A seller's own carrier
agreements (owner CLIENT) are set up in the vendor's web tool, which targ has not: nobody has any.

The dataset's own keys (never sent): `senders`, `parcels` (parcels per shipment and size limits), `insurance.required`,
`pickup` (a courier's window and same-day cut-off, None for drop-off only carriers), `cancellable`, `nameEn` and
`descriptionEn` (the English names `Accept-Language: en-US` gets).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from targ.allegro.catalog.dataset import DELIVERY, load
from targ.allegro.messages import localised
from targ.allegro.sellers import get_seller
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

Service = Mapping[str, Any]


@cache
def _by_method() -> dict[str, Service]:
    return {s["deliveryMethodId"]: s for s in load(DELIVERY)["deliveryServices"]}


def base_marketplace(world: World, seller_id: str) -> str:
    seller = get_seller(world, seller_id) or {}
    return str((seller.get("baseMarketplace") or {}).get("id") or "allegro-pl")


def services_for(world: World, seller_id: str) -> list[Service]:
    """The seller's services, in the dataset's order."""
    marketplace = base_marketplace(world, seller_id)
    return [s for s in load(DELIVERY)["deliveryServices"] if marketplace in s["senders"]]


def service_for(world: World, seller_id: str, method_id: str) -> Service | None:
    """The seller's service of a delivery method, or None (no such service, or not one this seller ships with)."""
    service = _by_method().get(method_id)
    if service is None or base_marketplace(world, seller_id) not in service["senders"]:
        return None
    return service


def service_of(method_id: str) -> Service:
    """The service a stored shipment was created with (it exists: shipments are made with dataset services)."""
    return _by_method()[method_id]


def view(service: Service) -> Json:
    """`DeliveryServiceDto`, names in the answer's language."""
    out: Json = {
        "id": {"deliveryMethodId": service["deliveryMethodId"]},
        "name": localised(service, "name"),
        "carrierId": service["carrierId"],
        "additionalServices": [{"id": a["id"], "name": localised(a, "name"),
                                "description": localised(a, "description")} for a in service["additionalServices"]],
        "additionalProperties": [{"id": p["id"], "name": localised(p, "name"),
                                  "description": localised(p, "description"), "required": p["required"],
                                  "readOnly": p["readOnly"]} for p in service["additionalProperties"]],
        "owner": "ALLEGRO",
        "marketplaces": list(service["marketplaces"]),
        "packageTypes": list(service["packageTypes"]),
    }
    # A service without cash on delivery has no `cashOnDelivery` ("If null, then COD is not supported"; the schema's
    # object is not nullable, so it is left out).
    if "cashOnDelivery" in service:
        out["cashOnDelivery"] = dict(service["cashOnDelivery"])
    out["insurance"] = {"limit": service["insurance"]["limit"], "currency": service["insurance"]["currency"]}
    out["features"] = {}
    return out
