"""Export filters: `{"junction": "and"|"or", "<field>": {"conditions": {"$op": value}}, "metadata.<key>": ...}`.

The operators are those of the vendor's `FiltersCondition`. A condition's value may be an array (the schema) or a
scalar (the documented examples, `"$more_than": 100000`): both are read. Dates compare as instants (a date without
a time is its UTC midnight; `$is` with a bare date means that UTC day); numbers as numbers; everything else as text.
A field holding a list (metadata) matches `$in`/`$is`/`$contains` when any element does, and counts with `$count`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from targ.clock import parse_time
from targ.voucherify.common import invalid_payload

DAY_MS = 86_400_000
OPERATORS = (
    "$in", "$not_in", "$is", "$is_days_ago", "$is_days_in_future", "$is_not", "$has_value", "$is_unknown",
    "$contains", "$not_contain", "$starts_with", "$ends_with", "$more_than", "$less_than", "$more_than_ago",
    "$less_than_ago", "$more_than_future", "$less_than_future", "$more_than_equal", "$less_than_equal", "$after",
    "$before", "$count", "$count_less", "$count_more",
)
# The vendor's own answer to a filter it cannot read (create-order-export's documented 400).
BAD_FILTERS = ("Property .parameters.filters should match either `filters[${field}][conditions][${condition}]"
               "[${index}]` or `filters[${field}][conditions][${condition}]` format and condition must be one of: "
               + ", ".join(OPERATORS))

Getter = Callable[[dict[str, Any], str], Any]
Filter = Callable[[dict[str, Any]], bool]


def check_filters(filters: dict[str, Any] | None, fields: frozenset[str]) -> None:
    """Raises the vendor's `invalid_payload` for an unknown field, junction or operator. `fields` are the
    filterable fields; `metadata.<key>` is always allowed."""
    for name, spec in (filters or {}).items():
        if name == "junction":
            if spec not in ("and", "or"):
                raise invalid_payload("Property .parameters.filters.junction should be equal to one of the allowed "
                                      "values [ and, or ]")
            continue
        known = name in fields or (name.startswith("metadata.") and len(name) > len("metadata."))
        conditions = spec.get("conditions") if isinstance(spec, dict) else None
        if not known or not isinstance(conditions, dict) or any(op not in OPERATORS for op in conditions):
            raise invalid_payload(BAD_FILTERS)


def build_filter(filters: dict[str, Any] | None, get: Getter, now_ms: int) -> Filter:
    """A predicate over records; `get(record, field)` reads a field (dates as ms, `metadata.<key>` included)."""
    tests = [(name, op, value) for name, spec in (filters or {}).items() if name != "junction"
             for op, value in spec["conditions"].items()]
    combine = any if (filters or {}).get("junction") == "or" else all

    def keep(record: dict[str, Any]) -> bool:
        return combine(_matches(get(record, name), op, value, now_ms) for name, op, value in tests)
    return keep


def _matches(have: Any, op: str, value: Any, now: int) -> bool:
    values = value if isinstance(value, list) else [value]
    first = values[0] if values else None
    present = have not in (None, "", [], {})
    if op in ("$has_value", "$is_unknown"):
        return present == (op == "$has_value")
    if op.startswith("$count"):
        size = len(have) if isinstance(have, list | dict) else (0 if have is None else 1)
        want = _number(first)
        return want is not None and {"$count": size == want, "$count_less": size < want,
                                     "$count_more": size > want}[op]
    if op in ("$in", "$not_in", "$is", "$is_not"):
        hit = any(_equal(h, v) for h in _elements(have) for v in (values if op.endswith("in") else [first]))
        return hit if op in ("$in", "$is") else not hit
    if op in ("$contains", "$not_contain", "$starts_with", "$ends_with"):
        return _text_test(have, op, first)
    if not present:
        return False
    if op.endswith(("_ago", "_future")):
        return _relative(have, op, _number(first), now)
    return _compare(have, op, first)


def _elements(have: Any) -> list[Any]:
    return have if isinstance(have, list) else [have]


def _equal(have: Any, want: Any) -> bool:
    if have is None or want is None:
        return have is None and want is None
    if isinstance(have, bool) or isinstance(want, bool):
        return str(have).lower() == str(want).lower()
    if isinstance(have, int | float):
        number = _number(want)
        if number is not None and number == have:
            return True
        # A date field (ms) against a date text: the same instant, or the same UTC day for a bare date.
        when = _time(want)
        if when is None:
            return False
        return have // DAY_MS == when // DAY_MS if len(str(want)) == 10 else have == when
    return str(have) == str(want)


def _text_test(have: Any, op: str, want: Any) -> bool:
    if isinstance(have, list):
        hit = any(_equal(h, want) for h in have) if op in ("$contains", "$not_contain") else False
    elif have is None or want is None:
        hit = False
    else:
        text, part = str(have), str(want)
        hit = {"$contains": part in text, "$not_contain": part in text, "$starts_with": text.startswith(part),
               "$ends_with": text.endswith(part)}[op]
    return not hit if op == "$not_contain" else hit


def _compare(have: Any, op: str, want: Any) -> bool:
    """$more_than, $less_than, $more_than_equal, $less_than_equal, $after, $before."""
    left, right = _number(have), _number(want)
    if op in ("$after", "$before") or right is None:
        left = _time(have) if not isinstance(have, int | float) else have
        right = _time(want)
    if left is None or right is None:
        return False
    return {"$more_than": left > right, "$less_than": left < right, "$more_than_equal": left >= right,
            "$less_than_equal": left <= right, "$after": left > right, "$before": left < right}[op]


def _relative(have: Any, op: str, days: float | None, now: int) -> bool:
    """Conditions counted in days from now ($is_days_ago, $more_than_ago, $less_than_future, ...)."""
    when = have if isinstance(have, int | float) else _time(have)
    if when is None or days is None:
        return False
    span = int(days * DAY_MS)
    if op == "$is_days_ago":
        return when // DAY_MS == (now - span) // DAY_MS
    if op == "$is_days_in_future":
        return when // DAY_MS == (now + span) // DAY_MS
    return {"$more_than_ago": when < now - span, "$less_than_ago": now - span <= when <= now,
            "$more_than_future": when > now + span, "$less_than_future": now <= when <= now + span}[op]


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _time(value: Any) -> int | None:
    if not isinstance(value, str):
        return None
    try:
        return parse_time(value)
    except ValueError:
        return None
