"""The public offer search (`GET /offers/listing`): every seller's listed offers as a buyer finds them on the site.
query.py reads the request into a `Query` (the vendor's refusals), search.py finds, filters, counts and orders the
offers (free of HTTP), views.py renders `ListingResponse`; operations.py binds the operation. Vendor behaviours and
their sources: docs/behaviour.md, "Public listing, bidding and affiliate conversions"."""
