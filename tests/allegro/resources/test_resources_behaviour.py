"""What the vendor documents beyond CRUD, per resource (the hooks): default sets, limits and uniqueness, paging and
filters, singletons, time-driven status, and asynchronous processing."""

from __future__ import annotations

from typing import Any

import httpx
from resource_helpers import bound, call, put_offer, valid_body

from targ.testing import TargServer

PDF = b"%PDF-1.4\n%%EOF\n"


def _create(client: httpx.Client, resource: str, demo: dict[str, Any], **fields: Any) -> httpx.Response:
    create = bound(resource).ops["create"]
    return call(client, create, body={**valid_body(resource, create, demo, label=f"{resource} 1"), **fields})


# --- shipping rates -------------------------------------------------------------------------------------------------
def test_one_fulfillment_sellers_start_with_allegros_shipping_rates(allegro: httpx.Client, seller: Any) -> None:
    rates = call(allegro, "getListOfShippingRatestUsingGET").json()["shippingRates"]
    assert [(r["name"], r["features"]["managedByAllegro"]) for r in rates] == [
        ("One Fulfillment PL", True), ("One Fulfillment International", True)]
    pl = rates[0]["id"]
    assert call(allegro, "getShippingRatesSetUsingGET", {"id": pl}).json()["rates"]
    body = {"name": "Mine", "rates": call(allegro, "getShippingRatesSetUsingGET", {"id": pl}).json()["rates"]}
    refused = call(allegro, "modifyShippingRatesSetUsingPUT", {"id": pl}, body=body)
    assert refused.status_code == 422, refused.text
    assert [r["name"] for r in call(allegro, "getListOfShippingRatestUsingGET",
                                    query={"marketplace": "allegro-cz"}).json()["shippingRates"]] \
        == ["One Fulfillment International"]

    _, plain = seller("no-fulfillment")
    assert call(plain, "getListOfShippingRatestUsingGET").json() == {"shippingRates": []}
    _, fulfilled = seller("with-fulfillment", features=["ONE_FULFILLMENT"])
    assert len(call(fulfilled, "getListOfShippingRatestUsingGET").json()["shippingRates"]) == 2


def test_shipping_rates_rules(demo: dict[str, Any], allegro: httpx.Client) -> None:
    assert _create(allegro, "shipping-rates", demo, name="Kurier").status_code == 201
    duplicate = _create(allegro, "shipping-rates", demo, name="Kurier")
    assert duplicate.status_code == 422 and duplicate.json()["errors"][0]["path"] == "name"
    assert _create(allegro, "shipping-rates", demo, name="Kurier <b>").status_code == 422
    both = valid_body("shipping-rates", bound("shipping-rates").ops["create"], demo, label="PL and CZ")
    czech = {**both["rates"][0], "deliveryMethod": {"id": "d1538094-fb5e-5e9d-ad39-1c918a9be1f1"}}  # PPL Kurýr
    wrong = call(allegro, "createShippingRatesSetUsingPOST", body={**both, "rates": [*both["rates"], czech]})
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["path"] == "rates[1].firstItemRate.currency"
    czech.update(firstItemRate={"amount": "99", "currency": "CZK"}, nextItemRate={"amount": "0", "currency": "CZK"})
    made = call(allegro, "createShippingRatesSetUsingPOST", body={**both, "rates": [*both["rates"], czech]})
    assert made.status_code == 201, made.text
    listed = call(allegro, "getListOfShippingRatestUsingGET", query={"marketplace": "allegro-cz"}).json()
    assert [r["marketplaces"] for r in listed["shippingRates"] if r["id"] == made.json()["id"]] == [
        [{"id": "allegro-pl"}, {"id": "allegro-cz"}]]
    unknown = {**both["rates"][0], "deliveryMethod": {"id": "00000000-0000-4000-8000-000000000000"}}
    refused = call(allegro, "createShippingRatesSetUsingPOST", body={**both, "name": "X", "rates": [unknown]})
    assert refused.status_code == 422 and refused.json()["errors"][0]["path"] == "rates[0].deliveryMethod.id"


# --- delivery settings ----------------------------------------------------------------------------------------------
def test_delivery_settings_per_marketplace(allegro: httpx.Client) -> None:
    default = call(allegro, "getSaleDeliverySettings").json()
    assert default["marketplace"] == {"id": "allegro-pl"} and default["joinPolicy"] == {"strategy": "MAX"}
    body = {"marketplace": {"id": "allegro-cz"}, "freeDelivery": {"amount": "1500", "currency": "CZK"},
            "joinPolicy": {"strategy": "SUM"}, "customCost": {"allowed": True}}
    assert call(allegro, "putSaleDeliverySettings", body=body).status_code == 200
    cz = call(allegro, "getSaleDeliverySettings", query={"marketplace.id": "allegro-cz"}).json()
    assert cz["freeDelivery"] == body["freeDelivery"] and cz["joinPolicy"] == {"strategy": "SUM"}
    assert call(allegro, "getSaleDeliverySettings").json()["joinPolicy"] == {"strategy": "MAX"}  # allegro-pl untouched
    wrong = call(allegro, "putSaleDeliverySettings", body={**body, "freeDelivery": {"amount": "1", "currency": "PLN"}})
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["path"] == "freeDelivery.currency"
    business = {**body, "marketplace": {"id": "allegro-business-cz"}, "freeDelivery": None}
    assert call(allegro, "putSaleDeliverySettings", body={k: v for k, v in business.items() if v}).status_code == 422
    assert call(allegro, "getSaleDeliverySettings", query={"marketplace.id": "ebay-de"}).status_code == 422


# --- price automation rules -----------------------------------------------------------------------------------------
def test_price_rules_defaults_and_names(demo: dict[str, Any], allegro: httpx.Client) -> None:
    rules = call(allegro, "getAutomaticPricingRulesUsingGET").json()["rules"]
    assert [(r["type"], r["default"]) for r in rules] == [
        ("FOLLOW_BY_ALLEGRO_MIN_PRICE", True), ("FOLLOW_BY_MARKET_MIN_PRICE", True), ("EXCHANGE_RATE", True),
        ("FOLLOW_BY_TOP_OFFER_PRICE", True)]
    default = rules[0]["id"]
    assert call(allegro, "updateAutomaticPricingRuleUsingPut", {"ruleId": default}, body={"name": "x"}).status_code \
        == 403
    assert call(allegro, "deleteAutomaticPricingRuleUsingDelete", {"ruleId": default}).status_code == 403
    assert _create(allegro, "price-automation-rules", demo, name="Plus 10%").status_code == 201
    clash = _create(allegro, "price-automation-rules", demo, name="Plus 10%")
    assert clash.status_code == 409, clash.text
    assert len(call(allegro, "getAutomaticPricingRulesUsingGET").json()["rules"]) == 5


# --- tags -----------------------------------------------------------------------------------------------------------
def test_tag_names_are_unique(demo: dict[str, Any], allegro: httpx.Client) -> None:
    first = _create(allegro, "offer-tags", demo, name="Shoes").json()
    assert _create(allegro, "offer-tags", demo, name="shoes").status_code == 422
    assert call(allegro, "updateTagPUT", {"tagId": first["id"]}, body={"name": "Boots", "hidden": True}).content == b""
    assert call(allegro, "listSellerTagsGET_1").json()["tags"] == [{"id": first["id"], "name": "Boots",
                                                                    "hidden": True}]


# --- paging and filters ---------------------------------------------------------------------------------------------
def test_offset_limit_paging_and_counts(demo: dict[str, Any], allegro: httpx.Client) -> None:
    ids = [_create(allegro, "return-policies", demo, name=f"P{i}").json()["id"] for i in range(5)]
    page = call(allegro, "getPublicSellerListingUsingGET_1", query={"offset": 1, "limit": 2}).json()
    assert [p["id"] for p in page["returnPolicies"]] == ids[1:3] and page["count"] == 5


def test_variant_sets_sorted_by_name_and_searchable(demo: dict[str, Any], allegro: httpx.Client) -> None:
    a, b, c = (o["id"] for o in demo["offers"])
    body = valid_body("offer-variant-sets", bound("offer-variant-sets").ops["create"], demo)
    assert call(allegro, "createVariantSet", body={**body, "name": "Zebra"}).status_code == 201
    taken = call(allegro, "createVariantSet", body={**body, "name": "Again"})
    assert taken.status_code == 422  # an offer belongs to one variant set
    colors = {"name": "Alpha", "parameters": [{"id": "color/pattern"}], "offers": [{"id": c}, {"id": "1"}]}
    assert call(allegro, "createVariantSet", body=colors).json()["errors"][0]["path"] == "offers[0].colorPattern"
    listed = call(allegro, "getVariantSets").json()
    assert listed["count"] == 1 and listed["offerVariants"][0]["name"] == "Zebra"
    assert call(allegro, "getVariantSets", query={"query": a}).json()["count"] == 1
    assert call(allegro, "getVariantSets", query={"query": "nothing"}).json() == {"count": 0, "offerVariants": []}
    assert b


def test_bundles_cursor_paging_filter_and_publication(targ: TargServer, demo: dict[str, Any],
                                                     allegro: httpx.Client) -> None:
    ids = [_create(allegro, "offer-bundles", demo).json()["id"] for _ in range(3)]
    first = call(allegro, "listSellersOfferBundlesUsingGET", query={"limit": 2}).json()
    assert [b["id"] for b in first["bundles"]] == ids[:2] and first["nextPage"] == {"id": ids[2]}
    rest = call(allegro, "listSellersOfferBundlesUsingGET", query={"limit": 2, "page.id": ids[2]}).json()
    assert [b["id"] for b in rest["bundles"]] == ids[2:] and "nextPage" not in rest
    assert call(allegro, "listSellersOfferBundlesUsingGET", query={"page.id": "nope"}).status_code == 422
    offer_c = demo["offers"][2]["id"]
    assert call(allegro, "listSellersOfferBundlesUsingGET", query={"offer.id": offer_c}).json()["bundles"] == []

    changed = call(allegro, "updateOfferBundleDiscountUsingPUT", {"bundleId": ids[0]}, body={"discounts": []})
    assert changed.status_code == 200 and changed.json()["discounts"] == []
    put_offer(targ, demo["offers"][1]["id"], demo["sellerId"], stock={"available": 0, "unit": "UNIT"})
    shown = call(allegro, "getOfferBundleUsingGET", {"bundleId": ids[1]}).json()
    assert shown["publication"] == [{"marketplace": {"id": "allegro-pl"}, "status": "SUSPENDED"}]


# --- promotions -----------------------------------------------------------------------------------------------------
def test_promotions_by_type_and_deactivation(demo: dict[str, Any], allegro: httpx.Client) -> None:
    multipack = _create(allegro, "loyalty-promotions", demo).json()
    order = {"benefits": [{"specification": {"type": "LARGE_ORDER_DISCOUNT", "thresholds": [
        {"orderValue": {"lowerBound": {"amount": "1000.00", "currency": "PLN"}}, "discount": {"percentage": "5"}}]}}],
        "offerCriteria": [{"type": "ALL_OFFERS"}]}
    large = call(allegro, "createPromotionUsingPOST_1", body=order)
    assert large.status_code == 201, large.text
    assert call(allegro, "createPromotionUsingPOST_1", body=order).status_code == 422  # one at a time
    mismatched = {**order, "offerCriteria": [{"type": "CONTAINS_OFFERS", "offers": [{"id": demo["offers"][0]["id"]}]}]}
    assert call(allegro, "createPromotionUsingPOST_1", body=mismatched).status_code == 422

    def listed(**query: str) -> list[str]:
        return [p["id"] for p in call(allegro, "listSellerPromotionsUsingGET_1", query=query).json()["promotions"]]
    assert listed(promotionType="MULTIPACK") == [multipack["id"]]
    assert listed(promotionType="LARGE_ORDER_DISCOUNT") == [large.json()["id"]]
    assert listed(promotionType="MULTIPACK", **{"offer.id": demo["offers"][1]["id"]}) == []
    assert call(allegro, "listSellerPromotionsUsingGET_1",
                query={"promotionType": "MULTIPACK", "offset": 49_990, "limit": 11}).status_code == 422

    assert call(allegro, "deactivatePromotionUsingDELETE", {"promotionId": large.json()["id"]}).status_code == 204
    assert call(allegro, "createPromotionUsingPOST_1", body=order).status_code == 201  # the old one is inactive
    again = call(allegro, "updatePromotionUsingPUT", {"promotionId": large.json()["id"]}, body=order)
    assert again.status_code == 422


# --- turnover discounts ---------------------------------------------------------------------------------------------
def test_turnover_discount_lifecycle(targ: TargServer, allegro: httpx.Client) -> None:
    mp = {"marketplaceId": "allegro-business-cz"}
    body = {"thresholds": [{"minimumTurnover": {"amount": "2000", "currency": "CZK"}, "discount": {"percentage": "3"}}]}
    assert call(allegro, "createOrModifyTurnoverDiscountUsingPUT", {"marketplaceId": "allegro-pl"},
                body=body).status_code == 404
    created = call(allegro, "createOrModifyTurnoverDiscountUsingPUT", mp, body=body).json()
    assert created["status"] == "ACTIVATING" and created["definitions"][0]["cumulatingFromDate"] == "2026-02-01"
    assert call(allegro, "deactivateTurnoverDiscountsUsingPUT", mp).status_code == 204
    assert call(allegro, "getTurnoverDiscountsUsingGET").json() == [
        {"marketplaceId": "allegro-business-cz", "status": None, "definitions": None}]

    call(allegro, "createOrModifyTurnoverDiscountUsingPUT", mp, body=body)
    targ.clock.advance("P40D")  # 2026-02-10: cumulating
    allegro.headers["Authorization"] = f"Bearer {targ.demo['accessToken']}"  # the old token expired meanwhile
    assert call(allegro, "getTurnoverDiscountsUsingGET").json()[0]["status"] == "ACTIVE"
    changed = call(allegro, "createOrModifyTurnoverDiscountUsingPUT", mp, body=body).json()
    assert [(d["cumulatingFromDate"], d["cumulatingToDate"]) for d in changed["definitions"]] == [
        ("2026-02-01", "2026-02-28"), ("2026-03-01", None)]
    ending = call(allegro, "deactivateTurnoverDiscountsUsingPUT", mp).json()
    assert ending["status"] == "DEACTIVATING"
    assert ending["definitions"][-1]["spendingToDate"] == "2026-03-31"


# --- points of service ----------------------------------------------------------------------------------------------
def test_points_of_service_by_seller_and_similar_points(targ: TargServer, demo: dict[str, Any],
                                                        allegro: httpx.Client, seller: Any) -> None:
    point = _create(allegro, "points-of-service", demo, name="Sklep").json()
    similar = _create(allegro, "points-of-service", demo, name="Sklep")
    assert similar.status_code == 409 and similar.headers["location"].endswith(f"/points-of-service/{point['id']}")
    _, other = seller("pos-viewer")
    listed = call(other, "getPOSListUsingGET", query={"seller.id": demo["sellerId"]}).json()["posList"]
    assert [p["id"] for p in listed] == [point["id"]]
    assert call(allegro, "getPOSListUsingGET", query={"seller.id": demo["sellerId"], "countryCode": "CZ"}).json() \
        == {"posList": []}
    assert call(allegro, "getPOSListUsingGET", query={"seller.id": "1"}).status_code == 404


# --- after-sales attachments ----------------------------------------------------------------------------------------
def test_warranty_attachment_upload_flow(demo: dict[str, Any], allegro: httpx.Client) -> None:
    created = _create(allegro, "after-sales-attachments", demo, name="gwarancja.pdf")
    upload_url = created.headers["location"]
    attachment = created.json()
    assert "url" not in attachment and upload_url.endswith(attachment["id"])
    upload = "uploadAfterSalesServiceConditionsAttachmentUsingPUT"
    params = {"attachmentId": attachment["id"]}
    assert call(allegro, upload, params, body=b"not a pdf", content_type="application/pdf").status_code == 422
    uploaded = call(allegro, upload, params, body=PDF, content_type="application/pdf").json()
    assert uploaded["url"] == upload_url
    warranty = _create(allegro, "warranties", demo, attachment={"id": attachment["id"]}).json()
    assert warranty["attachment"] == {"id": attachment["id"], "name": "gwarancja.pdf", "url": upload_url}


# --- translations ---------------------------------------------------------------------------------------------------
def test_group_translations_merge_per_service(demo: dict[str, Any], allegro: httpx.Client) -> None:
    services = [{"definition": {"id": d}, "description": d, "configurations": [{}]} for d in ("GIFT_WRAP", "CARRY_IN")]
    group = _create(allegro, "additional-service-groups", demo, additionalServices=services).json()
    patch = "updateAdditionalServiceGroupTranslation"
    params = {"groupId": group["id"], "language": "en-US"}

    def translate(definition: str, text: str) -> httpx.Response:
        body = {"additionalServices": {"translation": [{"definition": {"id": definition}, "description": text}]}}
        return call(allegro, patch, params, body=body)
    assert translate("GIFT_WRAP", "Gift wrap").json()["additionalServices"]["type"] == "MANUAL"
    merged = translate("CARRY_IN", "Carry-in").json()["additionalServices"]["translation"]
    assert [t["description"] for t in merged] == ["Gift wrap", "Carry-in"]
    assert translate("UNKNOWN", "?").status_code == 422
    listed = call(allegro, "getAdditionalServiceGroupTranslations", {"groupId": group["id"]},
                  query={"language": "cs-CZ"}).json()
    assert listed == {"translations": []}
    missing = call(allegro, patch, {**params, "groupId": "nope"}, body={})
    assert missing.status_code == 404


# --- badges ---------------------------------------------------------------------------------------------------------
def test_badge_application_and_operations(targ: TargServer, demo: dict[str, Any], allegro: httpx.Client) -> None:
    offer = demo["offers"][0]["id"]
    body = {"campaign": {"id": "BARGAIN"}, "offer": {"id": offer},
            "prices": {"bargain": {"amount": "30.00", "currency": "PLN"}}}
    applied = call(allegro, "postBadges", body=body)
    assert applied.status_code == 202 and applied.json()["process"]["status"] == "REQUESTED"
    app_id = applied.json()["id"]
    assert call(allegro, "badgeApplications_get_one", {"applicationId": app_id}).json()["process"]["status"] \
        == "PROCESSED"
    badges = call(allegro, "getBadges", query={"marketplace.id": "allegro-pl"}).json()["badges"]
    assert [(b["offer"]["id"], b["process"]["status"]) for b in badges] == [(offer, "ACTIVE")]
    again = call(allegro, "postBadges", body=body).json()["id"]
    declined = call(allegro, "badgeApplications_get_one", {"applicationId": again}).json()["process"]
    assert declined["status"] == "DECLINED" and declined["rejectionReasons"][0]["code"] == "BADGE_ALREADY_EXISTS"

    where = {"offerId": offer, "campaignId": "BARGAIN"}
    finish = call(allegro, "patchBadge", where, body={"process": {"status": "FINISHED"}})
    assert finish.status_code == 202 and finish.headers["location"].endswith(finish.json()["id"])
    operation = call(allegro, "badgeOperations_get_one", {"operationId": finish.json()["id"]}).json()
    assert (operation["type"], operation["process"]["status"]) == ("FINISH", "PROCESSED")
    assert call(allegro, "getBadges", query={"marketplace.id": "allegro-pl"}).json()["badges"][0]["process"][
        "status"] == "FINISHED"
    assert call(allegro, "patchBadge", where, body={"process": {"status": "FINISHED"}}).status_code == 409
    assert call(allegro, "patchBadge", {**where, "campaignId": "OTHER"}, body={}).status_code == 404


# --- account, classifieds -------------------------------------------------------------------------------------------
def test_additional_emails_rules(demo: dict[str, Any], allegro: httpx.Client) -> None:
    assert _create(allegro, "additional-emails", demo, email="kontakt@example.com").status_code == 201
    for email in ("kontakt@example.com", "not-an-email", "demo-seller@example.com"):
        assert _create(allegro, "additional-emails", demo, email=email).status_code == 422, email


def test_classified_packages_only_for_own_classifieds(targ: TargServer, demo: dict[str, Any],
                                                     allegro: httpx.Client, seller: Any) -> None:
    extra = "ffeb5d5f-00f5-40f4-9ef1-c8461dbc24fd"  # the dataset's packages
    body = {"basePackage": {"id": "afb120f4-14d4-4ad6-9dfa-e808afd86432"}, "extraPackages": [{"id": extra}]}
    assign = "assignClassifiedPackagesUsingPUT"
    assert call(allegro, assign, {"offerId": demo["offers"][0]["id"]}, body=body).status_code == 404  # BUY_NOW
    account, other = seller("classifieds")
    put_offer(targ, "7799000003", account["id"], sellingMode={"format": "ADVERTISEMENT"})
    assert call(allegro, assign, {"offerId": "7799000003"}, body=body).status_code == 403
    assert call(other, assign, {"offerId": "7799000003"}, body=body).status_code == 200
    shown = call(other, "getClassifiedPackagesUsingGET", {"offerId": "7799000003"}).json()
    assert shown == {"basePackage": body["basePackage"], "extraPackages": [{"id": extra, "republish": False}]}


def test_allegro_prices_consents(demo: dict[str, Any], allegro: httpx.Client, seller: Any) -> None:
    offer = {"offerId": demo["offers"][0]["id"]}
    assert call(allegro, "getAllegroPricesConsentForOffer", offer).json() == {
        "status": "DENIED", "additionalMarketplaces": {m: {"status": "DENIED"}
                                                       for m in ("allegro-cz", "allegro-sk", "allegro-hu")}}
    account = call(allegro, "updateAllegroPricesConsentForAccount", body={"status": "ALLOWED"},
                   content_type="application/json")
    assert account.status_code == 200 and account.json()["status"] == "ALLOWED"
    assert call(allegro, "getAllegroPricesConsentForOffer", offer).json()["status"] == "ALLOWED"  # follows the account
    changed = call(allegro, "updateAllegroPricesConsentForOffer", offer,
                   body={"status": "DENIED", "additionalMarketplaces": {"allegro-cz": {"status": "ALLOWED"}}}).json()
    assert changed["status"] == "DENIED" and changed["additionalMarketplaces"]["allegro-cz"] == {"status": "ALLOWED"}
    assert call(allegro, "updateAllegroPricesConsentForOffer", offer,
                body={"additionalMarketplaces": {"allegro-pl": {"status": "ALLOWED"}}}).status_code == 422
    eligible = call(allegro, "getAllegroPricesEligibilityForAccount").json()
    assert (eligible["consent"], eligible["qualification"]) == ("ALLOWED", {"status": "QUALIFIED"})
    assert eligible["additionalMarketplaces"]["allegro-cz"]["qualification"] == {"status": "DISQUALIFIED"}
    _, other = seller("prices")
    assert call(other, "getAllegroPricesConsentForOffer", offer).status_code == 403
    assert call(allegro, "getAllegroPricesConsentForOffer", {"offerId": "1"}).status_code == 404
