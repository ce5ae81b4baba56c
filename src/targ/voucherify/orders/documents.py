"""The stored Voucherify order (kind `vf_order`, owned by the project, alternate key = `source_id`): the shape
`orders.models` writes and reads. Annotations only: at run time a document is the plain dict the store decodes."""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict, cast

from targ.json_types import Json, JsonView

# Fields copied from the request as given (`PUT` changes only those sent).
PlainField = Literal["status", "metadata", "initial_amount", "discount_amount"]
# The amounts of the order object, in the vendor's order.
AmountField = Literal["amount", "initial_amount", "discount_amount", "items_discount_amount",
                      "total_discount_amount", "total_amount"]


class OrderTotals(TypedDict):
    """The amounts derived from the others (`models.totals`)."""

    items_discount_amount: int | None
    total_discount_amount: int | None
    total_amount: int | None


class VoucherifyOrder(TypedDict):
    id: str                          # "ord_" + 24 characters
    source_id: str | None
    status: str                      # CREATED, PAID, CANCELED, FULFILLED (as sent: validated by the edge)
    amount: int | None               # minor units, as the vendor's
    initial_amount: int | None
    discount_amount: int | None
    items: list[Json]                # order items as `items.build_item` stores them
    metadata: Json | None
    customer_id: str | None
    referrer_id: str | None
    created_at: int                  # ms on the virtual clock
    updated_at: int | None
    # Written by every save (`totals`), after the fields above: not in the literal a new order starts from.
    items_discount_amount: NotRequired[int | None]
    total_discount_amount: NotRequired[int | None]
    total_amount: NotRequired[int | None]


def as_order(data: JsonView) -> VoucherifyOrder:
    """A `vf_order` document as the store hands it out (loose JSON), typed: the one place an order is taken in."""
    return cast(VoucherifyOrder, data)
