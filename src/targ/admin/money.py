"""The seller's side of Allegro's wallet that the API does not expose, as an admin action:

* `POST /__targ/sellers/{id}/payouts` `{"paymentOperator"?: "PAYU", "currency"?: <the seller's marketplace
  currency>, "amount"?: "12.34"}` → 201 `{"operations": [...]}`: the fees still owed are deducted from the wallet
  (DEDUCTION_CHARGE), then the amount (default: all that is left) is paid out (PAYOUT); both as
  `GET /payments/payment-operations` lists them. 404 `not_found` for an unknown seller, 400 `bad_request` for a bad
  body, 409 `insufficient_funds` when the wallet holds less. Rules in targ.allegro.money.payouts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from targ.admin import ADMIN
from targ.admin.core import bad_request, json_object
from targ.allegro.money import payouts, wallet
from targ.allegro.orders.model import MarketplaceRefusal
from targ.allegro.sellers import MARKETPLACES, get_seller
from targ.http.errors import AdminError
from targ.http.request import Reply, Request

_AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")


@ADMIN.route("POST", "/sellers/{id}/payouts")
def post_payout(req: Request) -> Reply:
    body = json_object(req)
    extra = sorted(set(body) - {"paymentOperator", "currency", "amount"})
    if extra:
        raise bad_request(f"unknown field {extra[0]!r}; allowed: amount, currency, paymentOperator")
    seller = get_seller(req.world, req.path_params["id"])
    if seller is None:
        raise AdminError(404, "not_found", f"no seller {req.path_params['id']!r}")
    operator = body.get("paymentOperator", "PAYU")
    if operator not in wallet.OPERATORS:
        raise bad_request(f"paymentOperator must be one of {', '.join(wallet.OPERATORS)}")
    currency = body.get("currency") or MARKETPLACES[seller["baseMarketplace"]["id"]]
    if currency not in MARKETPLACES.values():
        raise bad_request(f"currency must be one of {', '.join(sorted(set(MARKETPLACES.values())))}")
    amount = body.get("amount")
    if amount is not None and (not isinstance(amount, str) or not _AMOUNT.match(amount)):
        raise bad_request("amount must be a decimal string with at most 2 decimals, like \"12.34\"")
    try:
        done = payouts.payout(req.world, seller["id"], operator, currency,
                              Decimal(amount) if amount is not None else None)
    except MarketplaceRefusal as exc:
        raise AdminError(exc.status, exc.key, exc.message) from None
    return Reply({"operations": done}, 201)
