"""Waybills (carrier tracking numbers) as each carrier writes them, drawn from the world's ids (deterministic per
seed). Shaped on numbers seen in the vendor's tracker and the spec: InPost 24 digits (#10196), DPD 13 digits and
`U` (the spec's example `1019374227038U`), Pocztex 20 digits, UPS `1Z…`, Packeta `Z` and 10 digits; the others
follow their carriers' published formats."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from targ.world import World

DIGITS = "0123456789"
UPPER = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# carrier → (prefix, digits drawn, suffix)
FORMATS: dict[str, tuple[str, int, str]] = {
    "INPOST": ("6", 23, ""),
    "DPD": ("1", 12, "U"),
    "DPD_SK": ("1", 13, ""),
    "ALLEGRO": ("A", 15, ""),
    "POCZTA_POLSKA": ("0065900", 13, ""),
    "DHL": ("", 11, ""),
    "ORLEN": ("2", 12, ""),
    "PACKETA": ("Z", 10, ""),
    "PPL": ("4", 10, ""),
    "FOXPOST": ("CLFOX", 10, ""),
}


def next_waybill(world: World, carrier: str) -> str:
    """A new waybill of `carrier`."""
    if carrier == "UPS":
        # 1Z, a 6-character shipper number, a 2-digit service code, 8 digits.
        return f"1Z{world.ids.token('waybill:UPS:account', 6, UPPER)}68{world.ids.token('waybill:UPS', 8, DIGITS)}"
    prefix, length, suffix = FORMATS[carrier]
    return f"{prefix}{world.ids.token(f'waybill:{carrier}', length, DIGITS)}{suffix}"
