"""Auctions and bidding (`/bidding/offers/{offerId}/bid`): a user's maximum bid in an AUCTION offer, the auction's
current price and leader by Allegro's proxy bidding, and the auction's end on the clock, when the highest bidder buys.
auction.py holds the rules and the end job (free of HTTP), texts.py the error texts; operations.py binds the two
operations. Vendor behaviours and their sources: docs/behaviour.md, "Public listing, bidding and affiliate
conversions"."""
