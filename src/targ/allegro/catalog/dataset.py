"""Loading the committed reference dataset: lazily, once per process (never at server start).

The files are read on the first request that needs them and kept for the life of the process: they are immutable
reference data, identical for every world, so a reset does not touch them. Times in the dataset are day offsets
from the world's clock start (`at_day`), so campaign windows and category history stay meaningful whatever date
the virtual clock starts at.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from targ.world import World

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
CATEGORIES = "allegro-categories.json"
DELIVERY = "allegro-delivery.json"
COMPATIBILITY = "allegro-compatibility.json"
REFERENCE = "allegro-reference.json"

DAY_MS = 86_400_000
MINUTE_MS = 60_000


@cache
def load(name: str) -> dict[str, Any]:
    """One dataset file, parsed once per process. Callers must not mutate what they get."""
    return orjson.loads((DATA_DIR / name).read_bytes())


def anchor_ms(world: World) -> int:
    """Midnight (UTC) of the day the world's clock starts: day 0 of the dataset's relative times."""
    return world.start_ms - world.start_ms % DAY_MS


def at_day(world: World, day: int, minute: int = 0) -> int:
    return anchor_ms(world) + day * DAY_MS + minute * MINUTE_MS


def iso_seconds(ms: int) -> str:
    """`2026-01-01T10:15:30Z`: the second-precision form the campaign resources use in the spec's examples."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


