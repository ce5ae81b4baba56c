"""Reading the waybills back from the files: a Code 128 decoder of its own (written from the symbology, not from
targ's encoder) that reads the bars a PDF page draws, and a reader of ZPL's `^BC` fields."""

from __future__ import annotations

import re
from typing import Any

import pypdf
from pypdf.generic import ContentStream

# ISO/IEC 15417's symbol table: value → bar/space widths (modules), bars first.
TABLE = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232",
)
VALUE = {pattern: value for value, pattern in enumerate(TABLE)}
STOP = "2331112"


def decode(widths: list[int]) -> str:
    """Text of a Code 128 symbol given its bar and space widths in modules (start B or C; the check verified)."""
    symbols = ["".join(map(str, widths[i:i + 6])) for i in range(0, len(widths) - 7, 6)]
    assert "".join(map(str, widths[-7:])) == STOP, "no stop pattern"
    values = [VALUE[s] for s in symbols]
    start, data, check = values[0], values[1:-1], values[-1]
    assert (start + sum(i * v for i, v in enumerate(data, start=1))) % 103 == check, "bad check symbol"
    if start == 105:
        return "".join(f"{v:02d}" for v in data)
    assert start == 104, f"unexpected start {start}"
    return "".join(chr(v + 32) for v in data)


def page_barcodes(reader: pypdf.PdfReader, page: Any) -> list[str]:
    """Every Code 128 symbol a page draws as filled rectangles (`re` … `f`), read left to right by rows."""
    ops = ContentStream(page.get_contents(), reader).operations
    rects = [tuple(float(v) for v in operands) for operands, op in ops if op == b"re"]
    rows: dict[tuple[float, float], list[tuple[float, float]]] = {}
    for x, y, w, h in rects:
        if abs(h) > 20:   # bars are tall and thin; a page's other rectangles (table cells) are short
            rows.setdefault((round(min(y, y + h), 1), round(abs(h), 1)), []).append((x, w))
    found = []
    for bars in rows.values():
        bars.sort()
        module = min(w for _, w in bars)
        widths: list[int] = []
        for n, (x, w) in enumerate(bars):
            if n:
                prev_x, prev_w = bars[n - 1]
                widths.append(round((x - prev_x - prev_w) / module))
            widths.append(round(w / module))
        found.append(decode(widths))
    return found


def zpl_blocks(zpl: str) -> list[str]:
    blocks = re.findall(r"\^XA(.*?)\^XZ", zpl, re.S)
    assert zpl.count("^XA") == zpl.count("^XZ") == len(blocks)
    return blocks


def zpl_barcodes(block: str) -> list[str]:
    """The data of each Code 128 field (`^BC…^FD<data>^FS`) of a label."""
    return re.findall(r"\^BC[^\^]*\^FD([^\^]*)\^FS", block)


def zpl_texts(block: str) -> list[str]:
    """The text fields (`^FH^FD…^FS`), their `_hh` escapes decoded."""
    return [re.sub(r"_([0-9A-Fa-f]{2})", lambda m: chr(int(m[1], 16)), t)
            for t in re.findall(r"\^FH\^FD([^\^]*)\^FS", block)]
