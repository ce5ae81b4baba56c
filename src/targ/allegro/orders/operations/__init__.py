"""The orders' operations, one module per resource."""
