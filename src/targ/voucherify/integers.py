"""Numbers beyond what Voucherify can hold.

Voucherify amounts are integers in minor units, and its API runs on JavaScript numbers: past 2^53 - 1
(`Number.MAX_SAFE_INTEGER`) an integer no longer survives a round trip (2^70 comes back as 1.18e+21, as targ used to
echo it). A body with any number beyond that range, anywhere, is refused as `invalid_payload` naming the property,
in the wording of the vendor's other range errors ("Property .amount cannot be lower than 0").
"""

from __future__ import annotations

from typing import Any

from targ.spec.validate import Problem, render_path

MAX_SAFE = 2**53 - 1


def out_of_range(body: Any) -> list[Problem]:
    """The first number in `body` beyond ±(2^53 - 1), as a body problem (empty when there is none)."""
    found = _first(body, [])
    if found is None:
        return []
    path, value = found
    bound = "greater than 9007199254740991" if value > 0 else "lower than -9007199254740991"
    return [Problem("body", path, f"{path} cannot be {bound}", "maximum", {"limit": MAX_SAFE})]


def _first(node: Any, parts: list[str | int]) -> tuple[str, float] | None:
    if isinstance(node, bool):
        return None
    if isinstance(node, int | float):
        return (render_path(parts), node) if abs(node) > MAX_SAFE else None
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        found = _first(child, [*parts, key])
        if found is not None:
            return found
    return None
