"""The docs cite only what is in the repository (issue 20: seven places cited `../shared/...`, files a clone does
not have). The implementers' notes they cite are copied in docs/reference/, held here to the sha256 its README lists
and, for the two that are spec-bundle inputs, to the sha256 the bundle records."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "reference"
# What targ's own docs are: the README, docs/ and benchmarks/README.md; not the copied notes, which quote their
# own sources as they were written.
OWN_DOCS = [ROOT / "README.md", ROOT / "benchmarks" / "README.md", *sorted((ROOT / "docs").glob("*.md")),
            REFERENCE / "README.md"]
MD_NAME = re.compile(r"[A-Za-z0-9_./-]+\.md\b")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_doc_points_outside_the_repository() -> None:
    outside = [f"{doc.relative_to(ROOT)}:{n}" for doc in OWN_DOCS
               for n, line in enumerate(doc.read_text().splitlines(), 1) if "../shared" in line or "/work/" in line]
    assert outside == []


def _resolves(name: str) -> bool:
    candidates = [ROOT / name, ROOT / "docs" / name, REFERENCE / name, REFERENCE / Path(name).name]
    return any(path.is_file() for path in candidates)


def test_every_markdown_file_the_docs_name_is_in_the_repository() -> None:
    missing = sorted({f"{doc.relative_to(ROOT)}: {name}" for doc in OWN_DOCS
                      for name in MD_NAME.findall(doc.read_text()) if not _resolves(name.lstrip("./"))})
    assert missing == []


def test_the_copied_notes_are_the_ones_listed() -> None:
    listed = dict(re.findall(r"^\| `([a-z-]+\.md)` \|.*\| `([0-9a-f]{64})` \|$", (REFERENCE / "README.md").read_text(),
                             re.M))
    copies = {path.name: sha256(path) for path in REFERENCE.glob("*.md") if path.name != "README.md"}
    assert listed == copies and len(copies) == 4


def test_the_notes_the_bundle_is_built_from_are_the_copies() -> None:
    for vendor in ("allegro", "voucherify"):
        sources = orjson.loads((ROOT / "src" / "targ" / "spec" / "bundle" / f"{vendor}.json").read_bytes())["sources"]
        notes = [s for s in sources if s["file"].startswith("reference/")]
        assert notes, vendor
        for source in notes:
            assert sha256(REFERENCE / Path(source["file"]).name) == source["sha256"], source["file"]
