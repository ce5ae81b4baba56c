"""Voucherify API providers: orders, customers, products, async actions, exports."""
