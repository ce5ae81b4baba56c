"""The seller's One Fulfillment settings and reports: tax id, removal preferences, refund dispositions.

Each is per seller:

* tax id (kind `fulfillment_tax_id`, id = seller): `POST` adds it (201; 422 when one exists: use PUT), `PUT` changes
  it (404 before a POST), `GET` shows it with `verificationStatus` (404 before a POST). Verification is immediate:
  ACCEPTED for a well-formed number (allegro-pl: a NIP with a valid check digit; other marketplaces: 8 to 12 letters
  and digits), else REJECTED. A REJECTED tax id makes submit commands fail (COMMAND_FORBIDDEN); a seller who never
  set one is verified by the tax id of the account's registration, as the guide's flow never asks for one.
* removal preferences (kind `fulfillment_removal_preference`, id = seller): what the warehouse does with units that
  must leave it (WITHDRAWAL to an address, or DISPOSAL). `PUT` stores them (201), `GET` shows them (404 before).
* refund dispositions (kind `fulfillment_refund_disposition`, owner = seller): returns the warehouse processed, in
  the vendor's FulfillmentRefundDisposition shape; `record_refund_disposition` writes one (the returns flow of One
  Fulfillment orders). The report covers the last 90 days only: an earlier `createdAt.gte` is 422
  `CREATED_AT_INVALID`, as the vendor's example shows.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from targ.allegro.errors import AllegroError
from targ.allegro.fulfillment.common import error
from targ.allegro.sellers import get_seller
from targ.clock import iso
from targ.http.request import Request
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

TAX_KIND = "fulfillment_tax_id"
REMOVAL_KIND = "fulfillment_removal_preference"
DISPOSITION_KIND = "fulfillment_refund_disposition"
REPORT_DAYS = 90
DAY_MS = 86_400_000
_NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


# --- tax id --------------------------------------------------------------------------------------------------------
def tax_status(world: World, seller: str) -> str | None:
    """The verification status of the seller's tax id, or None when none was set."""
    doc = world.store.get(TAX_KIND, seller)
    return doc["verificationStatus"] if doc else None


def _verified(world: World, seller: str, tax_id: str) -> str:
    bare = re.sub(r"[\s-]", "", tax_id).upper()
    bare = bare[2:] if re.match(r"^[A-Z]{2}", bare) else bare
    marketplace = ((get_seller(world, seller) or {}).get("baseMarketplace") or {}).get("id")
    if marketplace in (None, "allegro-pl"):
        ok = bool(re.fullmatch(r"\d{10}", bare)) and \
            sum(int(d) * w for d, w in zip(bare, _NIP_WEIGHTS, strict=False)) % 11 == int(bare[-1])
    else:
        ok = bool(re.fullmatch(r"[A-Z0-9]{8,12}", bare))
    return "ACCEPTED" if ok else "REJECTED"


def tax_body(req: Request) -> str:
    tax_id = (req.body or {}).get("taxId")
    if not isinstance(tax_id, str) or not tax_id.strip() or len(tax_id) > 32:
        raise error(422, "VALIDATION_ERROR", "tax_id_invalid", path="taxId")
    return tax_id.strip()


def tax_not_found() -> AllegroError:
    return error(404, "NOT_FOUND", "tax_id_not_found")


def store_tax_id(req: Request, seller: str, tax_id: str) -> None:
    req.world.store.put(TAX_KIND, seller, {"taxId": tax_id, "verificationStatus": _verified(req.world, seller, tax_id),
                                           "updatedAt": iso(req.world.clock.now_ms())}, owner=seller)


# --- refund dispositions -------------------------------------------------------------------------------------------
def record_refund_disposition(world: World, seller: str, disposition: Json) -> Json:
    """Stores one processed return (FulfillmentRefundDisposition), stamped `createdAt` now unless given."""
    row = {**disposition, "createdAt": disposition.get("createdAt") or iso(world.clock.now_ms())}
    world.store.put(DISPOSITION_KIND, world.ids.uuid(DISPOSITION_KIND), row, owner=seller)
    return row
