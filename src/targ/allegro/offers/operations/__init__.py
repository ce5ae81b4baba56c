"""The offers' operations, one module per resource."""
