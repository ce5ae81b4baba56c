"""Sales ratings (`/sale/user-ratings*`): what buyers say of a seller after a delivered order, the seller's answer and
the seller's request to remove a negative rating. store.py keeps the ratings (the `user_rating` documents the
ratings summary, sales quality and Smart! classification derive from), views.py renders them in the public and the
beta media type, buyer.py is the buyer's side (rate, change, withdraw), seller.py the seller's rules (answer, removal
request); operations.py binds the seller's API, targ.admin.ratings the buyer's side. Vendor behaviours and their
sources: docs/behaviour.md, "Sales ratings"."""
