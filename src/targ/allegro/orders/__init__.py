"""Allegro order management on real state: checkout forms from purchase to delivery, the order events journal,
fulfillment status, parcel tracking numbers and their carrier history, invoices and serial numbers (docs/orders.md).

The marketplace's other actors (the buyer, the carriers) are admin actions (`targ.admin.marketplace`) that call
`orders.buyer` and `orders.carrier`; the seller's API is bound by `handlers`, `shipments`, `invoices`, `lineitems`
and `carrier`.
"""
