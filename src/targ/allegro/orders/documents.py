"""The stored checkout form (kind `checkout_form`, id = the order id, owner = the seller): the `CheckoutForm` as
`GET /order/checkout-forms/{id}` shows it plus `_targ`, never sent (what each field of `_targ` means: model.py).

Annotations only: at run time a document is the plain dict the store decodes. Parts the order area builds and
changes field by field are typed; parts it copies whole (the buyer, the delivery method and time, the invoice
address) stay `Json`. `checkout.build` writes every key here, in this order (`messageToSeller` only when given).
"""

from __future__ import annotations

from typing import NotRequired, TypedDict, cast

from targ.json_types import Json


class Money(TypedDict):
    amount: str          # a decimal string with two places
    currency: str


class OfferRef(TypedDict):
    id: str
    name: str
    external: NotRequired[Json]       # {"id"}, when the offer has a signature
    productSet: NotRequired[Json]     # {"products": [{"id", "quantity"}]}


class LineItem(TypedDict):
    id: str
    offer: OfferRef
    quantity: int
    originalPrice: Money
    price: Money
    boughtAt: str
    serialNumbers: NotRequired[Json]  # {"expected", "entries"}: set by the seller (operations/line_items.py)
    discounts: NotRequired[list[Json]]    # [{"type": "CAMPAIGN"}]: sold at an AlleDiscount campaign price


class Payment(TypedDict):
    id: str
    type: str
    provider: NotRequired[str]
    finishedAt: NotRequired[str]      # once paid
    paidAmount: NotRequired[Money]


class ShipmentSummary(TypedDict):
    lineItemsSent: str                # NONE, SOME or ALL


class Fulfillment(TypedDict):
    status: str
    shipmentSummary: ShipmentSummary
    provider: Json                    # {"id": "ALLEGRO" | "SELLER"}


class Delivery(TypedDict):
    address: Json
    method: Json                      # {"id", "name"}
    pickupPoint: NotRequired[Json]
    cost: Money
    time: Json
    smart: bool
    calculatedNumberOfPackages: int


class Summary(TypedDict):
    totalToPay: Money


class OrderState(TypedDict):
    """`_targ`: what targ keeps about the order and never sends."""

    seller: str
    revisionCount: int
    boughtAt: int                     # ms on the virtual clock
    readyAt: NotRequired[int]         # from READY_FOR_PROCESSING on
    statusChanges: int
    invoices: list[Json]
    links: list[Json]
    dealIds: dict[str, str]           # line item id → deal id
    country: str
    pendingSurcharges: NotRequired[list[Json]]   # taken off once paid (buyer._pay)
    affiliate: NotRequired[Json]      # {publisher, urlParameters}: the buyer came by a publisher's link


class CheckoutForm(TypedDict):
    id: str
    messageToSeller: NotRequired[str]
    buyer: Json
    payment: Payment
    status: str
    fulfillment: Fulfillment
    delivery: Delivery
    invoice: Json
    lineItems: list[LineItem]
    surcharges: list[Json]
    discounts: list[Json]
    marketplace: Json                 # {"id"}
    summary: Summary
    updatedAt: str
    revision: str
    _targ: OrderState


# What the functions Allegro's warehouse (targ.allegro.fulfillment) calls accept: it still holds orders as plain
# `Json` until its own documents are typed.
CheckoutFormOrJson = CheckoutForm | Json


def as_checkout_form(data: Json) -> CheckoutForm:
    """A `checkout_form` document as the store hands it out (loose JSON), typed: where the order area takes one in
    to change it (orders read only stay `Mapping`s: `access.read_seller_order`, the listing)."""
    return cast(CheckoutForm, data)
