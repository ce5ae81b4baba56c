"""Working days of the four marketplaces' countries, for courier pickups (targ.allegro.shipping.pickups): Monday to
Friday except public holidays. Holidays: each country's statutory days off (Poland's Christmas Eve from 2025), with
Easter's moving ones: Easter Monday everywhere, Good Friday in Czechia, Slovakia and Hungary, Whit Monday in
Hungary, Corpus Christi in Poland."""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo

FIXED: dict[str, tuple[tuple[int, int], ...]] = {
    "PL": ((1, 1), (1, 6), (5, 1), (5, 3), (8, 15), (11, 1), (11, 11), (12, 24), (12, 25), (12, 26)),
    "CZ": ((1, 1), (5, 1), (5, 8), (7, 5), (7, 6), (9, 28), (10, 28), (11, 17), (12, 24), (12, 25), (12, 26)),
    "SK": ((1, 1), (1, 6), (5, 1), (5, 8), (7, 5), (8, 29), (9, 15), (11, 1), (11, 17), (12, 24), (12, 25),
           (12, 26)),
    "HU": ((1, 1), (3, 15), (5, 1), (8, 20), (10, 23), (11, 1), (12, 25), (12, 26)),
}
# Days after Easter Sunday.
MOVING: dict[str, tuple[int, ...]] = {"PL": (1, 60), "CZ": (-2, 1), "SK": (-2, 1), "HU": (-2, 1, 50)}
ZONES = {"PL": "Europe/Warsaw", "CZ": "Europe/Prague", "SK": "Europe/Bratislava", "HU": "Europe/Budapest"}


def zone(country: str) -> ZoneInfo:
    return ZoneInfo(ZONES.get(country, "Europe/Warsaw"))


def easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


@cache
def holidays(country: str, year: int) -> frozenset[dt.date]:
    known = country if country in FIXED else "PL"
    fixed = {dt.date(year, m, d) for m, d in FIXED[known]}
    if known == "PL" and year < 2025:
        fixed.discard(dt.date(year, 12, 24))   # a day off in Poland from 2025 on
    sunday = easter(year)
    return frozenset(fixed | {sunday + dt.timedelta(days=n) for n in MOVING[known]})


def working_day(day: dt.date, country: str) -> bool:
    return day.weekday() < 5 and day not in holidays(country, day.year)
