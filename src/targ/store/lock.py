"""One server per data file: an exclusive OS lock on `<data file>.lock`, holding the holder's pid.

Two processes on one SQLite file would each hand out ids from their own in-memory counters and overwrite each
other's documents. An OS advisory lock (flock) rather than a pid check alone: the kernel drops it when the holder
dies, even by kill -9, so a crash never leaves a stale lock behind. Several processes on one world is the job of a
shared database (PostgreSQL), not of this file.
"""

from __future__ import annotations

import os
from pathlib import Path

from targ.store.datafile import DataFileError, unwritable_folder

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; SQLite's own locking is all there is
    fcntl = None  # type: ignore[assignment]


class DataFileLocked(DataFileError):
    def __init__(self, path: str, holder: str) -> None:
        self.holder = holder
        who = f"process {holder}" if holder else "another process"
        super().__init__(path, f"is in use by {who} (another targ serve?)",
                         "one server per data file: stop that one, or give another file")


class FileLock:
    def __init__(self, data_path: str) -> None:
        self.path = data_path + ".lock"
        self._fd: int | None = None
        if fcntl is None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:   # the folder is read-only to this user (or on a read-only file system)
            raise unwritable_folder(data_path, Path(self.path).absolute().parent,
                                    (exc.strerror or str(exc)).lower()) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode(errors="replace").strip()
            os.close(fd)
            raise DataFileLocked(data_path, holder) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            # The lock file stays (removing it would race with a process about to lock it); only the lock goes.
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
