"""targ's own admin API under /__targ/: JSON in and out, errors as {"error", "message"}.

Every module of this package that registers routes on ADMIN is imported at app build (targ.app).
"""

from targ.http.routes import RouteTable

ADMIN = RouteTable("/__targ")
