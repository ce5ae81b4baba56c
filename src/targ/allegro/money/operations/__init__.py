"""The money operations, one module per resource."""
