"""Allegro's pricing operations: the fee preview of an offer body (`POST /pricing/offer-fee-preview`) and the quotes
of the seller's listed offers (`GET /pricing/offer-quotes`). The fee rules live with billing's
(targ.allegro.money.fees, money.commission); docs/money.md and docs/behaviour.md, "Fee preview and offer quotes"."""
