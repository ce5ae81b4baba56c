"""`/v1/orders/export`, `/v1/exports` and the CSV download on `GET /v1/exports/{id}?token=…`."""

from __future__ import annotations

from targ.handlers import handler
from targ.http.errors import VoucherifyError
from targ.http.request import Reply, Request
from targ.voucherify.common import found, invalid_payload, list_page, not_found, project_of
from targ.voucherify.exports.models import (
    EXPORT_KIND,
    create_export,
    delete_export,
    export_file,
    find_export,
    render_export,
)
from targ.voucherify.exports.sources import SOURCES

EXPORT_SORT = {"created_at": lambda e: e["created_at"], "status": lambda e: e["status"]}


@handler("voucherify", "create-order-export")
def create_order_export(req: Request) -> Reply:
    body = req.body or {}
    # The spec's enum has already limited `fields` to the order fields; anything left is the payload's fault.
    export = create_export(req.world, project_of(req), "order", body.get("parameters"), fields_error="invalid_payload")
    return Reply(render_export(export, req.base_url))


@handler("voucherify", "create-export")
def create_any_export(req: Request) -> Reply:
    body = req.body or {}
    exported = body.get("exported_object")
    # Required by the vendor (every variant of ExportsCreateRequestBody requires it), though the SDK's spec is loose.
    if exported is None:
        raise invalid_payload("Property .exported_object is required")
    if exported not in SOURCES:  # product and sku exports: documented, but not in the spec's enum
        raise invalid_payload("Property .exported_object should be equal to one of the allowed values [ "
                              + ", ".join(SOURCES) + " ]")
    export = create_export(req.world, project_of(req), exported, body.get("parameters"))
    return Reply(render_export(export, req.base_url))


@handler("voucherify", "get-export")
def get_export(req: Request) -> Reply:
    ref = req.path_params["exportId"]
    doc = found(find_export(req.world, project_of(req), ref), "export", ref)
    return Reply(render_export(doc.data, req.base_url))


@handler("voucherify", "download-export")
def download_export(req: Request) -> Reply:
    """Authorised by the token alone (the edge skips the key pair when a token is given): the export is looked up
    by id across projects, then the token must be the one its `result.url` carries. Before DONE there is no token."""
    ref = req.path_params["export_Id"]
    doc = req.world.store.get_doc(EXPORT_KIND, ref)
    if doc is None or (req.principal is not None and doc.owner != req.principal.project_id):
        raise not_found("export", ref)
    token = req.param("token")
    if not token or token != doc.data["token"]:
        raise VoucherifyError(401, "unauthorized", "Unauthorized")
    return Reply(export_file(req.world, ref) or "", media_type="text/plain")


@handler("voucherify", "list-exports")
def list_exports(req: Request) -> Reply:
    exports, total = list_page(req.world, EXPORT_KIND, project_of(req), req, EXPORT_SORT)
    return Reply({"object": "list", "data_ref": "exports", "exports": [render_export(e, req.base_url) for e in exports],
                  "total": total})


@handler("voucherify", "delete-export")
def remove_export(req: Request) -> Reply:
    ref = req.path_params["exportId"]
    if find_export(req.world, project_of(req), ref) is None:
        raise not_found("export", ref)
    delete_export(req.world, ref)
    return Reply(None, status=204)
