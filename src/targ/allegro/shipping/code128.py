"""Code 128 (ISO/IEC 15417), the symbology carriers print waybills in: a text as bar and space widths.

Code set C (two digits a symbol) for an even number of digits, code set B (printable ASCII) otherwise; a start
symbol, the data, the modulo-103 check symbol and the stop pattern. Widths are in modules, bars and spaces
alternating from a bar; every symbol is 11 modules (the stop 13)."""

from __future__ import annotations

PATTERNS = (
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
STOP = "2331112"
START_B, START_C = 104, 105


def symbols(text: str) -> list[int]:
    """The symbol values: start, data, check (the stop pattern is not a value)."""
    if not text:
        raise ValueError("Code 128 needs at least one character")
    if text.isdigit() and len(text) % 2 == 0:
        values = [START_C] + [int(text[i:i + 2]) for i in range(0, len(text), 2)]
    else:
        if any(not 32 <= ord(c) <= 126 for c in text):
            raise ValueError(f"code set B takes printable ASCII only: {text!r}")
        values = [START_B] + [ord(c) - 32 for c in text]
    check = (values[0] + sum(i * v for i, v in enumerate(values[1:], start=1))) % 103
    return [*values, check]


def widths(text: str) -> list[int]:
    """Bar and space widths in modules, from the first bar to the last (no quiet zones)."""
    return [int(w) for value in symbols(text) for w in PATTERNS[value]] + [int(w) for w in STOP]


def modules(text: str) -> int:
    return sum(widths(text))
