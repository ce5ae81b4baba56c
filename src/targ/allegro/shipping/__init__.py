"""Ship with Allegro ("Wysyłam z Allegro", `/shipment-management/*`): the delivery services a seller can ship with
(services.py, from the reference dataset), shipments created and cancelled by asynchronous commands (commands.py,
checks.py, shipments.py), labels and hand-over protocols as real PDF and ZPL files (labels.py, protocol.py,
code128.py), and courier pickups with their proposals on the virtual clock (pickups.py, calendar.py). A created
shipment's waybills join the order's shipments and the carrier tracks them, as for a tracking number the seller adds
(targ.allegro.orders.shipments). operations/ binds the API, one module per resource; docs/shipping.md is the
reference, docs/behaviour.md the sources."""
