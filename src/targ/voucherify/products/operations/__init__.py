"""The `/v1/products` and `/v1/skus` operations: products, their SKUs, bulk work."""
