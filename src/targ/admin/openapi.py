"""`GET /__targ/openapi/{vendor}.json`: the compiled spec bundle as one OpenAPI 3.1 document (targ.spec.openapi), so
schemathesis, Prism or a client generator can be pointed at targ. Its `servers` is this targ, as the request reached
it (the Host header, like every URL targ hands out)."""

from __future__ import annotations

from targ.admin import ADMIN
from targ.http.errors import AdminError
from targ.http.request import Reply, Request
from targ.spec.bundle import VENDORS
from targ.spec.openapi import document

DOCUMENTS = {f"{vendor}.json": vendor for vendor in VENDORS}


@ADMIN.route("GET", "/openapi/{document}")
def openapi(req: Request) -> Reply:
    vendor = DOCUMENTS.get(req.path_params["document"])
    if vendor is None:
        raise AdminError(404, "not_found", "the OpenAPI documents are " + " and ".join(
            f"/__targ/openapi/{name}" for name in DOCUMENTS))
    return Reply(document(vendor, req.base_url), 200, media_type="application/json")
