"""A new checkout form from a validated purchase: one per purchase, one line item per offer, status BOUGHT.

Prices come from the offers in the order's marketplace currency (`sellingMode.price`, or the offer's
`additionalMarketplaces.<id>.sellingMode.price` when sold on another marketplace); every line item gets a legacy
numeric `dealId`. `summary.totalToPay` = the line items + the delivery cost. An offer whose AlleDiscount
participation is ACTIVE on the order's marketplace sells at its campaign price, both `originalPrice` and `price`,
with `discounts: [{"type": "CAMPAIGN"}]` (allegro-api #12768; targ.allegro.allediscount.participations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from targ.allegro.allediscount.participations import campaign_price
from targ.allegro.offers.documents import Offer, OfferView
from targ.allegro.offers.stock import is_one_fulfillment
from targ.allegro.orders import delivery
from targ.allegro.orders.buyer_data import COUNTRY_OF, buyer_for
from targ.allegro.orders.documents import CheckoutForm, as_checkout_form
from targ.allegro.orders.model import BOUGHT, MarketplaceRefusal, money, revision_of
from targ.allegro.sellers import MARKETPLACES
from targ.clock import iso
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

FIRST_DEAL_ID = 7_764_645_436          # deal ids look like the vendor's (10 digits)
PROVIDERS = {"ONLINE": "PAYU", "SPLIT_PAYMENT": "PAYU", "WIRE_TRANSFER": "OFFLINE", "EXTENDED_TERM": "EPT"}
_COMPANY_ID_TYPE = {"PL": "PL_NIP", "CZ": "CZ_ICO", "SK": "SK_ICO", "HU": "HU_ADOSZAM"}
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
_BUYER_FIELDS = ("id", "email", "login", "firstName", "lastName", "companyName", "guest", "personalIdentity",
                 "phoneNumber", "preferences", "address")


@dataclass
class Purchase:
    """What the buyer bought and how, validated (`buyer.parse_purchase`)."""

    seller: str
    marketplace: str
    lines: list[tuple[Offer, int]]                # (offer doc, quantity), one per offer
    buyer: Json = field(default_factory=dict)    # the buyer's given fields; the rest is generated
    method_id: str | None = None
    pickup_point: Any = None
    address: Json | None = None
    payment_type: str | None = None
    provider: str | None = None
    invoice_required: bool = False
    message: str | None = None
    surcharges: list[Json] = field(default_factory=list)
    fill_in: bool = True
    pay: bool = True
    # Set by other areas, never by the admin body: unit prices agreed elsewhere (offer id → price: an auction's
    # winning bid), the config duration after which an unpaid order is AUTO_CANCELLED, and the affiliate marker
    # (targ.allegro.affiliate.marker) the buyer came with.
    prices: dict[str, Json] = field(default_factory=dict)
    deadline: str = "paymentDeadline"
    affiliate: Json | None = None


def price_on(offer: OfferView, marketplace: str) -> Json:
    """The offer's price on `marketplace`, in that marketplace's currency."""
    currency = MARKETPLACES[marketplace]
    base = (offer.get("sellingMode") or {}).get("price") or {}
    if base.get("currency") == currency:
        return base
    extra = ((offer.get("additionalMarketplaces") or {}).get(marketplace) or {}).get("sellingMode") or {}
    if (extra.get("price") or {}).get("currency") == currency:
        price: Json = extra["price"]
        return price
    raise MarketplaceRefusal(400, "offer_not_on_marketplace",
                             f"offer {offer['id']} is not sold on {marketplace} (no price in {currency})")


def _line_item(world: World, offer: Offer, quantity: int, price: Json, now: str, campaign: Json | None) -> Json:
    ref: Json = {"id": offer["id"], "name": offer["name"]}
    external = offer.get("external") or {}
    if external.get("id"):
        ref["external"] = {"id": external["id"]}
    products = [{"id": p["product"]["id"], "quantity": int((p.get("quantity") or {}).get("value") or 1)}
                for p in offer.get("productSet") or [] if _UUID.match(str((p.get("product") or {}).get("id")))]
    if products:
        ref["productSet"] = {"products": products}
    unit = money(Decimal((campaign or price)["amount"]), price["currency"])
    item: Json = {"id": world.ids.uuid("line_item"), "offer": ref, "quantity": quantity, "originalPrice": unit,
                  "price": dict(unit), "boughtAt": now}
    if campaign is not None:
        item["discounts"] = [{"type": "CAMPAIGN"}]
    return item


def _invoice(buyer: Json, required: bool) -> Json:
    if not required:
        return {"required": False}
    a = buyer["address"]
    address: Json = {"street": a["street"], "city": a["city"], "zipCode": a["postCode"],
                     "countryCode": a["countryCode"]}
    if buyer.get("companyName"):
        tax_id = buyer["taxId"]
        address["company"] = {"name": buyer["companyName"],
                              "ids": [{"type": _COMPANY_ID_TYPE.get(a["countryCode"], "OTHER"), "value": tax_id}],
                              "vatPayerStatus": "ACTIVE", "taxId": tax_id}
    else:
        address["naturalPerson"] = {"firstName": buyer["firstName"], "lastName": buyer["lastName"]}
    return {"required": True, "address": address}


def _delivery_address(buyer: Json, given: Json | None) -> Json:
    a = buyer["address"]
    address = {"firstName": buyer["firstName"], "lastName": buyer["lastName"], "street": a["street"],
               "city": a["city"], "zipCode": a["postCode"], "countryCode": a["countryCode"],
               "phoneNumber": buyer["phoneNumber"]}
    if buyer.get("companyName"):
        address["companyName"] = buyer["companyName"]
    return {**address, **(given or {})}


def build(world: World, p: Purchase) -> CheckoutForm:
    """The new order (not saved), BOUGHT at the current time."""
    now_ms = world.clock.now_ms()
    now = iso(now_ms)
    currency = MARKETPLACES[p.marketplace]
    offers = [offer for offer, _ in p.lines]
    method, payment_type = delivery.choose_method(world, p.marketplace, offers, p.method_id, p.payment_type)
    # Refuses before anything is written.
    prices = [p.prices.get(offer["id"]) or price_on(offer, p.marketplace) for offer in offers]
    buyer = buyer_for(world, p.marketplace, p.buyer)
    order_id = world.ids.uuid("checkout_form")
    campaigns = [campaign_price(world, p.seller, offer["id"], p.marketplace) for offer in offers]
    items = [_line_item(world, offer, qty, price, now, campaign)
             for (offer, qty), price, campaign in zip(p.lines, prices, campaigns, strict=True)]
    deal_ids = {li["id"]: world.ids.number("deal", FIRST_DEAL_ID) for li in items}
    shipping, packages = delivery.cost(world, method, p.lines, currency)
    address = _delivery_address(buyer, p.address)
    point = delivery.pickup_point(world, method, p.pickup_point, address, revision_of(order_id, 0))
    parcel: Json = {"address": address, "method": {"id": method["id"], "name": method["name"]}}
    if point is not None:
        parcel["pickupPoint"] = point
    parcel.update({"cost": money(shipping, currency), "time": delivery.times(world, method, offers, now_ms),
                   "smart": False, "calculatedNumberOfPackages": packages})
    payment: Json = {"id": world.ids.uuid("payment"), "type": payment_type}
    provider = p.provider or PROVIDERS.get(payment_type)
    if provider:
        payment["provider"] = provider
    total = sum((Decimal(li["price"]["amount"]) * li["quantity"] for li in items), Decimal(0)) + shipping
    order: Json = {"id": order_id}
    if p.message:
        order["messageToSeller"] = p.message
    order.update({
        "buyer": {k: buyer[k] for k in _BUYER_FIELDS if k in buyer},
        "payment": payment,
        "status": BOUGHT,
        "fulfillment": {"status": "NEW", "shipmentSummary": {"lineItemsSent": "NONE"},
                        "provider": {"id": "ALLEGRO" if any(map(is_one_fulfillment, offers)) else "SELLER"}},
        "delivery": parcel,
        "invoice": _invoice(buyer, p.invoice_required),
        "lineItems": items,
        "surcharges": [],
        "discounts": [],
        "marketplace": {"id": p.marketplace},
        "summary": {"totalToPay": money(total, currency)},
        "updatedAt": now,
        "revision": revision_of(order_id, 1),
        "_targ": {"seller": p.seller, "revisionCount": 1, "boughtAt": now_ms, "statusChanges": 0,
                  "invoices": [], "links": [], "dealIds": deal_ids, "country": COUNTRY_OF[p.marketplace],
                  "pendingSurcharges": [{"id": world.ids.uuid("payment"), **s} for s in p.surcharges]},
    })
    if p.affiliate:
        order["_targ"]["affiliate"] = p.affiliate
    # Built key by key so that `messageToSeller` comes second when given, as the vendor shows it: typed once built.
    return as_checkout_form(order)
