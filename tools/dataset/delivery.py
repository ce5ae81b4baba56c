"""allegro-delivery.json: carriers and delivery methods (pickup points come from ``pickup_points``, the Ship with
Allegro services from ``shipping``)."""

from __future__ import annotations

import uuid

from .base import FORMAT, MODIFIED_AT, Draw, Json
from .pickup_points import build_pickup_points
from .shipping import build_delivery_services

# GET /order/carriers: the spec example's ids and names, the One Fulfillment courier ids (allegro-behaviour.md §6)
# and the carriers Polish, Czech, Slovak and Hungarian sellers ship with. OTHER (custom carriers) has no name.
# X_PRESS_COURIERS was removed on 2024-12-09 and is accepted as an alias of ALLEGRO.
CARRIERS = [
    ("ALLEGRO", "Allegro"), ("AMBRO_EXPRESS", "Ambro Express"), ("CAINIAO", "Cainiao"),
    ("CZECH_POST", "Česká pošta"), ("DB_SCHENKER", "DB Schenker"), ("DHL", "DHL"), ("DPD", "DPD"),
    ("DPD_SK", "DPD Slovakia"), ("FEDEX", "FedEx"), ("FOXPOST", "Foxpost"), ("GEIS", "Geis"), ("GLS", "GLS"),
    ("INPOST", "InPost"), ("MAGYAR_POSTA", "Magyar Posta"), ("ORLEN", "ORLEN Paczka"), ("PACKETA", "Packeta"),
    ("POCZTA_POLSKA", "Poczta Polska"), ("PPL", "PPL"), ("RABEN", "Raben"), ("SLOVAK_POST", "Slovenská pošta"),
    ("SUUS", "Rohlig Suus"), ("UPS", "UPS"), ("YUN_EXPRESS", "Yun Express"), ("OTHER", None),
]
CARRIER_ALIASES = {"X_PRESS_COURIERS": "ALLEGRO"}

# Delivery methods: (pinned id or None, name, marketplace, payment policy, Allegro-endorsed, carrier,
#                    max weight kg or None, dispatch hours from-to, max first-item rate)
DELIVERY_METHODS = [
    ("2488f7b7-5d1c-4d65-b85c-4cbcf253fd93", "Allegro Paczkomaty InPost", "allegro-pl", "IN_ADVANCE", True,
     "INPOST", "25.000", (24, 48), "100.00"),
    (None, "Allegro Paczkomaty InPost pobranie", "allegro-pl", "CASH_ON_DELIVERY", True, "INPOST", "25.000",
     (24, 48), "100.00"),
    (None, "Allegro Kurier24 InPost", "allegro-pl", "IN_ADVANCE", True, "INPOST", "30.000", (24, 48), "100.00"),
    (None, "Allegro Kurier24 InPost pobranie", "allegro-pl", "CASH_ON_DELIVERY", True, "INPOST", "30.000",
     (24, 48), "100.00"),
    (None, "Allegro One Box, One Kurier", "allegro-pl", "IN_ADVANCE", True, "ALLEGRO", "25.000", (24, 48),
     "100.00"),
    (None, "Allegro One Punkt, One Kurier", "allegro-pl", "IN_ADVANCE", True, "ALLEGRO", "25.000", (24, 48),
     "100.00"),
    (None, "Allegro One Kurier", "allegro-pl", "IN_ADVANCE", True, "ALLEGRO", "25.000", (24, 48), "100.00"),
    (None, "Allegro Kurier DPD", "allegro-pl", "IN_ADVANCE", True, "DPD", "31.500", (24, 48), "100.00"),
    (None, "Allegro Kurier DPD pobranie", "allegro-pl", "CASH_ON_DELIVERY", True, "DPD", "31.500", (24, 48),
     "100.00"),
    (None, "Allegro Odbiór w Punkcie DPD Pickup", "allegro-pl", "IN_ADVANCE", True, "DPD", "20.000", (24, 72),
     "100.00"),
    ("025cb739-ef8e-45c4-9e7b-ce4e7fece8be", "Allegro Odbiór w Punkcie ORLEN Paczka", "allegro-pl", "IN_ADVANCE",
     True, "ORLEN", "25.000", (24, 72), "100.00"),
    (None, "Allegro Automat ORLEN Paczka", "allegro-pl", "IN_ADVANCE", True, "ORLEN", "25.000", (24, 72),
     "100.00"),
    (None, "Allegro Kurier Pocztex", "allegro-pl", "IN_ADVANCE", True, "POCZTA_POLSKA", "30.000", (24, 48),
     "100.00"),
    (None, "Allegro Odbiór w Punkcie Pocztex", "allegro-pl", "IN_ADVANCE", True, "POCZTA_POLSKA", "20.000",
     (24, 72), "100.00"),
    (None, "Allegro Kurier UPS", "allegro-pl", "IN_ADVANCE", True, "UPS", "30.000", (24, 48), "100.00"),
    (None, "Allegro Odbiór w Punkcie UPS", "allegro-pl", "IN_ADVANCE", True, "UPS", "20.000", (24, 72), "100.00"),
    (None, "Allegro Kurier DHL", "allegro-pl", "IN_ADVANCE", True, "DHL", "31.500", (24, 48), "100.00"),
    ("758fcd59-fbfa-4453-ae07-4800d72c2ca5", "List polecony priorytetowy", "allegro-pl", "IN_ADVANCE", False,
     "POCZTA_POLSKA", "30.000", (24, 48), "100000000.00"),
    (None, "List polecony ekonomiczny", "allegro-pl", "IN_ADVANCE", False, "POCZTA_POLSKA", "2.000", (48, 96),
     "100000000.00"),
    (None, "Paczka pocztowa ekonomiczna", "allegro-pl", "IN_ADVANCE", False, "POCZTA_POLSKA", "20.000", (48, 96),
     "100000000.00"),
    (None, "Przesyłka kurierska", "allegro-pl", "IN_ADVANCE", False, None, "31.500", (24, 48), "100000000.00"),
    (None, "Przesyłka kurierska pobraniowa", "allegro-pl", "CASH_ON_DELIVERY", False, None, "31.500", (24, 48),
     "100000000.00"),
    (None, "Przesyłka kurierska paletowa", "allegro-pl", "IN_ADVANCE", False, None, "1000.000", (48, 120),
     "100000000.00"),
    (None, "Odbiór osobisty po przedpłacie", "allegro-pl", "IN_ADVANCE", False, None, None, (0, 24),
     "100000000.00"),
    (None, "Odbiór osobisty", "allegro-pl", "CASH_ON_DELIVERY", False, None, None, (0, 24), "100000000.00"),
    (None, "Przesyłka elektroniczna (e-mail)", "allegro-pl", "IN_ADVANCE", False, None, None, (0, 24),
     "100000000.00"),
    (None, "Allegro Zásilkovna - Výdejní místa", "allegro-cz", "IN_ADVANCE", True, "PACKETA", "10.000", (24, 72),
     "2500.00"),
    (None, "Allegro Zásilkovna Z-BOX", "allegro-cz", "IN_ADVANCE", True, "PACKETA", "10.000", (24, 72), "2500.00"),
    (None, "Allegro PPL Kurýr", "allegro-cz", "IN_ADVANCE", True, "PPL", "31.500", (24, 48), "2500.00"),
    (None, "Česká pošta - Balík Do ruky", "allegro-cz", "IN_ADVANCE", False, "CZECH_POST", "30.000", (24, 72),
     "2500000.00"),
    (None, "Allegro Packeta - Výdajné miesta", "allegro-sk", "IN_ADVANCE", True, "PACKETA", "10.000", (24, 72),
     "100.00"),
    (None, "Allegro DPD Kuriér", "allegro-sk", "IN_ADVANCE", True, "DPD_SK", "31.500", (24, 48), "100.00"),
    (None, "Slovenská pošta - Balík", "allegro-sk", "IN_ADVANCE", False, "SLOVAK_POST", "30.000", (24, 72),
     "100000.00"),
    (None, "Allegro Packeta - Átvételi pontok", "allegro-hu", "IN_ADVANCE", True, "PACKETA", "10.000", (24, 72),
     "40000.00"),
    (None, "Allegro Foxpost automata", "allegro-hu", "IN_ADVANCE", True, "FOXPOST", "25.000", (24, 72),
     "40000.00"),
    (None, "GLS futárszolgálat", "allegro-hu", "IN_ADVANCE", False, "GLS", "40.000", (24, 48), "40000000.00"),
    # What One Fulfillment ships abroad with ("One Fulfillment International" shipping rates).
    (None, "Allegro International One Kurier CZ", "allegro-cz", "IN_ADVANCE", True, "ALLEGRO", "25.000", (48, 96),
     "2500.00"),
    (None, "Allegro International One Kurier SK", "allegro-sk", "IN_ADVANCE", True, "ALLEGRO", "25.000", (48, 96),
     "100.00"),
    (None, "Allegro International One Kurier HU", "allegro-hu", "IN_ADVANCE", True, "ALLEGRO", "25.000", (48, 96),
     "40000.00"),
]
COUNTRIES = {"allegro-pl": ("PL", "PLN"), "allegro-cz": ("CZ", "CZK"), "allegro-sk": ("SK", "EUR"),
             "allegro-hu": ("HU", "HUF")}


def delivery_method_id(name: str) -> str:
    """Ids the spec and the vendor's threads do not pin are derived from the name, so that other parts of targ
    (the One Fulfillment shipping rates every such seller starts with) can name a method without reading this."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"targ:allegro:delivery-method:{name}"))


def build_delivery_methods() -> list[Json]:
    out = []
    for pinned, name, marketplace, policy, endorsed, carrier, max_kg, hours, max_rate in DELIVERY_METHODS:
        country, currency = COUNTRIES[marketplace]
        rate = {"min": "0.00", "max": max_rate, "currency": currency}
        out.append({
            "id": pinned or delivery_method_id(name),
            "name": name,
            "marketplaces": [marketplace],
            "paymentPolicy": policy,
            "allegroEndorsed": endorsed,
            "dispatchCountry": None,
            "destinationCountry": country,
            "shippingRatesConstraints": {
                "allowed": True,
                "maxQuantityPerPackage": {"max": 999999},
                "maxPackageWeight": ({"supported": True, "min": "0.001", "max": max_kg, "unit": "KILOGRAM"}
                                     if max_kg else {"supported": False, "min": None, "max": None, "unit": None}),
                "firstItemRate": rate,
                "nextItemRate": dict(rate),
                "shippingTime": {"default": {"from": f"PT{hours[0]}H", "to": f"PT{hours[1]}H"},
                                 "customizable": not endorsed},
            },
            "carrier": carrier,
        })
    return out


def build_delivery_file(draw: Draw) -> Json:
    methods = build_delivery_methods()
    return {
        "format": FORMAT,
        "seed": draw.seed,
        "carriers": [{"id": cid, "name": name} if name else {"id": cid} for cid, name in CARRIERS],
        "carrierAliases": CARRIER_ALIASES,
        "deliveryMethods": methods,
        "pickupPointsModifiedAt": MODIFIED_AT,
        "pickupPoints": build_pickup_points(draw),
        "deliveryServices": build_delivery_services(methods),
    }
