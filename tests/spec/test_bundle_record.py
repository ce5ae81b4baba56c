"""`tools/compile_specs.py --check` in a checkout without the vendor specs (issue 20): it no longer skips, it checks
the committed bundle and the compiler against `tools/specs/last-build.json`, and fails when either changed since the
last build from the specs. Run on a copy of the tools and the bundle, so the checkout itself is never changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = Path("src/targ/spec/bundle")


def checkout_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "tools", copy / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / BUNDLE, copy / BUNDLE)
    return copy


def check(copy: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(copy / "tools" / "compile_specs.py"), "--check", "--shared",
                           str(copy / "no-specs-here")], capture_output=True, text=True, timeout=120)


def test_the_committed_bundle_is_checked_without_the_specs(tmp_path: Path) -> None:
    done = check(checkout_copy(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ("bundle check: no vendor specs here, so the committed bundle and its compiler were checked "
                           "against tools/specs/last-build.json (both as the last build from the specs left them)\n")


def test_a_bundle_edited_by_hand_fails_the_check(tmp_path: Path) -> None:
    copy = checkout_copy(tmp_path)
    bundle = copy / BUNDLE / "voucherify.json"
    bundle.write_bytes(bundle.read_bytes().replace(b'"format":1', b'"format":1 ', 1))
    done = check(copy)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == ("src/targ/spec/bundle/voucherify.json differs from the last build from "
                                           "the specs")


def test_a_compiler_changed_without_a_rebuild_fails_the_check(tmp_path: Path) -> None:
    copy = checkout_copy(tmp_path)
    with (copy / "tools" / "specs" / "errata.py").open("a") as source:
        source.write("\n# a change to the compiler\n")
    done = check(copy)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0].startswith("the compiler (tools/compile_specs.py, tools/generated.py, "
                                                  "tools/specs/) changed since the last build from the specs")
    assert done.stderr.splitlines()[1].startswith("run: python tools/compile_specs.py --shared DIR")
