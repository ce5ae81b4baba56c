"""The catalog's operations, one module per resource."""
