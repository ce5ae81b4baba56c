"""Helpers for the Ship with Allegro tests: purchases (the buyer's admin action), shipment inputs built from the
order as a connector builds them (the buyer's masked e-mail as `receiver.email`), commands sent and drained."""

from __future__ import annotations

import copy
from typing import Any

import httpx

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
OCTET = {"Accept": "application/octet-stream"}
ERROR_TYPE = "application/json; charset=utf-8"

DPD = "dfc41da5-01b3-5f93-91ec-47bc683e1dec"            # Allegro Kurier DPD: 10 parcels, 31.5 kg
DPD_COD = "90570f41-9342-5569-b812-e31856c425b3"        # Allegro Kurier DPD pobranie
INPOST_LOCKER = "2488f7b7-5d1c-4d65-b85c-4cbcf253fd93"  # Allegro Paczkomaty InPost (pickup points)
POCZTEX = "bfefd590-d7e7-5e04-8ad7-77cecbaa2c5a"        # Allegro Kurier Pocztex: may be cancelled
ORLEN_LOCKER = "6c205fa7-0f98-57c1-8291-03887d6c34db"   # Allegro Automat ORLEN Paczka: drop-off only
UPS = "ae4c77b0-c026-56bb-8ea4-1ae0e266c33d"            # Allegro Kurier UPS
ONE_COURIER = "23d7c298-58e2-570f-a131-24e2e7ef7b62"    # Allegro One Kurier (carrier ALLEGRO)
PACKETA_CZ = "368abc62-eddd-5ca5-b128-1172daf36b2f"     # Allegro Zásilkovna - Výdejní místa

SENDER = {"name": "Jan Kowalski", "company": "Sklep Kowalski sp. z o.o.", "street": "Główna 30", "city": "Łódź",
          "postalCode": "90-001", "countryCode": "PL", "email": "sklep@example.com", "phone": "+48 500 600 700"}


def buy(http: httpx.Client, offer_id: str, method_id: str = DPD, **extra: Any) -> str:
    """A paid purchase of one unit delivered with `method_id`; its checkout form id."""
    body = {"lineItems": [{"offerId": offer_id, "quantity": 1}], "delivery": {"methodId": method_id}, **extra}
    resp = http.post("/__targ/buyer/purchases", json=body)
    assert resp.status_code == 201, resp.text
    return str(resp.json()["checkoutFormId"])


def checkout_form(allegro: httpx.Client, order_id: str) -> dict[str, Any]:
    resp = allegro.get(f"/order/checkout-forms/{order_id}")
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def receiver_of(form: dict[str, Any]) -> dict[str, Any]:
    """The receiver as a connector takes it from the order: its delivery address, the buyer's masked e-mail, the
    pickup point when there is one."""
    address = form["delivery"]["address"]
    receiver = {"name": f"{address['firstName']} {address['lastName']}", "street": address["street"],
                "city": address["city"], "postalCode": address["zipCode"], "countryCode": address["countryCode"],
                "email": form["buyer"]["email"], "phone": form["buyer"]["phoneNumber"]}
    if form["delivery"].get("pickupPoint"):
        receiver["point"] = form["delivery"]["pickupPoint"]["id"]
    return receiver


def package(weight: float | str = 1.5, size: tuple[float, float, float] = (30, 20, 10), **extra: Any) -> dict[str, Any]:
    length, width, height = size
    return {"type": "PACKAGE", "length": {"value": length, "unit": "CENTIMETER"},
            "width": {"value": width, "unit": "CENTIMETER"}, "height": {"value": height, "unit": "CENTIMETER"},
            "weight": {"value": weight, "unit": "KILOGRAMS"}, **extra}


def shipment_input(form: dict[str, Any], method_id: str | None = None, packages: int = 1,
                   **extra: Any) -> dict[str, Any]:
    """A `ShipmentCreateRequestDto` for the order, with the order's delivery method unless told otherwise."""
    return {"deliveryMethodId": method_id or form["delivery"]["method"]["id"], "sender": copy.deepcopy(SENDER),
            "receiver": receiver_of(form), "packages": [package() for _ in range(packages)], **extra}


def send(allegro: httpx.Client, path: str, command_input: dict[str, Any], command_id: str | None = None,
         **headers: str) -> dict[str, Any]:
    body: dict[str, Any] = {"input": command_input}
    if command_id is not None:
        body["commandId"] = command_id
    resp = allegro.post(path, json=body, headers=headers)
    assert resp.status_code == 200, resp.text
    assert resp.headers["retry-after"] == "5"   # jobDelay, PT5S
    assert "x-targ-backing" not in resp.headers
    return dict(resp.json())


def status(allegro: httpx.Client, path: str, command_id: str, **headers: str) -> dict[str, Any]:
    resp = allegro.get(f"{path}/{command_id}", headers=headers)
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


CREATE = "/shipment-management/shipments/create-commands"
CANCEL = "/shipment-management/shipments/cancel-commands"
PICKUP = "/shipment-management/pickups/create-commands"


def run(targ: TargServer, allegro: httpx.Client, path: str, command_input: dict[str, Any],
        **headers: str) -> dict[str, Any]:
    """Sends a command, lets it run (drains the jobs) and answers its final status."""
    sent = send(allegro, path, command_input, **headers)
    assert status(allegro, path, sent["commandId"])["status"] == "IN_PROGRESS"
    targ.drain()
    return status(allegro, path, sent["commandId"], **headers)


def create(targ: TargServer, allegro: httpx.Client, command_input: dict[str, Any]) -> str:
    """A shipment made from `command_input`; its id."""
    done = run(targ, allegro, CREATE, command_input)
    assert done["status"] == "SUCCESS", done
    return str(done["shipmentId"])


def shipment(allegro: httpx.Client, shipment_id: str) -> dict[str, Any]:
    resp = allegro.get(f"/shipment-management/shipments/{shipment_id}")
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def failed(done: dict[str, Any]) -> list[tuple[str, str | None]]:
    """The (code, path) of each error of a command that ended in ERROR."""
    assert done["status"] == "ERROR", done
    assert "shipmentId" not in done and "pickupId" not in done
    for error in done["errors"]:
        assert set(error) == {"code", "message", "details", "path", "userMessage"}
        assert isinstance(error["details"], str)
    return [(e["code"], e["path"]) for e in done["errors"]]


def errors(resp: httpx.Response, status_code: int) -> list[dict[str, Any]]:
    assert resp.status_code == status_code, resp.text
    assert resp.headers["content-type"] == ERROR_TYPE and resp.headers.get("trace-id")
    return list(resp.json()["errors"])


def second_seller(http: httpx.Client, base_url: str, login: str = "drugi-sprzedawca",
                  marketplace: str = "allegro-pl") -> httpx.Client:
    """Another seller's client (the caller closes it)."""
    seller = http.post("/__targ/sellers", json={"login": login, "marketplace": marketplace})
    assert seller.status_code == 201, seller.text
    headers = {"Authorization": f"Bearer {seller.json()['accessToken']}", "Accept": ALLEGRO_JSON}
    return httpx.Client(base_url=base_url, headers=headers, timeout=30)


def advance(targ: TargServer, allegro: httpx.Client, duration: str) -> None:
    """Moves the virtual clock; the demo token lives 12 hours, so the seller's client takes the current one."""
    targ.clock.advance(duration)
    allegro.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"


def set_clock(http: httpx.Client, targ: TargServer, allegro: httpx.Client, at: str) -> None:
    resp = http.post("/__targ/clock", json={"set": at})
    assert resp.status_code == 200, resp.text
    allegro.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"
