"""The money operations' errors as the vendor words them; their userMessage texts are in texts.py, rendered in the
request's language by the edge. Sources per error in docs/behaviour.md, "Payments, refunds and billing"."""

from __future__ import annotations

from decimal import Decimal

from targ.allegro import messages
from targ.allegro.errors import AllegroError


def amount_text(amount: Decimal, currency: str) -> str:
    """`50,41 PLN`: the vendor's way of writing an amount in these messages (#12680)."""
    return f"{amount:.2f}".replace(".", ",") + f" {currency}"


def exceeded(key: str, path: str, *, available: str, wanted: str, id: str = "") -> AllegroError:
    """More than is left to refund. The vendor's developer message is the Polish text whatever the language
    (#8840, asked in English)."""
    params = {"id": id, "available": available, "wanted": wanted}
    return AllegroError(422, "VALIDATION_ERROR", messages.text(f"money.{key}", messages.DEFAULT, params), path=path,
                        user_key=f"money.{key}", user_params=params)


def bad_format(path: str, value: object) -> AllegroError:
    """A field in the wrong form (#4391: `details` "Invalid value: null", `path` "lineItems.value")."""
    shown = "null" if value is None else str(value)
    return AllegroError(422, "VALIDATION_ERROR", path=path, details=f"Invalid value: {shown}",
                        user_key="money.format")


def invalid(key: str, path: str | None, **params: str) -> AllegroError:
    return AllegroError(422, "VALIDATION_ERROR", path=path, user_key=f"money.{key}", user_params=params)


def payment_not_found(payment_id: str) -> AllegroError:
    """The spec's 404 "Payment not found.": an unknown payment, or another seller's."""
    return AllegroError(404, "NOT_FOUND", path="payment.id", user_key="money.payment_not_found",
                        user_params={"payment": payment_id})
