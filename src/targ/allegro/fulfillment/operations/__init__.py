"""One Fulfillment's operations, one module per resource."""
