"""Labels for the handling units of a notice: `GET /fulfillment/advance-ship-notices/{id}/labels`.

A notice the seller labels itself (`handlingUnit.labelsType` ONE_FULFILMENT, with an `amount`) gets its labels as a
job `jobDelay` after it is created or after a change cleared them; from then on `labels.fileUrl` points here. One
label per handling unit (a 100 × 150 mm page in the PDF, one `^XA…^XZ` block in ZPL), each naming the notice's
display number, the unit ("BOX 2/5") and a Code 39 / Code 128 barcode `<displayNumber>-<unit>` for the warehouse's
scanners. The `Accept` header picks the format (`application/pdf` or `x-application/zpl`); any other is 406 at the
edge. A notice without labels (not labelled by the seller, or cleared and not made again yet) answers 404.

PDFs are made with fpdf2 and stamped with the notice's `updatedAt`, so the same notice gives the same bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from targ.allegro.fulfillment import asn as notices
from targ.allegro.fulfillment.common import error
from targ.allegro.fulfillment.operations.caller import negotiated, seller_id
from targ.clock import parse_time
from targ.handlers import handler
from targ.http.request import Reply, Request
from targ.jobs import runs
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.store.base import Job
    from targ.world import World

PDF, ZPL = "application/pdf", "x-application/zpl"
HEADER = "One Fulfillment by Allegro"


def units(asn: Json) -> list[tuple[str, str]]:
    """(caption, barcode) per handling unit: `BOX 1/3`, `A-260101-0000002-001`."""
    unit = asn["handlingUnit"]
    amount = int(unit["amount"])
    return [(f"{unit.get('unitType') or 'UNIT'} {n}/{amount}", f"{asn['displayNumber']}-{n:03d}")
            for n in range(1, amount + 1)]


def render_pdf(asn: Json) -> bytes:
    from fpdf import FPDF  # imported on first use: it is needed only for labels and takes a while to import

    pdf = FPDF(unit="mm", format=(100, 150))
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(datetime.fromtimestamp(parse_time(asn["updatedAt"]) / 1000, UTC))
    pdf.set_title(f"Labels {asn['displayNumber']}")
    pdf.set_author("Allegro")
    for caption, code in units(asn):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 12)
        pdf.set_xy(8, 8)
        pdf.cell(84, 8, HEADER)
        pdf.set_font("Helvetica", "B", 22)
        pdf.set_xy(8, 22)
        pdf.cell(84, 12, asn["displayNumber"])
        pdf.code39(f"*{code}*", 8, 42, w=0.25, h=22)
        pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(8, 66)
        pdf.cell(84, 6, code)
        pdf.set_font("Helvetica", "B", 20)
        pdf.set_xy(8, 80)
        pdf.cell(84, 12, caption)
        pdf.set_font("Helvetica", "", 8)
        pdf.set_xy(8, 136)
        pdf.cell(84, 5, f"ASN {asn['id']}")
    return bytes(pdf.output())


def render_zpl(asn: Json) -> str:
    blocks = []
    for caption, code in units(asn):
        blocks.append("\n".join((
            "^XA", "^CI28", "^PW812", "^LL1218",
            f"^FO40,40^A0N,40,40^FD{HEADER}^FS",
            f"^FO40,110^A0N,80,80^FD{asn['displayNumber']}^FS",
            f"^FO40,230^BY3^BCN,200,Y,N,N^FD{code}^FS",
            f"^FO40,520^A0N,70,70^FD{caption}^FS",
            f"^FO40,1150^A0N,24,24^FDASN {asn['id']}^FS",
            "^XZ")))
    return "\n".join(blocks) + "\n"


@handler("allegro", "getAdvanceShipNoticeLabels")
def get_labels(req: Request) -> Reply:
    asn = notices.owned(req.world, seller_id(req), req.path_params["id"])
    if not asn["_targ"].get("labels") or not notices.labelled(asn):
        raise error(404, "NOT_FOUND", "no_labels", {"id": asn["id"], "number": asn["displayNumber"]})
    media = negotiated(req) or PDF
    body: bytes | str = render_zpl(asn) if media == ZPL else render_pdf(asn)
    filename = f"{asn['displayNumber']}.{'zpl' if media == ZPL else 'pdf'}"
    return Reply(body, 200, {"content-disposition": f'attachment; filename="{filename}"'}, media)


@runs(notices.LABELS_JOB)
def _make_labels(world: World, job: Job) -> None:
    """Labels are ready, unless a later change cleared them again (its own job will make them)."""
    found = notices.load(world, str(job.payload["asnId"]))
    if found is None:
        return
    owner, asn = found
    if asn["_targ"]["labelsRound"] == job.payload["round"] and notices.labelled(asn):
        asn["_targ"]["labels"] = True
        world.store.put(notices.ASN_KIND, asn["id"], asn, owner=owner)
