"""`POST /shipment-management/shipments/create-commands` and its status: what a shipment keeps, the command ids, and
every rule of the service reported as ERROR with the field named, in a 200; what the spec's schema refuses is a 400
at once. Nothing refused creates anything."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from shipping_helpers import (
    ALLEGRO_JSON,
    CREATE,
    DPD,
    DPD_COD,
    INPOST_LOCKER,
    PACKETA_CZ,
    SENDER,
    UPS,
    buy,
    checkout_form,
    create,
    errors,
    failed,
    package,
    run,
    second_seller,
    send,
    shipment,
    shipment_input,
    status,
)

from targ.testing import TargServer

COMMAND = "0f1e2d3c-4b5a-4697-8877-665544332211"


@pytest.fixture
def form(http: httpx.Client, seller: httpx.Client, offer: str) -> dict[str, Any]:
    """A paid order of offer A, delivered by Allegro Kurier DPD."""
    return checkout_form(seller, buy(http, offer, DPD))


def _shipments_on(seller: httpx.Client, order_id: str) -> list[dict[str, Any]]:
    return list(seller.get(f"/order/checkout-forms/{order_id}/shipments").json()["shipments"])


def test_what_a_shipment_keeps(targ: TargServer, seller: httpx.Client, form: dict[str, Any]) -> None:
    given = shipment_input(form, packages=1, referenceNumber="abcd1234", insurance={"amount": "123,50",
                                                                                   "currency": "PLN"},
                           additionalServices=["ADDITIONAL_HANDLING"])
    given["packages"][0]["textOnLabel"] = "Smartfony"
    given["packages"][0]["weight"]["value"] = "1.5"    # a number sent as a string is read as the number
    sent = send(seller, CREATE, given)          # no commandId: a new UUID
    expected = {**given["packages"][0], "weight": {"value": 1.5, "unit": "KILOGRAMS"}}
    assert len(sent["commandId"]) == 36 and sent["input"] == {**given, "packages": [expected]}
    targ.drain()
    made = shipment(seller, status(seller, CREATE, sent["commandId"])["shipmentId"])
    [parcel] = made["packages"]
    assert {k: v for k, v in parcel.items() if k != "waybill"} == expected
    assert made["sender"] == SENDER and made["receiver"] == given["receiver"]
    assert made["insurance"] == {"amount": "123,50", "currency": "PLN"} and "cashOnDelivery" not in made
    assert made["additionalServices"] == ["ADDITIONAL_HANDLING"] and made["additionalProperties"] == {}
    assert made["labelFormat"] == "PDF"         # none asked: PDF
    assert made["referenceNumber"] == "abcd1234"
    assert _shipments_on(seller, form["id"])[0]["waybill"] == parcel["waybill"]


def test_cash_on_delivery_and_a_locker_with_its_sending_code(targ: TargServer, http: httpx.Client,
                                                             seller: httpx.Client, offer: str) -> None:
    cod_form = checkout_form(seller, buy(http, offer, DPD_COD, payment={"type": "CASH_ON_DELIVERY"}))
    cod = {"amount": "59.99", "currency": "PLN", "iban": "PL48109024022441789739167589", "ownerName": "Jan Kowalski"}
    made = shipment(seller, create(targ, seller, shipment_input(cod_form, cashOnDelivery=cod,
                                                               insurance={"amount": "59.99", "currency": "PLN"})))
    assert made["cashOnDelivery"] == cod
    locker_form = checkout_form(seller, buy(http, offer, INPOST_LOCKER))
    assert locker_form["delivery"]["pickupPoint"]["id"]
    locker = shipment(seller, create(targ, seller, shipment_input(locker_form)))
    assert locker["receiver"]["point"] == locker_form["delivery"]["pickupPoint"]["id"]
    assert locker["carrier"] == "INPOST" and len(locker["packages"][0]["waybill"]) == 24
    code = locker["additionalProperties"]["SENDING_CODE"]   # set by the carrier, read-only
    assert code.isdigit() and len(code) == 8


def test_a_command_id_is_used_once(targ: TargServer, seller: httpx.Client, form: dict[str, Any]) -> None:
    given = shipment_input(form)
    send(seller, CREATE, given, command_id=COMMAND)
    for body in (given, shipment_input(form, packages=2)):        # the same body or another: 400 either way
        resp = seller.post(CREATE, json={"commandId": COMMAND, "input": body})
        [error] = errors(resp, 400)
        assert (error["code"], error["path"]) == ("COMMAND_EXISTS", COMMAND)
        assert error["userMessage"] == "Zlecenie o podanym ID już istnieje w systemie"
    targ.drain()
    assert status(seller, CREATE, COMMAND)["status"] == "SUCCESS"
    assert len(_shipments_on(seller, form["id"])) == 1


def test_unknown_and_other_sellers_commands_are_not_found(targ: TargServer, http: httpx.Client,
                                                          seller: httpx.Client, form: dict[str, Any]) -> None:
    [error] = errors(seller.get(f"{CREATE}/{COMMAND}"), 404)
    assert error["code"] == "COMMAND_NOT_FOUND" and error["userMessage"] == "Command not found."
    send(seller, CREATE, shipment_input(form), command_id=COMMAND)
    with second_seller(http, targ.url) as other:
        assert errors(other.get(f"{CREATE}/{COMMAND}"), 404)[0]["code"] == "COMMAND_NOT_FOUND"
    # A create command's id is not a cancel command's.
    assert errors(seller.get(f"/shipment-management/shipments/cancel-commands/{COMMAND}"), 404)[0]["code"] == \
        "COMMAND_NOT_FOUND"


def test_a_command_id_must_be_a_uuid(seller: httpx.Client, form: dict[str, Any]) -> None:
    resp = seller.post(CREATE, json={"commandId": "moje-zlecenie-1", "input": shipment_input(form)})
    assert [(e["code"], e["path"]) for e in errors(resp, 400)] == [("VALIDATION_ERROR", "commandId")]


@pytest.mark.parametrize(("change", "path"), [
    ({"labelFormat": "GIF"}, "input.labelFormat"),
    ({"packages": [package(unit="X") | {"weight": {"value": 1, "unit": "KILOGRAM"}}]}, "input.packages[0].weight.unit"),
    ({"deliveryMethodId": None}, "input.deliveryMethodId"),
])
def test_what_the_schema_refuses_is_a_400_and_stores_nothing(targ: TargServer, seller: httpx.Client,
                                                            form: dict[str, Any], change: dict[str, Any],
                                                            path: str) -> None:
    given = {**shipment_input(form), **change}
    resp = seller.post(CREATE, json={"commandId": COMMAND, "input": given})
    assert path in [e["path"] for e in errors(resp, 400)]
    assert errors(seller.get(f"{CREATE}/{COMMAND}"), 404)[0]["code"] == "COMMAND_NOT_FOUND"


def test_media_types(seller: httpx.Client, form: dict[str, Any]) -> None:
    body = {"input": shipment_input(form)}
    assert errors(seller.post(CREATE, json=body, headers={"Content-Type": "application/json"}), 415)[0]["code"] == \
        "NotSupportedException"
    assert errors(seller.post(CREATE, json=body, headers={"Accept": "application/json"}), 406)[0]["code"] == \
        "NotAcceptableException"


def test_an_unknown_delivery_service(targ: TargServer, seller: httpx.Client, form: dict[str, Any]) -> None:
    own_courier = "5744432b-bff3-517d-b6a6-d464a880644b"   # "Przesyłka kurierska": a method, but no Allegro service
    for method_id in ("3b6b4d1a-0000-4000-8000-000000000000", own_courier, PACKETA_CZ):
        done = run(targ, seller, CREATE, shipment_input(form, method_id))
        assert failed(done) == [("VALIDATION_ERROR", "deliveryMethodId")]
    assert _shipments_on(seller, form["id"]) == []


LIMITS = [
    # (method, packages, problems)
    (UPS, [package(), package()], [("VALIDATION_ERROR", "packages", "Max value: 1")]),
    (DPD, [package()] * 11, [("VALIDATION_ERROR", "packages", "Max value: 10")]),
    (DPD, [package(weight=32)], [("VALIDATION_ERROR", "packages[0].weight", "")]),
    (DPD, [package(size=(175, 40, 25))], [("VALIDATION_ERROR", "packages[0].dimensions", "")]),
    (DPD, [package(weight=5, size=(60, 60, 60))], [("VALIDATION_ERROR", "packages[0].weight", "")]),
    (INPOST_LOCKER, [package(size=(70, 40, 40))], [("VALIDATION_ERROR", "packages[0].dimensions", "")]),
    (DPD, [package(weight=0)], [("VALIDATION_ERROR", "packages[0].weight.value", "")]),
    (DPD, [package(type="PALLET")], [("VALIDATION_ERROR", "packages[0].type", "")]),
    (DPD, [], [("VALIDATION_ERROR", "packages", "")]),
]


@pytest.mark.parametrize(("method_id", "packages", "problems"), LIMITS)
def test_the_services_limits(targ: TargServer, http: httpx.Client, seller: httpx.Client, offer: str,
                             method_id: str, packages: list[dict[str, Any]],
                             problems: list[tuple[str, str, str]]) -> None:
    form = checkout_form(seller, buy(http, offer, method_id))
    done = run(targ, seller, CREATE, {**shipment_input(form), "packages": packages})
    assert failed(done) == [(code, path) for code, path, _ in problems]
    assert [e["details"] for e in done["errors"]] == [details for _, _, details in problems]
    assert _shipments_on(seller, form["id"]) == []


def test_the_limits_words(targ: TargServer, seller: httpx.Client, form: dict[str, Any]) -> None:
    """The vendor's own texts: #11606 (parcels), #11135 (weight), #9423 (dimensional weight)."""
    too_many = run(targ, seller, CREATE, {**shipment_input(form), "packages": [package()] * 11})["errors"][0]
    assert too_many["message"] == ("You have exceeded the allowable package limit for a single order. Different "
                                   "delivery methods with the same carrier may have different limits.")
    assert too_many["userMessage"] == ("Przekroczono dopuszczalny limit paczek w pojedynczym zleceniu. Różne metody "
                                       "dostawy u tego samego przewoźnika, mogą mieć różne limity.")
    heavy = run(targ, seller, CREATE, {**shipment_input(form), "packages": [package(weight=40)]},
                **{"Accept-Language": "en-US"})["errors"][0]
    assert heavy["message"] == heavy["userMessage"] == "This weight exceeds the limit of 31.5 kg."
    bulky = run(targ, seller, CREATE, {**shipment_input(form), "packages": [package(weight=5, size=(60, 60, 60))]})
    assert bulky["errors"][0]["message"] == "Parcel dimensions exceeded"
    assert bulky["errors"][0]["userMessage"] == "Podane wymiary przesyłki przekraczają maksymalną wagę gabarytową."


MONEY = [
    (DPD, {"cashOnDelivery": {"amount": "10.00", "currency": "PLN"}}, [("VALIDATION_ERROR", "cashOnDelivery")]),
    (DPD_COD, {"cashOnDelivery": {"amount": "6000.00", "currency": "PLN"}},
     [("VALIDATION_ERROR", "cashOnDelivery.amount")]),
    (DPD_COD, {"cashOnDelivery": {"amount": "10.00", "currency": "EUR"}},
     [("VALIDATION_ERROR", "cashOnDelivery.currency")]),
    (DPD_COD, {"cashOnDelivery": {"amount": "100.00", "currency": "PLN"},
               "insurance": {"amount": "50.00", "currency": "PLN"}}, [("VALIDATION_ERROR", "insurance.amount")]),
    (DPD, {"insurance": {"amount": "60000.00", "currency": "PLN"}}, [("VALIDATION_ERROR", "insurance.amount")]),
    (DPD, {"insurance": {"amount": "12.345", "currency": "PLN"}}, [("VALIDATION_ERROR", "insurance.amount")]),
]


@pytest.mark.parametrize(("method_id", "money", "problems"), MONEY)
def test_cash_on_delivery_and_insurance_limits(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                               offer: str, method_id: str, money: dict[str, Any],
                                               problems: list[tuple[str, str]]) -> None:
    form = checkout_form(seller, buy(http, offer, method_id, payment={
        "type": "CASH_ON_DELIVERY" if method_id == DPD_COD else "ONLINE"}))
    done = run(targ, seller, CREATE, {**shipment_input(form), **money})
    assert failed(done) == problems


def test_insurance_below_cash_on_delivery_in_the_vendors_words(targ: TargServer, http: httpx.Client,
                                                               seller: httpx.Client, offer: str) -> None:
    form = checkout_form(seller, buy(http, offer, DPD_COD, payment={"type": "CASH_ON_DELIVERY"}))
    money = {"cashOnDelivery": {"amount": "100.00", "currency": "PLN"},
             "insurance": {"amount": "50.00", "currency": "PLN"}}
    done = run(targ, seller, CREATE, {**shipment_input(form), **money})
    assert done["errors"][0]["userMessage"] == ("Wartość ubezpieczenia musi być większa lub równa wartości kwoty "
                                                "pobrania.")


def test_addresses_points_and_extras(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                     offer: str) -> None:
    form = checkout_form(seller, buy(http, offer, INPOST_LOCKER))
    given = shipment_input(form, additionalServices=["SATURDAY_DELIVERY"],
                           additionalProperties={"SENDING_CODE": "12345678"})
    del given["receiver"]["point"], given["sender"]["name"], given["sender"]["company"]
    given["receiver"].update(phone="+86 13800138000", postalCode="90001x")
    done = run(targ, seller, CREATE, given)
    assert sorted(failed(done), key=str) == sorted([
        ("VALIDATION_ERROR", "sender.name"), ("VALIDATION_ERROR", "receiver.phone"),
        ("VALIDATION_ERROR", "receiver.postalCode"), ("VALIDATION_ERROR", "receiver.point"),
        ("VALIDATION_ERROR", "additionalServices"), ("VALIDATION_ERROR", "additionalProperties.SENDING_CODE")], key=str)
    abroad = shipment_input(checkout_form(seller, buy(http, offer, DPD)))
    abroad["receiver"].update(countryCode="CZ", postalCode="110 00", phone="+420 601 123 456")
    assert failed(run(targ, seller, CREATE, abroad)) == [("VALIDATION_ERROR", "receiver.countryCode")]
    agreement = shipment_input(checkout_form(seller, buy(http, offer, DPD)),
                               credentialsId="c9e6f40a-3d25-48fc-838c-055ceb1c5bc0")
    assert failed(run(targ, seller, CREATE, agreement)) == [("VALIDATION_ERROR", "credentialsId")]


def test_the_receiver_must_be_one_of_the_sellers_orders(targ: TargServer, http: httpx.Client, seller: httpx.Client,
                                                        demo: dict[str, Any], form: dict[str, Any]) -> None:
    stranger = shipment_input(form)
    stranger["receiver"]["email"] = "ktos+1234abcd@allegromail.pl"
    done = run(targ, seller, CREATE, stranger)
    assert failed(done) == [("VALIDATION_FAILED", "receiver.email")]
    assert done["errors"][0]["details"] == "allegro_order_not_found"
    assert done["errors"][0]["message"] == "Selected order can not be used"
    # Another seller cannot ship this seller's order.
    with second_seller(http, targ.url) as other:
        other.headers["Content-Type"] = ALLEGRO_JSON
        assert failed(run(targ, other, CREATE, shipment_input(form))) == [("VALIDATION_FAILED", "receiver.email")]
    # Nor is a One Fulfillment order the seller's to ship: Allegro's warehouse does.
    one = checkout_form(seller, buy(http, demo["offers"][2]["id"], DPD))
    assert one["fulfillment"]["provider"]["id"] == "ALLEGRO"
    assert failed(run(targ, seller, CREATE, shipment_input(one, DPD))) == [("VALIDATION_FAILED", "receiver.email")]
    assert _shipments_on(seller, form["id"]) == []


def test_a_buyers_orders_are_told_apart_by_delivery_method(targ: TargServer, http: httpx.Client,
                                                           seller: httpx.Client, offer: str) -> None:
    first = checkout_form(seller, buy(http, offer, UPS, buyer={"login": "stały_klient"}))
    second = checkout_form(seller, buy(http, offer, DPD, buyer={"login": "stały_klient"}))
    assert first["buyer"]["email"] == second["buyer"]["email"]
    create(targ, seller, shipment_input(first))      # UPS: the first order, though the second is newer
    assert [s["carrierId"] for s in _shipments_on(seller, first["id"])] == ["UPS"]
    assert _shipments_on(seller, second["id"]) == []
    create(targ, seller, shipment_input(second))
    assert [s["carrierId"] for s in _shipments_on(seller, second["id"])] == ["DPD"]


def test_errors_are_written_in_the_commands_language(targ: TargServer, seller: httpx.Client,
                                                     form: dict[str, Any]) -> None:
    bad = {**shipment_input(form), "packages": [package(), package()]}
    english = run(targ, seller, CREATE, {**bad, "deliveryMethodId": UPS}, **{"Accept-Language": "en-US"})
    polish = run(targ, seller, CREATE, {**bad, "deliveryMethodId": UPS})
    assert english["errors"][0]["userMessage"].startswith("You have exceeded the allowable package limit")
    assert polish["errors"][0]["userMessage"].startswith("Przekroczono dopuszczalny limit paczek")
    # Read in another language later, a command says what it said.
    again = status(seller, CREATE, english["commandId"])
    assert again["errors"][0]["userMessage"] == english["errors"][0]["userMessage"]
