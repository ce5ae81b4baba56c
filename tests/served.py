"""`targ serve` as a separate process, the way a user or a container starts it: started, read up to its
`targ listening on` line (so it answers), its stdout drained from then on, and stopped."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager


@contextmanager
def served(args: Sequence[str], env: Mapping[str, str] | None = None,
           host: str = "127.0.0.1") -> Iterator[tuple[subprocess.Popen[str], int]]:
    """`python -m targ` with `args`; yields the process (its stderr still to read) and the port it listens on."""
    proc = subprocess.Popen([sys.executable, "-m", "targ", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        match = re.fullmatch(rf"targ listening on http://{re.escape(host)}:(\d+)\n", first)
        assert match, first + (proc.stderr.read() if not first else "")
        threading.Thread(target=proc.stdout.read, daemon=True).start()   # never blocks on a full pipe
        yield proc, int(match.group(1))
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
