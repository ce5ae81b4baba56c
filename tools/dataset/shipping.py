"""allegro-delivery.json `deliveryServices`: the "Wysyłam z Allegro" (Ship with Allegro) services, one per Allegro
Standard delivery method with a carrier, and what each takes (docs/shipping.md, docs/datasets.md).

Sources, per fact (`#n` is an allegro/allegro-api issue; the carriers' facts are their published parcel standards):

* Which services: Allegro Standard methods (`allegroEndorsed`) with a tracking carrier, owner ALLEGRO; a seller's own
  carrier agreements (owner CLIENT, with a `credentialsId`) are configured in the vendor's web tool, which targ has
  not, so no seller has any. Sellers based on a marketplace get its services; Polish sellers also the Allegro
  International couriers (`senders`).
* Parcels per shipment: 10 for DPD in Poland, 1 for everything else (#9862, #11606, #11674 staff: "wielopaczki
  dostępne są tylko dla DPD (PL-PL) i WE|DO"; #13487: the standard DPD service, not Allegro Delivery's).
* Weights: the delivery method's own `maxPackageWeight`. Dimensions: InPost lockers and Allegro One Box take size C,
  64 x 38 x 41 cm (InPost's published locker sizes A/B/C); Allegro Kurier24 InPost 80 x 80 x 80 cm (#11135, the
  vendor's error text); DPD couriers a longest side of 175 cm, length plus girth of 300 cm and a dimensional weight
  (L x W x H / 6000) of at most 31.5 kg (DPD Polska's parcel standard; #9439 staff for the divisor); DPD Pickup
  points 100 x 50 x 50 cm (DPD Pickup's published limit); Packeta pick-up points 70 x 50 x 50 cm (Packeta's
  published limit). Services with no dimension listed here are checked for weight only.
* Cash on delivery: the "pobranie" methods only; paid out to the seller's Allegro wallet, no IBAN required (#13581,
  a real delivery-services answer: `paymentType: WALLET_TRANSFER`, `forceRequireIban: false`); limits: 5 000 PLN
  (InPost's published cash-on-delivery limit; targ uses it for DPD too).
* Insurance: limits in the marketplace's currency (#10689 staff: the maximum is `insurance.limit`; #10362 shows how
  they vary: 50 000 CZK, 1 274 EUR); targ's values: 5 000 PLN for lockers and points, 50 000 PLN for couriers (the
  spec's example), 50 000 CZK, 700 EUR (#10362: what worked), 500 000 HUF. Mandatory for Packeta (#11345, #11995).
* Additional services: non-standard parcel handling on couriers, `ADDITIONAL_HANDLING` (the spec's example) and, for
  DHL, `additionalHandling` with the texts of #13581. Additional properties: InPost lockers' read-only sending code
  (`SENDING_CODE`, the spec's example; which services carry it is targ's choice).
* Courier pickups: per carrier, the window a courier comes in and the cut-off for ordering one the same day (#12350:
  windows of 08:00-15:00; #13727: 08:00-17:00, today's starting now); drop-off-only carriers (ORLEN Paczka, Packeta,
  Foxpost) take no pickups. Cancelling: Poczta Polska and Packeta only (#12535 staff, 2025-10-28; #10574, #7630: not
  the Allegro carrier).
"""

from __future__ import annotations

from typing import Any

Json = Any

# Carrier: (pickup window from, to, same-day cut-off) or None for drop-off only; whether a shipment can be cancelled.
CARRIERS: dict[str, tuple[tuple[str, str, str] | None, bool]] = {
    "INPOST": (("08:00", "17:00", "13:00"), False),
    "ALLEGRO": (("08:00", "17:00", "12:00"), False),
    "DPD": (("08:00", "16:00", "13:00"), False),
    "DPD_SK": (("08:00", "16:00", "12:00"), False),
    "ORLEN": (None, False),
    "POCZTA_POLSKA": (("08:00", "15:00", "12:00"), True),
    "UPS": (("09:00", "17:00", "14:00"), False),
    "DHL": (("09:00", "17:00", "14:00"), False),
    "PACKETA": (None, True),
    "PPL": (("08:00", "16:00", "12:00"), False),
    "FOXPOST": (None, False),
}

LOCKER_C = [64, 38, 41]
DPD_COURIER = {"maxSides": [175, 175, 175], "maxGirth": 300, "volumetricDivisor": 6000,
               "maxVolumetricWeight": "31.5"}
HANDLING = {"id": "ADDITIONAL_HANDLING", "name": "Niestandardowa przesyłka", "nameEn": "Non-standard parcel",
            "description": "Paczka o kształcie innym niż prostopadłościan (np. opona, rura) lub owinięta folią, "
                           "co utrudnia jej przenoszenie.",
            "descriptionEn": "A parcel with a shape that is not cuboidal (e.g., a tire, a tube) or one wrapped in "
                             "stretch, foil, or other material that makes it difficult to move."}
DHL_HANDLING = {**HANDLING, "id": "additionalHandling", "nameEn": "Non-standard parcel."}
SENDING_CODE = {"id": "SENDING_CODE", "name": "Kod nadania", "nameEn": "Sending code",
                "description": "Kod, którym nadasz paczkę w automacie bez etykiety",
                "descriptionEn": "Code required to send the shipment", "required": False, "readOnly": True}

# Method name → (English name, parcels per shipment, size limits, cash-on-delivery limit, insurance limit, insurance
# required, additional services, additional properties, seller marketplaces that get it).
SERVICES: list[tuple[str, str, int, Json, int | None, int, bool, list[Json], list[Json], list[str]]] = [
    ("Allegro Paczkomaty InPost", "Allegro Parcel Lockers InPost", 1, {"maxSides": LOCKER_C}, None, 5000, False,
     [], [SENDING_CODE], ["allegro-pl"]),
    ("Allegro Paczkomaty InPost pobranie", "Allegro Parcel Lockers InPost payment on delivery", 1,
     {"maxSides": LOCKER_C}, 5000, 5000, False, [], [SENDING_CODE], ["allegro-pl"]),
    ("Allegro Kurier24 InPost", "Allegro Courier24 InPost", 1, {"maxSides": [80, 80, 80]}, None, 50000, False,
     [HANDLING], [], ["allegro-pl"]),
    ("Allegro Kurier24 InPost pobranie", "Allegro Courier24 InPost payment on delivery", 1,
     {"maxSides": [80, 80, 80]}, 5000, 50000, False, [HANDLING], [], ["allegro-pl"]),
    ("Allegro One Box, One Kurier", "Allegro One Box, One Courier", 1, {"maxSides": LOCKER_C}, None, 5000, False,
     [], [], ["allegro-pl"]),
    ("Allegro One Punkt, One Kurier", "Allegro One Point, One Courier", 1, {}, None, 5000, False, [], [],
     ["allegro-pl"]),
    ("Allegro One Kurier", "Allegro One Courier", 1, {}, None, 50000, False, [HANDLING], [], ["allegro-pl"]),
    ("Allegro Kurier DPD", "Allegro Courier DPD", 10, DPD_COURIER, None, 50000, False, [HANDLING], [],
     ["allegro-pl"]),
    ("Allegro Kurier DPD pobranie", "Allegro Courier DPD payment on delivery", 10, DPD_COURIER, 5000, 50000, False,
     [HANDLING], [], ["allegro-pl"]),
    ("Allegro Odbiór w Punkcie DPD Pickup", "Allegro Pickup Point DPD Pickup", 1, {"maxSides": [100, 50, 50]},
     None, 5000, False, [], [], ["allegro-pl"]),
    ("Allegro Odbiór w Punkcie ORLEN Paczka", "Allegro Pickup Point ORLEN Paczka", 1, {}, None, 5000, False, [],
     [], ["allegro-pl"]),
    ("Allegro Automat ORLEN Paczka", "Allegro Parcel Locker ORLEN Paczka", 1, {}, None, 5000, False, [], [],
     ["allegro-pl"]),
    ("Allegro Kurier Pocztex", "Allegro Courier Pocztex", 1, {}, None, 50000, False, [HANDLING], [],
     ["allegro-pl"]),
    ("Allegro Odbiór w Punkcie Pocztex", "Allegro Pickup Point Pocztex", 1, {}, None, 5000, False, [], [],
     ["allegro-pl"]),
    ("Allegro Kurier UPS", "Allegro Courier UPS", 1, {}, None, 50000, False, [HANDLING], [], ["allegro-pl"]),
    ("Allegro Odbiór w Punkcie UPS", "Allegro Pickup Point UPS", 1, {}, None, 5000, False, [], [], ["allegro-pl"]),
    ("Allegro Kurier DHL", "Allegro Courier DHL", 1, {}, None, 50000, False, [DHL_HANDLING], [], ["allegro-pl"]),
    ("Allegro Zásilkovna - Výdejní místa", "Allegro Packeta - Pickup points", 1, {"maxSides": [70, 50, 50]}, None,
     50000, True, [], [], ["allegro-cz"]),
    ("Allegro Zásilkovna Z-BOX", "Allegro Packeta Z-BOX", 1, {}, None, 50000, True, [], [], ["allegro-cz"]),
    ("Allegro PPL Kurýr", "Allegro PPL Courier", 1, {}, None, 50000, False, [HANDLING], [], ["allegro-cz"]),
    ("Allegro Packeta - Výdajné miesta", "Allegro Packeta - Pickup points", 1, {"maxSides": [70, 50, 50]}, None,
     700, True, [], [], ["allegro-sk"]),
    ("Allegro DPD Kuriér", "Allegro DPD Courier", 1, {}, None, 700, False, [HANDLING], [], ["allegro-sk"]),
    ("Allegro Packeta - Átvételi pontok", "Allegro Packeta - Pickup points", 1, {"maxSides": [70, 50, 50]}, None,
     500000, True, [], [], ["allegro-hu"]),
    ("Allegro Foxpost automata", "Allegro Foxpost parcel locker", 1, {}, None, 500000, False, [], [],
     ["allegro-hu"]),
    ("Allegro International One Kurier CZ", "Allegro International One Courier CZ", 1, {}, None, 50000, False, [],
     [], ["allegro-pl"]),
    ("Allegro International One Kurier SK", "Allegro International One Courier SK", 1, {}, None, 700, False, [],
     [], ["allegro-pl"]),
    ("Allegro International One Kurier HU", "Allegro International One Courier HU", 1, {}, None, 500000, False, [],
     [], ["allegro-pl"]),
]


def build_delivery_services(methods: list[Json]) -> list[Json]:
    """One service per Allegro Standard method above, in the methods' order; the method's own weight limit."""
    by_name = {m["name"]: m for m in methods}
    out = []
    for name, name_en, parcels, sizes, cod, insurance, insured, extras, properties, senders in SERVICES:
        method = by_name[name]
        currency = method["shippingRatesConstraints"]["firstItemRate"]["currency"]
        pickup, cancellable = CARRIERS[method["carrier"]]
        service: Json = {
            "deliveryMethodId": method["id"],
            "name": name,
            "nameEn": name_en,
            "carrierId": method["carrier"],
            "marketplaces": method["marketplaces"],
            "packageTypes": ["PACKAGE"],
            "parcels": {"max": parcels, "maxWeight": method["shippingRatesConstraints"]["maxPackageWeight"]["max"],
                        **sizes},
            "insurance": {"limit": insurance, "currency": currency, "required": insured},
            "additionalServices": extras,
            "additionalProperties": properties,
            "senders": senders,
            "pickup": ({"from": pickup[0], "to": pickup[1], "cutOff": pickup[2]} if pickup else None),
            "cancellable": cancellable,
        }
        if cod is not None:
            service["cashOnDelivery"] = {"limit": cod, "currency": currency, "paymentType": "WALLET_TRANSFER",
                                         "forceRequireIban": False}
        out.append(service)
    return out
