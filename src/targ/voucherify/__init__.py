"""Voucherify API providers: orders, customers, products, async actions, exports.

PROVIDERS lists the modules whose `@handler`/`@runs` decorators must run at app build.
"""

PROVIDERS: list[str] = [
    "targ.voucherify.orders.handlers",
    "targ.voucherify.orders.imports",
    "targ.voucherify.customers.handlers",
    "targ.voucherify.products.handlers",
    "targ.voucherify.async_actions.handlers",
    "targ.voucherify.exports.handlers",
    "targ.voucherify.exports.models",
]
