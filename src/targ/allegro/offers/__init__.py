"""Offers: the stateful product-offer model, its commands, events and One Fulfillment rules (docs/offers.md)."""
