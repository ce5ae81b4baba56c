"""The hand-over protocol (`POST /shipment-management/protocol`): the list a courier signs when taking parcels, as a
real A4 PDF.

"Protocol availability depends on Carrier" (the spec): carriers whose couriers come for parcels (those that take
pickups) have one; drop-off-only carriers (ORLEN Paczka, Packeta, Foxpost) have none, and a request with nothing
else answers 204 "No Protocol For Given Parcels". Shipments of several carriers get one protocol each, a page (or
more) per carrier, in the order the carriers first appear. Each lists, per shipment, its waybills, the receiver,
the parcels' count and weight and the cash-on-delivery amount, with totals and the sender's and courier's
signature fields. The PDF is stamped with the time it was asked for (the virtual clock).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from targ.allegro.shipping.labels import latin1
from targ.allegro.shipping.shipments import carrier_name
from targ.json_types import Json

ROWS_PER_PAGE = 28


def _cell(pdf: Any, width: float, text: str, bold: bool = False, size: float = 8) -> None:
    pdf.set_font("Helvetica", "B" if bold else "", size)
    pdf.cell(width, 7, latin1(text), border=1)


def _header(pdf: Any, carrier: str, sender: Json, now: dt.datetime) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.set_xy(15, 15)
    pdf.cell(180, 8, latin1(f"Protokół nadania przesyłek / Shipment handover protocol: {carrier}"))
    pdf.set_font("Helvetica", "", 9)
    pdf.set_xy(15, 25)
    who = sender.get("company") or sender.get("name") or ""
    pdf.cell(180, 5, latin1(f"Nadawca / Sender: {who}, {sender.get('street', '')}, {sender.get('postalCode', '')} "
                            f"{sender.get('city', '')}"))
    pdf.set_xy(15, 31)
    pdf.cell(180, 5, f"Data / Date: {now:%Y-%m-%d %H:%M}")
    pdf.set_xy(15, 40)
    for width, title in ((10, "Lp."), (52, "Waybill"), (58, "Odbiorca / Receiver"), (18, "Paczki"), (20, "kg"),
                         (22, "COD")):
        _cell(pdf, width, title, bold=True)
    pdf.ln()


def render(groups: list[tuple[str, list[Json]]], now: dt.datetime) -> bytes:
    """One protocol per (carrier id, its shipments)."""
    from fpdf import FPDF  # imported on first use

    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(now)
    pdf.set_title("Protokol nadania")
    pdf.set_author("Allegro")
    for carrier_id, group in groups:
        carrier = carrier_name(carrier_id)
        _header(pdf, carrier, group[0]["sender"], now)
        parcels, weight = 0, Decimal(0)
        for n, shipment in enumerate(group, start=1):
            if n > 1 and (n - 1) % ROWS_PER_PAGE == 0:
                _header(pdf, carrier, group[0]["sender"], now)
            packages = shipment["packages"]
            kg = sum((Decimal(str(p["weight"]["value"])) for p in packages), Decimal(0))
            parcels, weight = parcels + len(packages), weight + kg
            receiver = shipment["receiver"]
            cod = shipment.get("cashOnDelivery")
            pdf.set_x(15)
            _cell(pdf, 10, str(n))
            _cell(pdf, 52, ", ".join(p["waybill"] for p in packages), size=7)
            _cell(pdf, 58, f"{receiver.get('name') or receiver.get('company') or ''}, {receiver.get('city', '')}")
            _cell(pdf, 18, str(len(packages)))
            _cell(pdf, 20, f"{kg.normalize():f}")
            _cell(pdf, 22, f"{cod['amount']} {cod['currency']}" if cod else "-")
            pdf.ln()
        pdf.set_x(15)
        _cell(pdf, 120, f"Razem / Total: {len(group)}", bold=True)
        _cell(pdf, 18, str(parcels), bold=True)
        _cell(pdf, 20, f"{weight.normalize():f}", bold=True)
        _cell(pdf, 22, "")
        pdf.set_font("Helvetica", "", 9)
        pdf.set_xy(15, 270)
        pdf.cell(85, 5, latin1("Podpis nadawcy / Sender's signature"), border="T")
        pdf.set_xy(110, 270)
        pdf.cell(85, 5, latin1("Podpis kuriera / Courier's signature"), border="T")
    return bytes(pdf.output())
