"""The Ship with Allegro operations, one module per resource: services, shipments (create and cancel commands,
details), labels (labels and protocols), pickups (proposals, create commands, details)."""
