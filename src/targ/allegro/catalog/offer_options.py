"""What Allegro offers sellers to dress offers with: promotion packages, classified (advertisement) packages,
additional service definitions, size table templates, and the billing and deposit types.

`GET /sale/offer-promotion-packages`, `GET /sale/classifieds-packages[/{packageId}]`,
`GET /sale/offer-additional-services/categories`, `GET /sale/size-tables-templates`, `GET /billing/billing-types`,
`GET /deposit/types`.
"""

from __future__ import annotations

from targ.allegro.catalog.dataset import REFERENCE, load
from targ.allegro.sellers import get_seller
from targ.http.request import Request
from targ.json_types import Json

DEFAULT_MARKETPLACE = "allegro-pl"


def base_marketplace(req: Request) -> str:
    """The caller's marketplace: the seller's base one, allegro-pl for an application token."""
    seller_id = req.principal.seller_id if req.principal else None
    seller = get_seller(req.world, seller_id) if seller_id else None
    return seller["baseMarketplace"]["id"] if seller else DEFAULT_MARKETPLACE


def classified_package(package_id: str) -> Json | None:
    return next((p for p in load(REFERENCE)["classifiedPackages"] if p["id"] == package_id), None)


def additional_service_definition(definition_id: str) -> Json | None:
    return next((d for group in load(REFERENCE)["additionalServices"] for d in group["definitions"]
                 if d["id"] == definition_id), None)


def size_table_template(template_id: str) -> Json | None:
    return next((t for t in load(REFERENCE)["sizeTableTemplates"] if t["id"] == template_id), None)
