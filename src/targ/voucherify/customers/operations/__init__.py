"""The `/v1/customers` operations, one module per kind: the records, bulk work, related lists."""
