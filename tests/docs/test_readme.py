"""The README's snippets run as written against a live targ. The curl walk-through is pasted whole into bash, as a
new user would: it starts its own server in the background and waits for it (issue 20)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from targ.testing import TargServer

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
DEFAULT_URL = "http://127.0.0.1:8080"
# The walk-through's first line: `make serve` in the background, with the options the server is started with.
MAKE_SERVE = re.compile(r'make serve ARGS="([^"]*)" &(\s+#.*)?')


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_curl_walk_through_pastes_as_one_block() -> None:
    """The block as it stands, but for two things: `make serve` is this interpreter's `targ serve` with the same
    options (make would build a virtualenv in the checkout; the Makefile's `serve` runs `targ serve $(ARGS)`), and
    port 8080 is a free one. Nothing else is left out: the start in the background, the wait, every call."""
    (walk,) = [b for b in _blocks("sh") if "curl" in b]
    first, *rest = walk.splitlines()
    started = MAKE_SERVE.fullmatch(first)
    assert started, first
    assert rest[0] == f"B={DEFAULT_URL}" and "/__targ/health" in rest[1]
    port = str(_free_port())
    lines = [f"{sys.executable} -m targ serve {started.group(1)} &", *rest]
    script = "set -euo pipefail\n" + "\n".join(lines).replace("8080", port) + "\n"
    # Its own session: the server the script leaves running in the background is stopped with it, whatever happens.
    # Output goes to files, not pipes: that server holds them open after bash is done.
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        proc = subprocess.Popen(["bash", "-c", script], stdout=out_file, stderr=err_file, text=True,
                                start_new_session=True)
        try:
            returncode = proc.wait(timeout=120)
        finally:
            with contextlib.suppress(ProcessLookupError):   # nothing left in the session
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
        out_file.seek(0)
        err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    assert returncode == 0, err
    assert out.startswith(f"targ listening on http://127.0.0.1:{port}\n")   # printed once it answers
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
