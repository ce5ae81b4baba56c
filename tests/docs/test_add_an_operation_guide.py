"""docs/add-an-operation.md is true: each code block it shows under a file name is that file's text."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "add-an-operation.md"
BLOCK = re.compile(r"`([\w/.]+\.py)`:\n\n```python\n(.*?)```", re.S)


def test_every_quoted_block_is_in_its_file() -> None:
    blocks = BLOCK.findall(GUIDE.read_text())
    assert len(blocks) >= 2
    for path, code in blocks:
        assert code in (ROOT / path).read_text(), f"{path} no longer holds the block the guide shows"
