"""Voucherify API providers: orders, customers, products, async actions, exports.

Each area binds its operations in its `operations` module, found by `targ.handlers.load_providers`.
"""
