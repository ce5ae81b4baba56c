"""The README's snippets run as written against a live targ (the session server stands in for `make serve`)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from targ.testing import TargServer

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
DEFAULT_URL = "http://127.0.0.1:8080"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def test_the_curl_walk_through(targ: TargServer) -> None:
    (walk,) = [b for b in _blocks("sh") if "curl" in b]
    lines = walk.splitlines()
    assert lines[0].startswith("make serve") and lines[1] == f"B={DEFAULT_URL}"
    script = "set -euo pipefail\n" + "\n".join([f"B={targ.url}", *lines[2:]]) + "\n"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert '"login"' in out and "NotAcceptableException" in out            # /me, then the 406
    assert '"checkoutFormId"' in out and '"BOUGHT"' in out                   # the purchase and its events
    assert "204\n" in out                                                    # the fulfillment status set
    assert '"waybill":"620111111111111111111111"' in out.replace(" ", "")
    assert '"trackingDetails"' in out and '"access_token"' in out
    assert '"operations"' in out                                             # coverage, after the reset


def test_the_client_snippets(targ: TargServer, demo: dict[str, Any]) -> None:
    snippets = [b for b in _blocks("python") if "import voucherify" in b or "import allegro_api" in b]
    assert len(snippets) == 2
    for code in snippets:
        exec(code.replace(DEFAULT_URL, targ.url), {"demo": demo})   # the README's own code


def test_the_test_kit_snippet() -> None:
    (code,) = [b for b in _blocks("python") if "TargServer" in b]
    scope: dict[str, Any] = {}
    exec(code, scope)
    scope["test_something"]()
