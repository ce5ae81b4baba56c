"""Shipping labels (`POST /shipment-management/label`) as real files: PDF (A6, or A4) and ZPL.

* The file's format is the shipments' `labelFormat` (chosen when the shipment was created, PDF when none was: #11465,
  #11603, #9126 staff); `pageSize` and `cutLine` apply to PDF only (the spec). `pageSize` defaults to A4 (#10120:
  a request without it got an A4 file).
* One label per parcel, in the order of `shipmentIds` and of each shipment's packages: in a PDF a page each (A6, or
  an A4 sheet with the label in its top left A6 quarter, and dashed cut lines along that quarter with `cutLine`); in
  ZPL a `^XA … ^XZ` block each (a 4 x 6 in label at 203 dpi).
* A label carries the carrier and service, the sender and the receiver (with the pickup point), the waybill as a
  Code 128 barcode (targ.allegro.shipping.code128) and as text, the parcel's number ("1/2"), weight and size, the
  cash-on-delivery amount, the reference number and the seller's text on the label.
* `summaryReport`: extra pages (or ZPL labels) listing the chosen `fields` of each shipment, after each shipment's
  labels (`EVERY`) or once after all (`LAST`).
* PDFs are made with fpdf2's core fonts, which carry Latin-1 only: letters beyond it (ł, ś, ż, ...) are printed
  without their marks; ZPL keeps them (`^CI28`, UTF-8). A PDF is stamped with its first shipment's creation date, so
  the same request gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from targ.allegro.shipping import code128
from targ.allegro.shipping.shipments import carrier_name
from targ.clock import parse_time
from targ.json_types import Json

A6 = (105.0, 148.0)
A4 = (210.0, 297.0)
REPORT_FIELDS = ("WAYBILL", "ORDER_ID", "BUYER_LOGIN", "ITEMS", "DIMS_AND_WEIGHT", "ADD_LABEL_TEXT",
                 "NOTES_FOR_ORDER", "REF_NUMBER", "COD", "INSURANCE")
# Letters Unicode does not decompose into a Latin-1 base letter and a mark.
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss"})


@dataclass
class Labelled:
    """A shipment with what its label and summary need from elsewhere: its service's name and its order."""

    shipment: Json
    service_name: str
    order: Json | None = None
    summary: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Parcel:
    shipment: Json
    service_name: str
    index: int
    count: int
    package: Json


def parcels(items: Iterable[Labelled]) -> list[Parcel]:
    out = []
    for item in items:
        packages = item.shipment["packages"]
        out += [Parcel(item.shipment, item.service_name, n, len(packages), p) for n, p in enumerate(packages, 1)]
    return out


def latin1(text: Any) -> str:
    """Text the PDF core fonts can print: Latin-1 kept, other letters without their marks."""
    out = []
    for char in str(text).translate(_FOLD):
        if ord(char) < 256:
            out.append(char)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) < 256 and not unicodedata.combining(c))
        out.append(base or "?")
    return "".join(out)


def _number(value: Any) -> str:
    text = f"{float(value):.3f}".rstrip("0").rstrip(".")
    return text or "0"


def _address_lines(address: Json) -> list[str]:
    lines = [str(address.get(k)) for k in ("name", "company") if address.get(k)]
    lines.append(str(address.get("street") or ""))
    lines.append(f"{address.get('postalCode') or ''} {address.get('city') or ''} {address.get('countryCode') or ''}")
    if address.get("phone"):
        lines.append(f"tel. {address['phone']}")
    if address.get("point"):
        lines.append(f"Punkt / Point: {address['point']}")
    return lines


def _package_line(package: Json) -> str:
    size = " x ".join(_number(package[k]["value"]) for k in ("length", "width", "height"))
    return f"{_number(package['weight']['value'])} kg, {size} cm, {package.get('type') or 'PACKAGE'}"


def _extras(shipment: Json, package: Json) -> list[str]:
    lines = []
    cod = shipment.get("cashOnDelivery")
    if cod:
        lines.append(f"POBRANIE / COD: {cod['amount']} {cod['currency']}")
    if shipment.get("referenceNumber"):
        lines.append(f"Ref: {shipment['referenceNumber']}")
    if package.get("textOnLabel"):
        lines.append(str(package["textOnLabel"]))
    return lines


def summary_lines(item: Labelled, fields: list[str]) -> list[tuple[str, str]]:
    """The report's (field, value) rows for one shipment, in the order of REPORT_FIELDS."""
    shipment, order = item.shipment, item.order or {}
    packages = shipment["packages"]
    values = {
        "WAYBILL": ", ".join(p["waybill"] for p in packages),
        "ORDER_ID": str(order.get("id") or ""),
        "BUYER_LOGIN": str((order.get("buyer") or {}).get("login") or ""),
        "ITEMS": "; ".join(f"{li['quantity']} x {li['offer']['name']}" for li in order.get("lineItems") or []),
        "DIMS_AND_WEIGHT": "; ".join(_package_line(p) for p in packages),
        "ADD_LABEL_TEXT": "; ".join(str(p["textOnLabel"]) for p in packages if p.get("textOnLabel")),
        "NOTES_FOR_ORDER": str(order.get("messageToSeller") or ""),
        "REF_NUMBER": str(shipment.get("referenceNumber") or ""),
        "COD": (f"{shipment['cashOnDelivery']['amount']} {shipment['cashOnDelivery']['currency']}"
                if shipment.get("cashOnDelivery") else ""),
        "INSURANCE": (f"{shipment['insurance']['amount']} {shipment['insurance']['currency']}"
                      if shipment.get("insurance") else ""),
    }
    return [(name, values[name]) for name in REPORT_FIELDS if name in fields]


# --- PDF --------------------------------------------------------------------------------------------------------------
def _barcode(pdf: Any, text: str, x: float, y: float, width: float, height: float) -> None:
    """The waybill as Code 128 bars, filled rectangles, `width` mm wide at most (0.5 mm modules at most)."""
    module = min(0.5, width / code128.modules(text))
    pdf.set_fill_color(0, 0, 0)
    at = x
    for n, bar in enumerate(code128.widths(text)):
        if n % 2 == 0:
            pdf.rect(at, y, bar * module, height, style="F")
        at += bar * module


def _text(pdf: Any, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
    pdf.set_font("Helvetica", "B" if bold else "", size)
    pdf.text(x, y, latin1(text))


def _label_page(pdf: Any, parcel: Parcel, cut_line: bool, a4: bool) -> None:
    shipment, package = parcel.shipment, parcel.package
    pdf.add_page()
    if a4 and cut_line:
        pdf.set_dash_pattern(dash=2, gap=1.5)
        pdf.line(A6[0], 0, A6[0], A6[1])
        pdf.line(0, A6[1], A6[0], A6[1])
        pdf.set_dash_pattern()
    carrier = carrier_name(shipment["carrier"])
    _text(pdf, 6, 11, carrier, 16, bold=True)
    _text(pdf, 6, 17, parcel.service_name, 8)
    _text(pdf, 80, 11, f"{parcel.index}/{parcel.count}", 14, bold=True)
    pdf.line(5, 20, 100, 20)
    y = 25.0
    for title, address in (("Nadawca / Sender", shipment["sender"]), ("Odbiorca / Receiver", shipment["receiver"])):
        _text(pdf, 6, y, title, 7, bold=True)
        y += 4.5
        for n, line in enumerate(_address_lines(address)):
            _text(pdf, 6, y, line, 10 if title.startswith("Odbiorca") and n < 2 else 8)
            y += 4.2
        y += 2
    _barcode(pdf, package["waybill"], 7, y + 1, 91, 22)
    _text(pdf, 7, y + 29, package["waybill"], 13, bold=True)
    y += 36
    _text(pdf, 6, y, _package_line(package), 8)
    for line in _extras(shipment, package):
        y += 4.5
        _text(pdf, 6, y, line, 9, bold=line.startswith("POBRANIE"))
    _text(pdf, 6, 143, f"{shipment['id']}  {shipment['createdDate'][:10]}", 6)


def _report_page(pdf: Any, items: list[Labelled]) -> None:
    pdf.add_page()
    _text(pdf, 6, 11, "Raport / Summary report", 12, bold=True)
    y = 19.0
    for item in items:
        for name, value in item.summary:
            if y > 140:
                pdf.add_page()
                y = 11.0
            _text(pdf, 6, y, f"{name}: {value}", 7)
            y += 4.2
        y += 3


def render_pdf(items: list[Labelled], page_size: str, cut_line: bool, placement: str | None) -> bytes:
    from fpdf import FPDF  # imported on first use: only labels and protocols need it

    a4 = page_size == "A4"
    pdf = FPDF(unit="mm", format=A4 if a4 else A6)
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    first = items[0].shipment
    pdf.set_creation_date(dt.datetime.fromtimestamp(parse_time(first["createdDate"]) / 1000, dt.UTC))
    pdf.set_title(f"Etykiety {first['id']}")
    pdf.set_author("Allegro")
    for item in items:
        for parcel in parcels([item]):
            _label_page(pdf, parcel, cut_line, a4)
        if placement == "EVERY":
            _report_page(pdf, [item])
    if placement == "LAST":
        _report_page(pdf, items)
    return bytes(pdf.output())


# --- ZPL --------------------------------------------------------------------------------------------------------------
def _zpl_text(text: Any) -> str:
    """A ^FD field's text: `^` and `~` would start commands, so they go as their hex escapes (`^FH`)."""
    return str(text).replace("_", "_5F").replace("^", "_5E").replace("~", "_7E")


def _zpl_field(x: int, y: int, size: int, text: Any) -> str:
    return f"^FO{x},{y}^A0N,{size},{size}^FH^FD{_zpl_text(text)}^FS"


def _zpl_label(parcel: Parcel) -> str:
    shipment, package = parcel.shipment, parcel.package
    lines = ["^XA", "^CI28", "^PW812", "^LL1218",
             _zpl_field(30, 30, 50, carrier_name(shipment["carrier"])),
             _zpl_field(30, 90, 26, parcel.service_name),
             _zpl_field(640, 30, 50, f"{parcel.index}/{parcel.count}"),
             "^FO30,130^GB752,3,3^FS"]
    y = 150
    for title, address in (("Nadawca / Sender", shipment["sender"]), ("Odbiorca / Receiver", shipment["receiver"])):
        lines.append(_zpl_field(30, y, 24, title))
        y += 32
        for line in _address_lines(address):
            lines.append(_zpl_field(30, y, 30 if title.startswith("Odbiorca") else 24, line))
            y += 34
        y += 12
    lines.append(f"^FO40,{y + 10}^BY3^BCN,200,N,N,N^FD{package['waybill']}^FS")
    lines.append(_zpl_field(40, y + 225, 44, package["waybill"]))
    y += 290
    lines.append(_zpl_field(30, y, 26, _package_line(package)))
    for line in _extras(shipment, package):
        y += 36
        lines.append(_zpl_field(30, y, 30, line))
    lines.append(_zpl_field(30, 1170, 20, f"{shipment['id']}  {shipment['createdDate'][:10]}"))
    lines.append("^XZ")
    return "\n".join(lines)


def _zpl_report(items: list[Labelled]) -> str:
    lines = ["^XA", "^CI28", "^PW812", "^LL1218", _zpl_field(30, 30, 36, "Raport / Summary report")]
    y = 90
    for item in items:
        for name, value in item.summary:
            lines.append(_zpl_field(30, y, 22, f"{name}: {value}"))
            y += 30
        y += 16
    lines.append("^XZ")
    return "\n".join(lines)


def render_zpl(items: list[Labelled], placement: str | None) -> bytes:
    blocks = []
    for item in items:
        blocks += [_zpl_label(parcel) for parcel in parcels([item])]
        if placement == "EVERY":
            blocks.append(_zpl_report([item]))
    if placement == "LAST":
        blocks.append(_zpl_report(items))
    return ("\n".join(blocks) + "\n").encode()
