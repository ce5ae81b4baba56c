"""The seller's invoices for an order, and links to billing documents kept elsewhere.

* `POST …/invoices` `{file: {name}, invoiceNumber?}` → 201 `{id}`: the metadata first (#4130). Refused when the
  buyer asked for no invoice (422; the vendor's upload "does not take effect", #12291), while the last uploaded file
  is still being scanned (422, #8507), and beyond `MAX_INVOICES` per order (409, the limit since 2025-08-14, #11996).
* `PUT …/invoices/{invoiceId}/file` with the PDF (`application/pdf`) → 200: empty → 422 `EMPTY-ATTACHMENT`; over
  3 MB → 413; not starting with a PDF header (`%PDF-`; a base64 body, #11522) → 422 `FILE-CONTENT-INVALID`; a second
  file → 409. The file waits for its security scan (`securityVerification.status` WAITING), which a job accepts after
  `jobDelay`.
* `GET …/invoices` lists them with the billing document links; `hasExternalInvoices` is true once the seller has
  linked a billing document kept outside Allegro.
* `POST /order/{orderId}/billing-documents/links` `{url}` → 201: an absolute http(s) URL (else 422), each once (409).

The PDF itself is kept as a doc of kind `order_invoice_file` (base64), so that nothing acknowledged is lost.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from targ.allegro.errors import AllegroError
from targ.allegro.orders import model
from targ.allegro.orders.access import order_not_found, seller_order
from targ.allegro.orders.documents import CheckoutForm
from targ.clock import iso
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

FILE_KIND = "order_invoice_file"
SCAN_JOB = "allegro.order.invoice-scan"
MAX_INVOICES = 10
MAX_FILE_BYTES = 3 * 1024 * 1024


def _order(req: Request, key: str = "id") -> CheckoutForm:
    return seller_order(req, req.path_params[key], not_found=order_not_found)


def _error(status: int, code: str, message: str) -> AllegroError:
    return AllegroError(status, code, message, user_message=message)


@handler("allegro", "getOrderInvoicesDetails")
def list_invoices(req: Request) -> Reply:
    t = _order(req)["_targ"]
    return Reply({"invoices": list(t["invoices"]), "links": list(t["links"]),
                  "hasExternalInvoices": bool(t["links"])})


@handler("allegro", "addOrderInvoicesMetadata")
def add_invoice(req: Request) -> Reply:
    order = _order(req)
    oid, invoices = order["id"], order["_targ"]["invoices"]
    if not order["invoice"]["required"]:
        # The vendor's code and wording (allegro-api #4992; the status there is unstated, 422 as for the others).
        message = f"Order with id [{oid}] cannot have an invoice"
        raise AllegroError(422, "ORDER-WITHOUT-INVOICE", message, path=f"/order/checkout-forms/{oid}/invoices",
                           user_message=message)
    if any(((i.get("file") or {}).get("securityVerification") or {}).get("status") == "WAITING" for i in invoices):
        raise _error(422, "SECURITY-SCAN-IN-PROGRESS",
                     f"Security scan for SELLER invoice in given order [{oid}] is in progress")
    if len(invoices) >= MAX_INVOICES:
        raise _error(409, "INVOICES-LIMIT-REACHED", f"Order [{oid}] already has {MAX_INVOICES} seller invoices")
    invoice: Json = {"id": req.world.ids.uuid("invoice")}
    if req.body.get("invoiceNumber"):
        invoice["invoiceNumber"] = req.body["invoiceNumber"]
    invoice.update({"createdAt": iso(req.world.clock.now_ms()), "file": {"name": req.body["file"]["name"]}})
    invoices.append(invoice)
    model.save(req.world, order)
    return Reply({"id": invoice["id"]}, 201)


@handler("allegro", "uploadOrderInvoiceFile")
def upload_invoice_file(req: Request) -> Reply:
    order = _order(req)
    oid, iid = order["id"], req.path_params["invoiceId"]
    invoice = next((i for i in order["_targ"]["invoices"] if i["id"] == iid), None)
    if invoice is None:
        raise _error(404, "INVOICE-NOT-FOUND", f"Invoice [{iid}] of order [{oid}] not found")
    content = req.body if isinstance(req.body, bytes) else b""
    if "uploadedAt" in invoice["file"]:
        raise _error(409, "INVOICE-FILE-ALREADY-UPLOADED", f"Invoice [{iid}] of order [{oid}] already has a file")
    if not content:
        raise _error(422, "EMPTY-ATTACHMENT", f"File for given order [{oid}] and invoice [{iid}] must not be empty")
    if len(content) > MAX_FILE_BYTES:
        raise _error(413, "FILE-TOO-LARGE", f"File for given order [{oid}] and invoice [{iid}] exceeds 3 MB")
    if not content.startswith(b"%PDF-"):
        raise _error(422, "FILE-CONTENT-INVALID",
                     f"File for given order [{oid}] and invoice [{iid}] must have a PDF content")
    world = req.world
    invoice["file"].update({"uploadedAt": iso(world.clock.now_ms()), "securityVerification": {"status": "WAITING"}})
    world.store.put(FILE_KIND, iid, {"order": oid, "pdf": base64.b64encode(content).decode()},
                    owner=model.seller_of(order))
    model.save(world, order)
    world.schedule(SCAN_JOB, world.config.ms("jobDelay"), {"order": oid, "invoice": iid},
                   owner=model.seller_of(order))
    return Reply(None, 200)


@runs(SCAN_JOB)
def security_scan(world: World, job: Job) -> None:
    """The antivirus scan passes (targ's files are the seller's own)."""
    order = model.get_form(world, str(job.payload["order"]))
    if order is None:
        return
    invoice = next((i for i in order["_targ"]["invoices"] if i["id"] == job.payload["invoice"]), None)
    if invoice is None:
        return
    invoice["file"]["securityVerification"] = {"status": "ACCEPTED", "verifiedAt": iso(world.clock.now_ms())}
    model.save(world, order)


@handler("allegro", "uploadOrderBillingDocumentLink")
def add_billing_document_link(req: Request) -> Reply:
    order = _order(req, "orderId")
    url = str((req.body or {}).get("url") or "")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise AllegroError(422, "VALIDATION_ERROR", f"The given URL is invalid: {url!r}", path="url")
    links = order["_targ"]["links"]
    if any(link["url"] == url for link in links):
        raise _error(409, "LINK-ALREADY-EXISTS", f"The given URL to the billing document already exists: {url}")
    links.append({"id": req.world.ids.uuid("billing_document_link"), "url": url,
                  "createdAt": iso(req.world.clock.now_ms())})
    model.save(req.world, order)
    return Reply(None, 201)
