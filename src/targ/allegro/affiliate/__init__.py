"""Allegro Affiliate Business (`GET /affiliate/conversions/cps`): CPS conversions of the publisher whose link brought
a buyer. marker.py reads and records the affiliate marker a purchase carries (the buyer's admin action), conversions.py
derives each conversion from its order's current state (free of HTTP); operations.py binds the operation. Vendor
behaviours and their sources: docs/behaviour.md, "Public listing, bidding and affiliate conversions"."""
