"""The operations (getAvailableOfferPromotionPackages, getClassifiedPackageConfigurationsForCategoryUsingGET,
getClassifiedPackageConfigurationUsingGET, getListOfAdditionalServicesDefinitionsCategoriesUsingGET,
getTablesTemplatesUsingGET, getBillingTypes, getDepositTypes); what they do, the vendor's rules and their sources:
`targ.allegro.catalog.offer_options`."""

from __future__ import annotations

from targ.allegro.catalog.dataset import REFERENCE, load
from targ.allegro.catalog.marketplaces import marketplaces
from targ.allegro.catalog.offer_options import base_marketplace, classified_package
from targ.allegro.catalog.tree import tree
from targ.allegro.errors import AllegroError
from targ.allegro.messages import localised
from targ.handlers import handler
from targ.http.request import Reply, Request


@handler("allegro", "getAvailableOfferPromotionPackages", backing="dataset")
def promotion_packages(req: Request) -> Reply:
    """The same packages on every marketplace: the caller's base one first, the others as additional ones."""
    packages = load(REFERENCE)["promotionPackages"]
    base = base_marketplace(req)
    others = [{"marketplaceId": m["id"], **packages} for m in marketplaces() if m["id"] != base]
    return Reply({"marketplaceId": base, **packages, "additionalMarketplaces": others})


@handler("allegro", "getClassifiedPackageConfigurationsForCategoryUsingGET", backing="dataset")
def classified_packages(req: Request) -> Reply:
    """Packages exist for advertisement (classifieds) categories only: any other category, or one the tree does
    not hold, has none (an empty list; the operation documents no 404)."""
    category = tree().get(req.param("category.id"))
    advertisement = category is not None and tree().options(category)["advertisement"]
    return Reply({"packages": list(load(REFERENCE)["classifiedPackages"]) if advertisement else []})


@handler("allegro", "getClassifiedPackageConfigurationUsingGET", backing="dataset")
def classified_package_by_id(req: Request) -> Reply:
    package_id = req.param("packageId")
    package = classified_package(package_id)
    if package is None:
        message = f"Classified package {package_id} not found."
        raise AllegroError(404, "NOT_FOUND", message, user_message=message)
    return Reply(package)


@handler("allegro", "getListOfAdditionalServicesDefinitionsCategoriesUsingGET", backing="dataset")
def additional_services(req: Request) -> Reply:
    return Reply({"categories": load(REFERENCE)["additionalServices"]})


@handler("allegro", "getTablesTemplatesUsingGET", backing="dataset")
def size_table_templates(req: Request) -> Reply:
    return Reply({"templates": load(REFERENCE)["sizeTableTemplates"]})


@handler("allegro", "getBillingTypes", backing="dataset")
def billing_types(req: Request) -> Reply:
    return Reply([{"id": t["id"], "description": localised(t, "description")}
                  for t in load(REFERENCE)["billingTypes"]])


@handler("allegro", "getDepositTypes", backing="dataset")
def deposit_types(req: Request) -> Reply:
    return Reply({"deposits": load(REFERENCE)["depositTypes"]})
