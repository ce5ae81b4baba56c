"""What every dataset module shares: locations, the file format and the seeded source of everything arbitrary."""

from __future__ import annotations

import random
import uuid
from pathlib import Path
from typing import Any

# tools/dataset/base.py -> the repository root is three levels up.
REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "src" / "targ" / "data"
FORMAT = 1
# When the reference data that supports If-Modified-Since last changed (HTTP-date semantics, UTC).
MODIFIED_AT = "2025-12-15T06:00:00Z"

Json = Any


class Draw:
    """Everything arbitrary comes from here, in a fixed order, so one seed gives one dataset."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.taken: set[str] = set()

    def number(self, low: int, high: int) -> str:
        while True:
            value = str(self.rng.randint(low, high))
            if value not in self.taken:
                self.taken.add(value)
                return value

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
