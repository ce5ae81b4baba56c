"""One Fulfillment by Allegro: advance ship notices, the simulated warehouse, fulfillment stock and the seller's
One Fulfillment settings (docs/fulfillment.md).

* `asn.py` - the advance ship notice document, its view and its state machine;
* `content.py` - what a seller may put in a notice (create, update, submitted edits) and what submitting needs;
* `operations/` - the REST operations, one module per resource: notices (`asn.py`), submit commands, labels,
  parcels, stock, account settings; `caller.py` - the calling seller and the negotiated media type;
* `warehouse.py` - arrival, receiving and completion (jobs on the clock, or the /__targ/warehouse admin actions);
* `outbound.py`, `parcels.py` - One Fulfillment orders picked, packed and shipped by the
  warehouse, and the parcels it sent;
* `ledger.py`, `sales.py`, `stock.py`, `stock_listing.py` - units in the warehouse, what orders reserve and sell,
  the stock report (JSON and CSV);
* `products.py` - the seller's One Fulfillment offers by product (what may be announced, names, GTINs);
* `account.py` - tax id, removal preferences, refund dispositions;
* `common.py` - domain errors (message keys, rendered in the request's language by the edge), pages;
* `texts.py` - the English and Polish texts of those errors.
"""
