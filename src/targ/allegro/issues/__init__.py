"""Post-purchase issues (`/sale/issues*`, beta media type): a buyer's dispute (a question about an order) or claim
(a complaint under warranty or the seller's guarantee), its chat, and the seller's decision on a claim. store.py keeps
the issues and renders them, buyer.py is the buyer's side (targ.admin.issues), seller.py the seller's rules;
operations.py binds the seller's API. Vendor behaviours and their sources: docs/behaviour.md, "Post-purchase
issues"."""
