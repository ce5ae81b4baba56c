from __future__ import annotations

import pytest

from targ.clock import format_duration, iso, parse_duration, parse_time


@pytest.mark.parametrize(("text", "ms"), [
    ("PT36H", 36 * 3600_000), ("P7D", 7 * 86400_000), ("PT0.5S", 500), ("P1DT1H1M1S", 90061_000), ("PT0S", 0),
])
def test_parse_duration(text: str, ms: int) -> None:
    assert parse_duration(text) == ms
    assert parse_duration(format_duration(ms)) == ms


@pytest.mark.parametrize("text", ["", "P", "PT", "36H", "P1Y", "PT1H30", "soon", "P1DT"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_time_round_trip() -> None:
    ms = parse_time("2026-01-01T00:00:00Z")
    assert iso(ms) == "2026-01-01T00:00:00.000Z"
    assert parse_time("2026-01-01T01:00:00+01:00") == ms
    assert iso(ms + 1234) == "2026-01-01T00:00:01.234Z"
