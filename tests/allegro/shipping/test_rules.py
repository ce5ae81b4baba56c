"""The rules below the operations: Code 128 read back by an independent decoder, the working-day calendar, the
address checks, and the delivery services' dataset against the delivery methods it comes from."""

from __future__ import annotations

import datetime as dt

import pytest
from shipping_barcodes import TABLE, decode

from targ.allegro.catalog.dataset import DELIVERY, load
from targ.allegro.shipping import calendar, checks, code128


def test_code128_tables_agree_and_are_well_formed() -> None:
    assert code128.PATTERNS == tuple(TABLE) and len(set(TABLE)) == 106
    for pattern in TABLE:
        widths = [int(w) for w in pattern]
        assert sum(widths) == 11 and sum(widths[0::2]) % 2 == 0   # 11 modules, an even number of them in bars


@pytest.mark.parametrize("text", ["1019374227038U", "620022696408430119458408", "1ZA1B2C3680000123",
                                  "Z1234567890", "12345678901", "CLFOX0123456789", "A"])
def test_code128_reads_back(text: str) -> None:
    widths = code128.widths(text)
    assert sum(widths) == code128.modules(text) == 11 * (len(code128.symbols(text))) + 13
    assert decode(widths) == text


def test_code128_takes_printable_ascii_only() -> None:
    with pytest.raises(ValueError):
        code128.widths("Łódź")
    with pytest.raises(ValueError):
        code128.widths("")


@pytest.mark.parametrize(("year", "sunday"), [(2024, dt.date(2024, 3, 31)), (2025, dt.date(2025, 4, 20)),
                                              (2026, dt.date(2026, 4, 5)), (2027, dt.date(2027, 3, 28))])
def test_easter(year: int, sunday: dt.date) -> None:
    assert calendar.easter(year) == sunday


def test_working_days() -> None:
    off_in_poland = [dt.date(2026, 1, 1), dt.date(2026, 1, 6), dt.date(2026, 4, 6), dt.date(2026, 6, 4),
                     dt.date(2026, 12, 24), dt.date(2026, 11, 11)]
    assert not any(calendar.working_day(d, "PL") for d in off_in_poland)
    assert calendar.working_day(dt.date(2024, 12, 24), "PL")       # a working day before 2025
    assert calendar.working_day(dt.date(2026, 4, 3), "PL") and not calendar.working_day(dt.date(2026, 4, 3), "CZ")
    assert not calendar.working_day(dt.date(2026, 5, 25), "HU")    # Whit Monday
    assert not calendar.working_day(dt.date(2026, 1, 10), "PL")    # a Saturday


@pytest.mark.parametrize(("phone", "country", "ok"), [
    ("500600700", "PL", True), ("+48 500 600 700", "PL", True), ("0048500600700", "PL", True),
    ("+86 13800138000", "PL", False), ("50060070", "PL", False), ("tel. 500600700", "PL", False),
    ("+420 601 123 456", "CZ", True), ("(500) 600-700", "PL", True), ("+44 20 7946 0958", "GB", True),
])
def test_phone_numbers(phone: str, country: str, ok: bool) -> None:
    assert checks.phone_ok(phone, country) is ok


@pytest.mark.parametrize(("code", "country", "ok"), [
    ("00-001", "PL", True), ("00001", "PL", True), ("0-001", "PL", False), ("110 00", "CZ", True),
    ("1051", "HU", True), ("10511", "HU", False), ("SW1A 1AA", "GB", True),
])
def test_postal_codes(code: str, country: str, ok: bool) -> None:
    assert checks.postal_code_ok(code, country) is ok


def test_the_services_dataset_follows_its_delivery_methods() -> None:
    data = load(DELIVERY)
    methods = {m["id"]: m for m in data["deliveryMethods"]}
    services = data["deliveryServices"]
    assert len(services) == len({s["deliveryMethodId"] for s in services}) == 27
    for service in services:
        method = methods[service["deliveryMethodId"]]
        assert method["allegroEndorsed"] and method["carrier"] == service["carrierId"]
        assert service["marketplaces"] == method["marketplaces"] and service["name"] == method["name"]
        assert service["parcels"]["maxWeight"] == method["shippingRatesConstraints"]["maxPackageWeight"]["max"]
        assert ("cashOnDelivery" in service) == (method["paymentPolicy"] == "CASH_ON_DELIVERY")
        currency = method["shippingRatesConstraints"]["firstItemRate"]["currency"]
        assert service["insurance"]["currency"] == currency
        # Multi-parcel shipments: DPD in Poland only (#11674).
        assert service["parcels"]["max"] == (10 if service["carrierId"] == "DPD" and "Pickup" not in method["name"]
                                             else 1)
    endorsed = {m["id"] for m in methods.values() if m["allegroEndorsed"] and m["carrier"]}
    assert {s["deliveryMethodId"] for s in services} == endorsed
