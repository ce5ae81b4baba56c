"""Voucherify API providers: orders, customers, products, async actions, exports.

PROVIDERS lists the modules whose `@handler`/`@runs` decorators must run at app build.
"""

PROVIDERS: list[str] = []
