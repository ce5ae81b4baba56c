"""`GET /shipment-management/delivery-services`: the seller's services from the reference dataset, per marketplace,
with cash on delivery, insurance and additional services; the scope the spec asks for."""

from __future__ import annotations

from typing import Any

import httpx
from shipping_helpers import DPD, DPD_COD, INPOST_LOCKER, PACKETA_CZ, errors, second_seller

from targ.allegro.catalog.dataset import DELIVERY, load
from targ.testing import TargServer


def _services(client: httpx.Client, **headers: str) -> list[dict[str, Any]]:
    resp = client.get("/shipment-management/delivery-services", headers=headers)
    assert resp.status_code == 200, resp.text
    assert "x-targ-backing" not in resp.headers
    return list(resp.json()["services"])


def test_a_polish_seller_ships_with_the_allegro_standard_services(seller: httpx.Client) -> None:
    services = _services(seller)
    by_id = {s["id"]["deliveryMethodId"]: s for s in services}
    methods = {m["id"]: m for m in load(DELIVERY)["deliveryMethods"]}
    # Every Allegro Standard method with a carrier on allegro-pl, and the International couriers; nothing else.
    expected = {m["id"] for m in methods.values() if m["allegroEndorsed"] and m["carrier"]
                and (m["marketplaces"] == ["allegro-pl"] or m["name"].startswith("Allegro International"))}
    assert set(by_id) == expected and len(services) == 20
    assert all(s["owner"] == "ALLEGRO" and "credentialsId" not in s["id"] for s in services)
    assert all(s["carrierId"] == methods[i]["carrier"] and s["name"] == methods[i]["name"] for i, s in by_id.items())
    dpd = by_id[DPD]
    assert dpd["marketplaces"] == ["allegro-pl"] and dpd["packageTypes"] == ["PACKAGE"]
    assert dpd["insurance"] == {"limit": 50000, "currency": "PLN"} and "cashOnDelivery" not in dpd
    assert dpd["additionalServices"] == [{
        "id": "ADDITIONAL_HANDLING", "name": "Niestandardowa przesyłka",
        "description": "Paczka o kształcie innym niż prostopadłościan (np. opona, rura) lub owinięta folią, co "
                       "utrudnia jej przenoszenie."}]
    assert by_id[DPD_COD]["cashOnDelivery"] == {"limit": 5000, "currency": "PLN", "paymentType": "WALLET_TRANSFER",
                                                "forceRequireIban": False}
    locker = by_id[INPOST_LOCKER]
    assert locker["additionalProperties"] == [{"id": "SENDING_CODE", "name": "Kod nadania",
                                               "description": "Kod, którym nadasz paczkę w automacie bez etykiety",
                                               "required": False, "readOnly": True}]


def test_names_follow_the_language(seller: httpx.Client) -> None:
    english = {s["id"]["deliveryMethodId"]: s for s in _services(seller, **{"Accept-Language": "en-US"})}
    assert english[DPD]["name"] == "Allegro Courier DPD"   # the spec's own example
    assert english[DPD_COD]["name"] == "Allegro Courier DPD payment on delivery"
    assert english[DPD]["additionalServices"][0]["name"] == "Non-standard parcel"
    polish = {s["id"]["deliveryMethodId"]: s for s in _services(seller, **{"Accept-Language": "pl-PL"})}
    assert polish[DPD]["name"] == "Allegro Kurier DPD"


def test_a_czech_seller_gets_the_czech_services(targ: TargServer, http: httpx.Client) -> None:
    with second_seller(http, targ.url, "cesky-prodejce", "allegro-cz") as czech:
        services = _services(czech)
    assert {s["marketplaces"][0] for s in services} == {"allegro-cz"}
    packeta = next(s for s in services if s["id"]["deliveryMethodId"] == PACKETA_CZ)
    assert packeta["carrierId"] == "PACKETA" and packeta["insurance"] == {"limit": 50000, "currency": "CZK"}


def test_the_write_scope_is_needed_and_a_user_token(targ: TargServer, http: httpx.Client,
                                                    demo: dict[str, Any]) -> None:
    token = http.post(f"/__targ/sellers/{demo['sellerId']}/tokens",
                      json={"scopes": ["allegro:api:shipments:read"]}).json()["accessToken"]
    resp = http.get("/shipment-management/delivery-services",
                    headers={"Authorization": f"Bearer {token}", "Accept": "application/vnd.allegro.public.v1+json"})
    assert errors(resp, 403)[0]["code"] == "AccessDenied"


def test_a_json_accept_is_not_acceptable(seller: httpx.Client) -> None:
    resp = seller.get("/shipment-management/delivery-services", headers={"Accept": "application/json"})
    assert errors(resp, 406)[0]["code"] == "NotAcceptableException"
