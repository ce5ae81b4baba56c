"""The export filter operators, on plain records (no server): every operator of the vendor's FiltersCondition."""

from __future__ import annotations

from typing import Any

import pytest

from targ.clock import parse_time
from targ.http.errors import VoucherifyError
from targ.voucherify.exports.filters import OPERATORS, build_filter, check_filters

NOW = parse_time("2026-03-10T12:00:00Z")
RECORDS = {
    "a": {"amount": 100, "status": "PAID", "source_id": "web-1", "tags": ["x", "y"], "flag": True,
          "created_at": parse_time("2026-03-09T08:00:00Z")},
    "b": {"amount": 2500, "status": "CREATED", "source_id": "shop-2", "tags": [], "flag": False,
          "created_at": parse_time("2026-03-01T00:00:00Z")},
    "c": {"amount": None, "status": "CANCELED", "source_id": None, "tags": ["y"], "flag": None,
          "created_at": parse_time("2026-03-15T00:00:00Z")},
}


def select(filters: dict[str, Any]) -> list[str]:
    keep = build_filter(filters, lambda record, name: record.get(name), NOW)
    return [k for k, record in RECORDS.items() if keep(record)]


CASES: list[tuple[str, str, Any, list[str]]] = [
    ("status", "$in", ["PAID", "CANCELED"], ["a", "c"]),
    ("status", "$not_in", ["PAID"], ["b", "c"]),
    ("status", "$is", ["CREATED"], ["b"]),
    ("status", "$is_not", "CREATED", ["a", "c"]),
    ("amount", "$is", "100", ["a"]),
    ("source_id", "$has_value", True, ["a", "b"]),
    ("source_id", "$is_unknown", True, ["c"]),
    ("tags", "$has_value", True, ["a", "c"]),
    ("source_id", "$contains", "op", ["b"]),
    ("source_id", "$not_contain", "web", ["b", "c"]),
    ("source_id", "$starts_with", "web", ["a"]),
    ("source_id", "$ends_with", ["-2"], ["b"]),
    ("tags", "$contains", "y", ["a", "c"]),
    ("tags", "$in", ["x"], ["a"]),
    ("flag", "$is", "true", ["a"]),
    ("amount", "$more_than", 100, ["b"]),
    ("amount", "$more_than_equal", [100], ["a", "b"]),
    ("amount", "$less_than", 2500, ["a"]),
    ("amount", "$less_than_equal", 2500, ["a", "b"]),
    ("created_at", "$after", "2026-03-05", ["a", "c"]),
    ("created_at", "$before", ["2026-03-09T08:00:00.001Z"], ["a", "b"]),
    ("created_at", "$more_than", "2026-03-09T08:00:00Z", ["c"]),
    ("created_at", "$is", "2026-03-01", ["b"]),
    ("created_at", "$is", "2026-03-09T08:00:00.000Z", ["a"]),
    ("created_at", "$is_days_ago", 1, ["a"]),
    ("created_at", "$is_days_in_future", [5], ["c"]),
    ("created_at", "$more_than_ago", 2, ["b"]),
    ("created_at", "$less_than_ago", 2, ["a"]),
    ("created_at", "$more_than_future", 3, ["c"]),
    ("created_at", "$less_than_future", 3, []),
    ("tags", "$count", 2, ["a"]),
    ("tags", "$count_less", 2, ["b", "c"]),
    ("tags", "$count_more", 0, ["a", "c"]),
]


@pytest.mark.parametrize(("field", "op", "value", "expected"), CASES)
def test_operator(field: str, op: str, value: Any, expected: list[str]) -> None:
    assert select({field: {"conditions": {op: value}}}) == expected


def test_every_documented_operator_is_covered() -> None:
    assert {op for _, op, _, _ in CASES} == set(OPERATORS)


def test_junctions() -> None:
    both = {"status": {"conditions": {"$is": "PAID"}}, "amount": {"conditions": {"$more_than": 1000}}}
    assert select(both) == [] and select({**both, "junction": "and"}) == []
    assert select({**both, "junction": "or"}) == ["a", "b"]
    assert select({"amount": {"conditions": {"$more_than": 50, "$less_than": 500}}}) == ["a"]
    assert select({}) == select({"junction": "and"}) == ["a", "b", "c"]


@pytest.mark.parametrize("filters", [
    {"status": {"conditions": {"$like": "x"}}},
    {"colour": {"conditions": {"$is": "x"}}},
    {"status": {"$is": "PAID"}},
    {"metadata.": {"conditions": {"$is": "x"}}},
    {"junction": "xor"},
])
def test_unreadable_filters_are_refused(filters: dict[str, Any]) -> None:
    with pytest.raises(VoucherifyError) as err:
        check_filters(filters, frozenset({"status"}))
    assert err.value.status == 400 and err.value.key == "invalid_payload"


def test_metadata_keys_are_always_filterable() -> None:
    check_filters({"metadata.anything": {"conditions": {"$is": 1}}, "junction": "or"}, frozenset())
