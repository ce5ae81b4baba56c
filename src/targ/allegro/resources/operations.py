"""Every settings-like collection of the pinned Allegro spec, declared for the engine (docs/resources.md lists them
with their operations). A declaration says only what the spec cannot: the collection path, the id format the
examples show, references, list filters, and hooks where the vendor documents more than CRUD."""

from __future__ import annotations

import targ.allegro.catalog.lookups  # noqa: F401  (the reference data these resources' `Ref`s point at)
from targ.allegro.resources.engine import serve
from targ.allegro.resources.hooks import (
    account,
    additional_services,
    after_sales,
    allegro_prices,
    badges,
    classifieds,
    delivery,
    offer_tags,
    points_of_service,
    pricing,
    promotions,
    variants,
)
from targ.allegro.resources.model import OFFER, Ref, Resource, has

AFTER_SALES = "/after-sales-service-conditions"

# --- after-sales conditions -----------------------------------------------------------------------------------------
serve(Resource("after-sales-attachments", f"{AFTER_SALES}/attachments", "Attachment", location=True,
               hooks=after_sales.AttachmentHooks()),
      extras={"uploadAfterSalesServiceConditionsAttachmentUsingPUT": after_sales.upload})
serve(Resource("return-policies", f"{AFTER_SALES}/return-policies", "Return policy",
               used_by=("afterSalesServices.returnPolicy.id",)))
serve(Resource("implied-warranties", f"{AFTER_SALES}/implied-warranties", "Implied warranty",
               used_by=("afterSalesServices.impliedWarranty.id",)))
serve(Resource("warranties", f"{AFTER_SALES}/warranties", "Warranty",
               refs=(Ref("attachment.id", after_sales.ATTACHMENTS),), used_by=("afterSalesServices.warranty.id",),
               hooks=after_sales.WarrantyHooks()))

# --- delivery -------------------------------------------------------------------------------------------------------
serve(Resource("shipping-rates", "/sale/shipping-rates", "Shipping rates set",
               refs=(Ref("rates[].deliveryMethod.id", "delivery-method"),),
               filters={"marketplace": has("marketplaces[].id")}, used_by=("delivery.shippingRates.id",),
               server_fields=("features",), hooks=delivery.ShippingRatesHooks()))
serve(Resource("delivery-settings", "/sale/delivery-settings", "Delivery settings", keyed=True,
               key_field="_marketplace"),
      extras={"getSaleDeliverySettings": delivery.get_settings, "putSaleDeliverySettings": delivery.put_settings})
serve(Resource("points-of-service", "/points-of-service", "Point of service", hooks=points_of_service.PosHooks()),
      extras={"getPOSListUsingGET": points_of_service.list_points})

# --- offer settings -------------------------------------------------------------------------------------------------
serve(Resource("contacts", "/sale/offer-contacts", "Contact", used_by=("contact.id",)))
serve(Resource("responsible-persons", "/sale/responsible-persons", "Responsible person",
               used_by=("productSet[].responsiblePerson.id",)))
serve(Resource("responsible-producers", "/sale/responsible-producers", "Responsible producer",
               used_by=("productSet[].responsibleProducer.id",)))
serve(Resource(additional_services.GROUPS, "/sale/offer-additional-services/groups", "Additional services group",
               refs=(Ref("additionalServices[].definition.id", "additional-service-definition"),),
               used_by=("additionalServices.id",), server_fields=("managedByAllegro",),
               hooks=additional_services.GroupHooks()))
serve(Resource("additional-service-group-translations",
               "/sale/offer-additional-services/groups/{groupId}/translations", "Translation", keyed=True,
               key_field="language", parent=additional_services.GROUPS, filters={"language": has("language")},
               hooks=additional_services.TranslationHooks()))
serve(Resource("size-tables", "/sale/size-tables", "Size table", immutable=("template",),
               refs=(Ref("template.id", "size-table-template"),), used_by=("sizeTable.id",)))
serve(Resource("offer-tags", "/sale/offer-tags", "Tag", hooks=offer_tags.TagHooks()),
      extras={"listAssignedOfferTagsGET": offer_tags.assigned, "assignTagToOfferPOST": offer_tags.assign})
serve(Resource("offer-variant-sets", "/sale/offer-variants", "Variant set", refs=(Ref("offers[].id", OFFER),),
               filters={"query": variants.matches_query}, hooks=variants.VariantSetHooks()))
serve(Resource("classified-packages", "/sale/offer-classifieds-packages", "Classified", keyed=True,
               key_field="_offer", refs=(Ref("basePackage.id", "classified-package"),
                                         Ref("extraPackages[].id", "classified-package")),
               hooks=classifieds.ClassifiedHooks()))

# --- rebates, promotions, pricing -----------------------------------------------------------------------------------
serve(Resource("offer-bundles", "/sale/bundles", "Bundle", refs=(Ref("offers[].id", OFFER),),
               filters={"offer.id": has("offers[].id")}, server_fields=("publication", "createdBy"),
               immutable=("offers",), hooks=promotions.BundleHooks()),
      extras={"updateOfferBundleDiscountUsingPUT": promotions.bundle_discount})
serve(Resource("loyalty-promotions", "/sale/loyalty/promotions", "Promotion",
               refs=(Ref("offerCriteria[].offers[].id", OFFER, statuses=(404, 422)),),
               filters={"promotionType": has("_type"), "offer.id": has("offerCriteria[].offers[].id")},
               server_fields=("status",), max_window=50_000, hooks=promotions.PromotionHooks()))
serve(Resource("turnover-discounts", "/sale/turnover-discount", "Turnover discount", keyed=True,
               key_field="marketplaceId", server_fields=("definitions", "status"), hooks=promotions.TurnoverHooks()),
      extras={"getTurnoverDiscountsUsingGET": promotions.list_turnover,
              "deactivateTurnoverDiscountsUsingPUT": promotions.deactivate_turnover})
serve(Resource("price-automation-rules", "/sale/price-automation/rules", "Rule", ids="hex24", immutable=("type",),
               server_fields=("default",), hooks=pricing.PriceRuleHooks()))

serve(Resource("allegro-prices-consents", "/sale/allegro-prices-offer-consents", "Allegro Prices consent", keyed=True,
               key_field="_key"),
      extras={"getAllegroPricesConsentForOffer": allegro_prices.offer_consent,
              "updateAllegroPricesConsentForOffer": allegro_prices.change_offer_consent,
              "updateAllegroPricesConsentForAccount": allegro_prices.change_account_consent,
              "getAllegroPricesEligibilityForAccount": allegro_prices.eligibility},
      derived=("getAllegroPricesEligibilityForAccount",))

# --- badges ---------------------------------------------------------------------------------------------------------
serve(Resource("badge-applications", "/sale/badge-applications", "Badge application",
               refs=(Ref("offer.id", OFFER), Ref("campaign.id", "badge-campaign")),
               filters={"campaign.id": has("campaign.id"), "offer.id": has("offer.id")},
               server_fields=("process", "campaignStock"), hooks=badges.ApplicationHooks()),
      extras={"postBadges": badges.apply, "getBadges": badges.list_badges})
serve(Resource("badge-operations", "/sale/badge-operations", "Badge operation", server_fields=("process",),
               hooks=badges.OperationHooks()),
      extras={"patchBadge": badges.change})

# --- account --------------------------------------------------------------------------------------------------------
serve(Resource("additional-emails", "/account/additional-emails", "Additional email",
               hooks=account.AdditionalEmailHooks()))
