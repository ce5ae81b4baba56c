"""The operations answered from the spec's example on purpose, because nobody has built them yet.

This list is checked against the handlers (tests/spec/test_bindings.py): an operation missing from it with no
handler fails the suite (a provider module that was never imported would otherwise answer from examples in
silence), and an operation listed here that has a handler fails it too (the list must shrink as work lands).
`GET /__targ/coverage` shows these as `example`. Every Allegro operation is built (issue 19); the Voucherify
operations left are those outside the Orders API and its catalog.
"""

from __future__ import annotations

EXAMPLE_BACKED: frozenset[tuple[str, str]] = frozenset({
    ("voucherify", "activate-member-pending-points"),
    ("voucherify", "add-member"),  # POST /v1/loyalties/{campaignId}/members
    ("voucherify", "add-promotion-tier-to-campaign"),  # POST /v1/promotions/{campaignId}/tiers
    ("voucherify", "add-tier-from-template"),  # POST /v1/templates/campaigns/{campaignTemplateId}/tier-setup
    ("voucherify", "add-voucher-with-specific-code-to-campaign"),  # POST /v1/campaigns/{campaignId}/vouchers/{code}
    ("voucherify", "add-vouchers-to-campaign"),  # POST /v1/campaigns/{campaignId}/vouchers
    ("voucherify", "adjust-member-pending-points"),
    ("voucherify", "assign-user"),  # POST /management/v1/projects/{projectId}/users
    ("voucherify", "cancel-member-pending-points"),
    ("voucherify", "check-eligibility"),  # POST /v1/qualifications
    ("voucherify", "check-eligibility-client-side"),  # POST /client/v1/qualifications
    ("voucherify", "create-brand"),  # POST /management/v1/projects/{projectId}/branding
    ("voucherify", "create-campaign"),  # POST /v1/campaigns
    ("voucherify", "create-campaign-from-template"),  # POST /v1/templates/campaigns/{campaignTemplateId}/campaign-setup
    ("voucherify", "create-campaign-template"),  # POST /v1/templates/campaigns
    ("voucherify", "create-category"),  # POST /v1/categories
    ("voucherify", "create-custom-event-schema"),  # POST /management/v1/projects/{projectId}/custom-event-schemas
    ("voucherify", "create-earning-rule"),  # POST /v1/loyalties/{campaignId}/earning-rules
    ("voucherify", "create-in-bulk-loyalty-tiers"),  # POST /v1/loyalties/{campaignId}/tiers
    ("voucherify", "create-loyalty-program"),  # POST /v1/loyalties
    ("voucherify", "create-metadata-schema"),  # POST /management/v1/projects/{projectId}/metadata-schemas
    ("voucherify", "create-points-expiration-export"),  # POST /v1/loyalties/{campaignId}/points-expiration/export
    ("voucherify", "create-product-collection"),  # POST /v1/product-collections
    ("voucherify", "create-project"),  # POST /management/v1/projects
    ("voucherify", "create-promotion-stack"),  # POST /v1/promotions/{campaignId}/stacks
    ("voucherify", "create-publication"),  # POST /v1/publications
    ("voucherify", "create-publication-1"),  # GET /v1/publications/create
    ("voucherify", "create-reward"),  # POST /v1/rewards
    ("voucherify", "create-reward-assignment"),  # POST /v1/rewards/{rewardId}/assignments
    ("voucherify", "create-reward-assignment-1"),  # POST /v1/loyalties/{campaignId}/rewards
    ("voucherify", "create-segment"),  # POST /v1/segments
    ("voucherify", "create-stacking-rules"),  # POST /management/v1/projects/{projectId}/stacking-rules
    ("voucherify", "create-validation-rule-assignment"),  # POST /v1/validation-rules/{validationRuleId}/assignments
    ("voucherify", "create-validation-rules"),  # POST /v1/validation-rules
    ("voucherify", "create-voucher"),  # POST /v1/vouchers/{code}
    ("voucherify", "create-webhook"),  # POST /management/v1/projects/{projectId}/webhooks
    ("voucherify", "delete-bin-entry"),  # DELETE /v1/trash-bin/{binEntryId}
    ("voucherify", "delete-brand"),  # DELETE /management/v1/projects/{projectId}/branding/{brandingId}
    ("voucherify", "delete-campaign"),  # DELETE /v1/campaigns/{campaignId}
    ("voucherify", "delete-campaign-template"),  # DELETE /v1/templates/campaigns/{campaignTemplateId}
    ("voucherify", "delete-category"),  # DELETE /v1/categories/{categoryId}
    ("voucherify", "delete-custom-event-schema"),
    ("voucherify", "delete-earning-rule"),  # DELETE /v1/loyalties/{campaignId}/earning-rules/{earningRuleId}
    ("voucherify", "delete-loyalty-program"),  # DELETE /v1/loyalties/{campaignId}
    ("voucherify", "delete-metadata-schema"),
    ("voucherify", "delete-product-collection"),  # DELETE /v1/product-collections/{productCollectionId}
    ("voucherify", "delete-project"),  # DELETE /management/v1/projects/{projectId}
    ("voucherify", "delete-promotion-stack"),  # DELETE /v1/promotions/{campaignId}/stacks/{stackId}
    ("voucherify", "delete-promotion-tier"),  # DELETE /v1/promotions/tiers/{promotionTierId}
    ("voucherify", "delete-reward"),  # DELETE /v1/rewards/{rewardId}
    ("voucherify", "delete-reward-assignment"),  # DELETE /v1/rewards/{rewardId}/assignments/{assignmentId}
    ("voucherify", "delete-reward-assignment-1"),  # DELETE /v1/loyalties/{campaignId}/rewards/{assignmentId}
    ("voucherify", "delete-segment"),  # DELETE /v1/segments/{segmentId}
    ("voucherify", "delete-stacking-rules"),
    ("voucherify", "delete-validation-rule-assignment"),
    ("voucherify", "delete-validation-rules"),  # DELETE /v1/validation-rules/{validationRuleId}
    ("voucherify", "delete-voucher"),  # DELETE /v1/vouchers/{code}
    ("voucherify", "delete-webhook"),  # DELETE /management/v1/projects/{projectId}/webhooks/{webhookId}
    ("voucherify", "disable-campaign"),  # POST /v1/campaigns/{campaignId}/disable
    ("voucherify", "disable-earning-rule"),  # POST /v1/loyalties/{campaignId}/earning-rules/{earningRuleId}/disable
    ("voucherify", "disable-promotion-tier"),  # POST /v1/promotions/tiers/{promotionTierId}/disable
    ("voucherify", "disable-voucher"),  # POST /v1/vouchers/{code}/disable
    ("voucherify", "enable-campaign"),  # POST /v1/campaigns/{campaignId}/enable
    ("voucherify", "enable-earning-rule"),  # POST /v1/loyalties/{campaignId}/earning-rules/{earningRuleId}/enable
    ("voucherify", "enable-promotion-tier"),  # POST /v1/promotions/tiers/{promotionTierId}/enable
    ("voucherify", "enable-voucher"),  # POST /v1/vouchers/{code}/enable
    ("voucherify", "export-campaign-transactions"),  # POST /v1/campaigns/{campaignId}/transactions/export
    ("voucherify", "export-loyalty-campaign-transactions"),  # POST /v1/loyalties/{campaignId}/transactions/export
    ("voucherify", "export-loyalty-card-transactions"),  # POST /v1/loyalties/members/{memberId}/transactions/export
    ("voucherify", "export-loyalty-card-transactions-1"),
    ("voucherify", "export-voucher-transactions"),  # POST /v1/vouchers/{code}/transactions/export
    ("voucherify", "generate-random-code"),  # POST /v1/vouchers
    ("voucherify", "get-brand"),  # GET /management/v1/projects/{projectId}/branding/{brandingId}
    ("voucherify", "get-campaign"),  # GET /v1/campaigns/{campaignId}
    ("voucherify", "get-campaign-summary"),  # GET /v1/campaigns/{campaignId}/summary
    ("voucherify", "get-campaign-template"),  # GET /v1/templates/campaigns/{campaignTemplateId}
    ("voucherify", "get-category"),  # GET /v1/categories/{categoryId}
    ("voucherify", "get-custom-event-schema"),
    ("voucherify", "get-earning-rule"),  # GET /v1/loyalties/{campaignId}/earning-rules/{earningRuleId}
    ("voucherify", "get-location"),  # GET /v1/locations/{locationId}
    ("voucherify", "get-loyalty-program"),  # GET /v1/loyalties/{campaignId}
    ("voucherify", "get-loyalty-tier"),  # GET /v1/loyalties/{campaignId}/tiers/{loyaltyTierId}
    ("voucherify", "get-member"),  # GET /v1/loyalties/members/{memberId}
    ("voucherify", "get-member-1"),  # GET /v1/loyalties/{campaignId}/members/{memberId}
    ("voucherify", "get-metadata-schema"),  # GET /v1/metadata-schemas/{resource}
    ("voucherify", "get-metadata-schema-1"),
    ("voucherify", "get-product-collection"),  # GET /v1/product-collections/{productCollectionId}
    ("voucherify", "get-project"),  # GET /management/v1/projects/{projectId}
    ("voucherify", "get-promotion-stack"),  # GET /v1/promotions/{campaignId}/stacks/{stackId}
    ("voucherify", "get-promotion-tier"),  # GET /v1/promotions/tiers/{promotionTierId}
    ("voucherify", "get-redemption"),  # GET /v1/redemptions/{redemptionId}
    ("voucherify", "get-reward"),  # GET /v1/rewards/{rewardId}
    ("voucherify", "get-reward-assignment"),  # GET /v1/rewards/{rewardId}/assignments/{assignmentId}
    ("voucherify", "get-reward-assignment-1"),  # GET /v1/loyalties/{campaignId}/reward-assignments/{assignmentId}
    ("voucherify", "get-reward-assignment-2"),  # GET /v1/loyalties/{campaignId}/rewards/{assignmentId}
    ("voucherify", "get-reward-details"),  # GET /v1/loyalties/{campaignId}/reward-assignments/{assignmentId}/reward
    ("voucherify", "get-segment"),  # GET /v1/segments/{segmentId}
    ("voucherify", "get-stacking-rules"),  # GET /management/v1/projects/{projectId}/stacking-rules/{stackingRulesId}
    ("voucherify", "get-user"),  # GET /management/v1/projects/{projectId}/users/{userId}
    ("voucherify", "get-validation-rule"),  # GET /v1/validation-rules/{validationRuleId}
    ("voucherify", "get-voucher"),  # GET /v1/vouchers/{code}
    ("voucherify", "get-voucher-redemptions"),  # GET /v1/vouchers/{code}/redemption
    ("voucherify", "get-webhook"),  # GET /management/v1/projects/{projectId}/webhooks/{webhookId}
    ("voucherify", "import-vouchers"),  # POST /v1/vouchers/import
    ("voucherify", "import-vouchers-to-campaign"),  # POST /v1/campaigns/{campaignId}/import
    ("voucherify", "import-vouchers-to-campaign-using-csv"),  # POST /v1/campaigns/{campaignId}/importCSV
    ("voucherify", "import-vouchers-using-csv"),  # POST /v1/vouchers/importCSV
    ("voucherify", "invite-user"),  # POST /management/v1/projects/users/invite
    ("voucherify", "list-all-promotion-stacks"),  # GET /v1/promotions/stacks
    ("voucherify", "list-bin-entries"),  # GET /v1/trash-bin
    ("voucherify", "list-brands"),  # GET /management/v1/projects/{projectId}/branding
    ("voucherify", "list-campaign-pending-points"),  # GET /v1/loyalties/{campaignId}/pending-points
    ("voucherify", "list-campaign-templates"),  # GET /v1/templates/campaigns
    ("voucherify", "list-campaign-transactions"),  # GET /v1/campaigns/{campaignId}/transactions
    ("voucherify", "list-campaigns"),  # GET /v1/campaigns
    ("voucherify", "list-categories"),  # GET /v1/categories
    ("voucherify", "list-custom-event-schemas"),  # GET /management/v1/projects/{projectId}/custom-event-schemas
    ("voucherify", "list-earning-rules"),  # GET /v1/loyalties/{campaignId}/earning-rules
    ("voucherify", "list-locations"),  # GET /v1/locations
    ("voucherify", "list-loyalty-campaign-transactions"),  # GET /v1/loyalties/{campaignId}/transactions
    ("voucherify", "list-loyalty-card-transactions"),  # GET /v1/loyalties/members/{memberId}/transactions
    ("voucherify", "list-loyalty-card-transactions-1"),
    ("voucherify", "list-loyalty-programs"),  # GET /v1/loyalties
    ("voucherify", "list-loyalty-tier-earning-rules"),
    ("voucherify", "list-loyalty-tier-rewards"),  # GET /v1/loyalties/{campaignId}/tiers/{loyaltyTierId}/rewards
    ("voucherify", "list-loyalty-tiers"),  # GET /v1/loyalties/{campaignId}/tiers
    ("voucherify", "list-member-activity"),  # GET /v1/loyalties/members/{memberId}/activity
    ("voucherify", "list-member-activity-1"),  # GET /v1/loyalties/{campaignId}/members/{memberId}/activity
    ("voucherify", "list-member-loyalty-tier"),  # GET /v1/loyalties/members/{memberId}/tiers
    ("voucherify", "list-member-pending-points"),  # GET /v1/loyalties/members/{memberId}/pending-points
    ("voucherify", "list-member-pending-points-1"),  # GET /v1/loyalties/{campaignId}/members/{memberId}/pending-points
    ("voucherify", "list-member-rewards"),  # GET /v1/loyalties/members/{memberId}/rewards
    ("voucherify", "list-members"),  # GET /v1/loyalties/{campaignId}/members
    ("voucherify", "list-metadata-schemas"),  # GET /v1/metadata-schemas
    ("voucherify", "list-metadata-schemas-1"),  # GET /management/v1/projects/{projectId}/metadata-schemas
    ("voucherify", "list-points-expiration"),  # GET /v1/loyalties/{campaignId}/members/{memberId}/points-expiration
    ("voucherify", "list-product-collections"),  # GET /v1/product-collections
    ("voucherify", "list-products-in-collection"),  # GET /v1/product-collections/{productCollectionId}/products
    ("voucherify", "list-projects"),  # GET /management/v1/projects
    ("voucherify", "list-promotion-stacks-in-campaign"),  # GET /v1/promotions/{campaignId}/stacks
    ("voucherify", "list-promotion-tiers"),  # GET /v1/promotions/tiers
    ("voucherify", "list-promotion-tiers-client-side"),  # GET /client/v1/promotions/tiers
    ("voucherify", "list-promotion-tiers-from-campaign"),  # GET /v1/promotions/{campaignId}/tiers
    ("voucherify", "list-publications"),  # GET /v1/publications
    ("voucherify", "list-redemptions"),  # GET /v1/redemptions
    ("voucherify", "list-reward-assignments"),  # GET /v1/rewards/{rewardId}/assignments
    ("voucherify", "list-reward-assignments-1"),  # GET /v1/loyalties/{campaignId}/reward-assignments
    ("voucherify", "list-reward-assignments-2"),  # GET /v1/loyalties/{campaignId}/rewards
    ("voucherify", "list-rewards"),  # GET /v1/rewards
    ("voucherify", "list-stacking-rules"),  # GET /management/v1/projects/{projectId}/stacking-rules
    ("voucherify", "list-users"),  # GET /management/v1/projects/{projectId}/users
    ("voucherify", "list-validation-rule-assignments"),  # GET /v1/validation-rules/{validationRuleId}/assignments
    ("voucherify", "list-validation-rules"),  # GET /v1/validation-rules
    ("voucherify", "list-validation-rules-assignments"),  # GET /v1/validation-rules-assignments
    ("voucherify", "list-voucher-transactions"),  # GET /v1/vouchers/{code}/transactions
    ("voucherify", "list-vouchers"),  # GET /v1/vouchers
    ("voucherify", "list-webhooks"),  # GET /management/v1/projects/{projectId}/webhooks
    ("voucherify", "management-copy-campaign-template"),
    ("voucherify", "management-list-campaign-templates"),  # GET /management/v1/projects/{projectId}/templates/campaigns
    ("voucherify", "redeem-reward"),  # POST /v1/loyalties/members/{memberId}/redemption
    ("voucherify", "redeem-reward-1"),  # POST /v1/loyalties/{campaignId}/members/{memberId}/redemption
    ("voucherify", "redeem-stacked-discounts"),  # POST /v1/redemptions
    ("voucherify", "redeem-stacked-discounts-client-side"),  # POST /client/v1/redemptions
    ("voucherify", "referrals-add-holders"),  # POST /v1/referrals/members/{memberId}/holders
    ("voucherify", "referrals-add-holders-1"),  # POST /v1/referrals/{campaignId}/members/{memberId}/holders
    ("voucherify", "referrals-code-holders"),  # GET /v1/referrals/{campaignId}/members/{memberId}/holders
    ("voucherify", "referrals-code-holders-1"),  # GET /v1/referrals/members/{memberId}/holders
    ("voucherify", "referrals-remove-holder"),  # DELETE /v1/referrals/members/{memberId}/holders/{holderId}
    ("voucherify", "referrals-remove-holder-1"),
    ("voucherify", "release-validation-session"),  # DELETE /v1/vouchers/{code}/sessions/{sessionKey}
    ("voucherify", "rollback-redemption"),  # POST /v1/redemptions/{redemptionId}/rollback
    ("voucherify", "rollback-stacked-redemptions"),  # POST /v1/redemptions/{parentRedemptionId}/rollbacks
    ("voucherify", "track-custom-event"),  # POST /v1/events
    ("voucherify", "track-custom-event-client-side"),  # POST /client/v1/events
    ("voucherify", "transfer-points"),  # POST /v1/loyalties/{campaignId}/members/{memberId}/transfers
    ("voucherify", "unassign-user"),  # DELETE /management/v1/projects/{projectId}/users/{userId}
    ("voucherify", "update-brand"),  # PUT /management/v1/projects/{projectId}/branding/{brandingId}
    ("voucherify", "update-campaign"),  # PUT /v1/campaigns/{campaignId}
    ("voucherify", "update-campaign-template"),  # PUT /v1/templates/campaigns/{campaignTemplateId}
    ("voucherify", "update-category"),  # PUT /v1/categories/{categoryId}
    ("voucherify", "update-custom-event-schema"),
    ("voucherify", "update-earning-rule"),  # PUT /v1/loyalties/{campaignId}/earning-rules/{earningRuleId}
    ("voucherify", "update-loyalty-card-balance"),  # POST /v1/loyalties/members/{memberId}/balance
    ("voucherify", "update-loyalty-card-balance-1"),  # POST /v1/loyalties/{campaignId}/members/{memberId}/balance
    ("voucherify", "update-loyalty-program"),  # PUT /v1/loyalties/{campaignId}
    ("voucherify", "update-metadata-schema"),
    ("voucherify", "update-project"),  # PUT /management/v1/projects/{projectId}
    ("voucherify", "update-promotion-stack"),  # PUT /v1/promotions/{campaignId}/stacks/{stackId}
    ("voucherify", "update-promotion-tier"),  # PUT /v1/promotions/tiers/{promotionTierId}
    ("voucherify", "update-reward"),  # PUT /v1/rewards/{rewardId}
    ("voucherify", "update-reward-assignment"),  # PUT /v1/rewards/{rewardId}/assignments/{assignmentId}
    ("voucherify", "update-reward-assignment-1"),  # PUT /v1/loyalties/{campaignId}/rewards/{assignmentId}
    ("voucherify", "update-stacking-rules"),  # PUT /management/v1/projects/{projectId}/stacking-rules/{stackingRulesId}
    ("voucherify", "update-user"),  # PUT /management/v1/projects/{projectId}/users/{userId}
    ("voucherify", "update-validation-rule"),  # PUT /v1/validation-rules/{validationRuleId}
    ("voucherify", "update-voucher"),  # PUT /v1/vouchers/{code}
    ("voucherify", "update-voucher-balance"),  # POST /v1/vouchers/{code}/balance
    ("voucherify", "update-vouchers-in-bulk"),  # POST /v1/vouchers/bulk/async
    ("voucherify", "update-vouchers-metadata-in-bulk"),  # POST /v1/vouchers/metadata/async
    ("voucherify", "update-webhook"),  # PUT /management/v1/projects/{projectId}/webhooks/{webhookId}
    ("voucherify", "validate-stacked-discounts"),  # POST /v1/validations
    ("voucherify", "validate-stacked-discounts-client-side"),  # POST /client/v1/validations
})
