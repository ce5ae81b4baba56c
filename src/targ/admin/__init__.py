"""targ's own admin API under /__targ/: JSON in and out, errors as {"error", "message"}."""

from targ.http.routes import RouteTable

ADMIN = RouteTable("/__targ")

# Admin modules, imported at app build so their routes register.
MODULES = [
    "targ.admin.core",
    "targ.admin.accounts",
    "targ.admin.warehouse",
    "targ.admin.marketplace",
]
