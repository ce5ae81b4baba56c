"""The money operations' errors as the vendor words them; userMessage in Polish (no Accept-Language) or English.
Sources per error in docs/behaviour.md, "Payments, refunds and billing"."""

from __future__ import annotations

from decimal import Decimal

from targ.http.errors import AllegroError

_TEXTS: dict[str, dict[str, str]] = {
    # VALIDATION_ERROR for a refund above what is left, as answered in allegro-api #8840, #6042 (quantity) and
    # #12680 (value): Polish message and userMessage, the amount with a decimal comma and the currency.
    "quantity": {"pl-PL": "Oferta: {id} ilość przekroczona, dostępna: {available}, żądana: {wanted}",
                 "en-US": "Offer: {id} quantity exceeded, available: {available}, requested: {wanted}"},
    "value": {"pl-PL": "Oferta: {id} wartość przekroczona, dostępna: {available}, żądana: {wanted}",
              "en-US": "Offer: {id} value exceeded, available: {available}, requested: {wanted}"},
    "delivery": {"pl-PL": "Dostawa: wartość przekroczona, dostępna: {available}, żądana: {wanted}",
                 "en-US": "Delivery: value exceeded, available: {available}, requested: {wanted}"},
    "overpaid": {"pl-PL": "Nadpłata: wartość przekroczona, dostępna: {available}, żądana: {wanted}",
                 "en-US": "Overpayment: value exceeded, available: {available}, requested: {wanted}"},
    "surcharge": {"pl-PL": "Dopłata: {id} wartość przekroczona, dostępna: {available}, żądana: {wanted}",
                  "en-US": "Surcharge: {id} value exceeded, available: {available}, requested: {wanted}"},
    "services": {"pl-PL": "Usługi dodatkowe: wartość przekroczona, dostępna: {available}, żądana: {wanted}",
                 "en-US": "Additional services: value exceeded, available: {available}, requested: {wanted}"},
    "deposit": {"pl-PL": "Kaucja: {id} wartość przekroczona, dostępna: {available}, żądana: {wanted}",
                "en-US": "Deposit: {id} value exceeded, available: {available}, requested: {wanted}"},
    # A field in the wrong form: the vendor's words in #4391 (Polish) and #4755 (English).
    "format": {"pl-PL": "Niewłaściwy format parametru", "en-US": "Invalid parameter format"},
    "nothing": {"pl-PL": "Wskaż, co chcesz zwrócić: przedmioty, dostawę, nadpłatę, dopłaty lub usługi dodatkowe.",
                "en-US": "Specify what to refund: line items, delivery, overpayment, surcharges or additional "
                         "services."},
    "line_item": {"pl-PL": "Przedmiot {id} nie należy do zamówienia {order}",
                  "en-US": "Line item {id} does not belong to order {order}"},
    "order": {"pl-PL": "Płatność {payment} nie dotyczy zamówienia {order}",
              "en-US": "Payment {payment} does not belong to order {order}"},
    "payment_not_found": {"pl-PL": "Nie znaleziono płatności {payment}", "en-US": "Payment {payment} not found"},
    "dates": {"pl-PL": "Data occurredAt.gte nie może być późniejsza niż occurredAt.lte",
              "en-US": "occurredAt.gte cannot be later than occurredAt.lte"},
    "marketplace": {"pl-PL": "Nieznany serwis {marketplace}", "en-US": "Unknown marketplace {marketplace}"},
    "too_many": {"pl-PL": "Wynik wyszukiwania przekracza limit 10000 operacji. Zawęź kryteria wyszukiwania.",
                 "en-US": "The search result exceeds the limit of 10000 operations. Narrow down the criteria."},
}


def _text(key: str, language: str, **values: str) -> str:
    table = _TEXTS[key]
    return (table["pl-PL"] if language == "pl-PL" else table["en-US"]).format(**values)


def amount_text(amount: Decimal, currency: str) -> str:
    """`50,41 PLN`: the vendor's way of writing an amount in these messages (#12680)."""
    return f"{amount:.2f}".replace(".", ",") + f" {currency}"


def exceeded(key: str, path: str, language: str, *, available: str, wanted: str, id: str = "") -> AllegroError:
    """More than is left to refund. The vendor's message is Polish whatever the language (#8840)."""
    values = {"id": id, "available": available, "wanted": wanted}
    return AllegroError(422, "VALIDATION_ERROR", _text(key, "pl-PL", **values), path=path,
                        user_message=_text(key, language, **values))


def bad_format(path: str, value: object, language: str) -> AllegroError:
    """A field in the wrong form (#4391: `details` "Invalid value: null", `path` "lineItems.value")."""
    shown = "null" if value is None else str(value)
    return AllegroError(422, "VALIDATION_ERROR", _text("format", language), path=path,
                        details=f"Invalid value: {shown}", user_message=_text("format", language))


def invalid(key: str, path: str | None, language: str, **values: str) -> AllegroError:
    return AllegroError(422, "VALIDATION_ERROR", _text(key, "en-US", **values), path=path,
                        user_message=_text(key, language, **values))


def payment_not_found(payment_id: str, language: str) -> AllegroError:
    """The spec's 404 "Payment not found.": an unknown payment, or another seller's."""
    return AllegroError(404, "NOT_FOUND", _text("payment_not_found", "en-US", payment=payment_id),
                        path="payment.id", user_message=_text("payment_not_found", language, payment=payment_id))
