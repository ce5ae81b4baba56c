"""The test run prints nothing but pytest's own progress (issue 20: a `[import of 2000 orders: …]` line used to come
out of a test through `capsys.disabled()`). Output a test wants to show belongs in an assertion's message, and
timings in benchmarks/: no test reaches past pytest's capture to the terminal."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
# Ways past pytest's capture: the capture fixtures switched off, or the interpreter's original streams.
PAST_CAPTURE = re.compile(r"\b(?:capsys|capfd|capsysbinary|capfdbinary)\.disabled\(|sys\.__stdout__|sys\.__stderr__")


def test_no_test_writes_past_the_capture() -> None:
    this = Path(__file__).resolve()   # its docstring names what it looks for
    offenders = [f"{path.relative_to(TESTS)}:{n}" for path in sorted(TESTS.rglob("*.py")) if path != this
                 for n, line in enumerate(path.read_text().splitlines(), 1) if PAST_CAPTURE.search(line)]
    assert offenders == []
