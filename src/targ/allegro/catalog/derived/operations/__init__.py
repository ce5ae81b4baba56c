"""The derived catalog's operations, one module per resource."""
