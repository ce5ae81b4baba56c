"""The `--data` file, looked at before targ writes anything (issue 20): targ writes only to its own stores.

A targ store is an SQLite file whose header carries `TARG_APPLICATION_ID` (SQLite's `PRAGMA application_id`, set
when targ creates the file, before anything else is written) and which has targ's `schema_version` table. A store
written before the mark existed is recognised by targ's own tables and gets the mark when opened. Anything else
(another program's SQLite database, a file that is not SQLite at all) is refused untouched: `inspect` reads the
first 100 bytes and, for an unmarked SQLite file, its table names through a read-only, `immutable` connection,
which creates no `-wal`, `-shm` or lock file beside it. A damaged targ store (a truncated file, a page that fails
`PRAGMA quick_check`) is refused before the server listens, with `--move-damaged` offered to move it aside.

Every refusal is a `DataFileError` whose message is one line naming the cause and the fix (`targ serve` prints it
as is and exits with status 2).
"""

from __future__ import annotations

import os
import sqlite3
from enum import Enum
from pathlib import Path
from urllib.parse import quote

# "targ" in ASCII. Written at offset 68 of the file's header (https://www.sqlite.org/fileformat.html).
TARG_APPLICATION_ID = 0x74617267
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
# The tables every targ store has had since schema 1 (targ.store.migrations), and the columns of its documents.
CORE_TABLES = frozenset({"schema_version", "docs", "meta", "counters", "jobs"})
DOC_COLUMNS = frozenset({"kind", "id", "owner", "seq", "alt", "data"})
KEEP_IT = "targ leaves it untouched: give a new file (targ creates it) or one targ wrote"
DAMAGED_SUFFIX = ".damaged"


class DataFileError(RuntimeError):
    """A `--data` file targ will not open. `str()` is one line: the file, the cause, the fix."""

    def __init__(self, path: str, cause: str, fix: str) -> None:
        self.path = path
        super().__init__(f"--data {path} {cause}: {fix}")


class NotATargStore(DataFileError):
    """The file is somebody else's: nothing was written to it, nor beside it."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(path, f"is not a targ store ({what})", KEEP_IT)


class DamagedStore(DataFileError):
    """A targ store SQLite cannot read whole."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(path, f"is a damaged targ store ({problem})",
                         f"start with --move-damaged to move it to {aside_name(path)} and begin with a fresh store, "
                         "or restore the file from a copy")


class Found(Enum):
    NEW = "new"              # missing or empty: targ creates its store there
    TARG = "targ"            # a marked targ store
    UNMARKED = "unmarked"    # a targ store from before the mark: opened, then marked


def inspect(path: str) -> Found:
    """What the file at `path` is, reading only; raises DataFileError when targ must not open it."""
    file = Path(path)
    folder = file.absolute().parent
    if file.is_dir():
        raise DataFileError(path, "is a folder", f"give a file in it, e.g. --data {file / 'targ.db'}")
    if not folder.exists():
        raise DataFileError(path, f"is in a folder that does not exist ({folder})",
                            f"create it first (mkdir -p {folder}) or give a file in an existing folder")
    if not folder.is_dir():
        raise DataFileError(path, f"is below {folder}, which is not a folder", "give a file in a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise unwritable_folder(path, folder, "permission denied")
    if not file.exists():
        return Found.NEW
    if not file.is_file():
        raise NotATargStore(path, "not a regular file")
    if not os.access(file, os.R_OK | os.W_OK):
        raise DataFileError(path, "cannot be read and written by this user",
                            "change its permissions, or give another file")
    with file.open("rb") as stream:
        header = stream.read(HEADER_BYTES)
    if not header:
        return Found.NEW   # an empty file is an empty SQLite database: there is nothing in it to keep
    if len(header) < HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
        raise NotATargStore(path, "not an SQLite database")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id == TARG_APPLICATION_ID:
        _check_length(path, header)
        return Found.TARG
    if application_id:
        raise NotATargStore(path, f"the SQLite database of another application, application_id {application_id:#x}")
    try:
        tables = _tables(path, immutable=True)
        if not tables and _has_wal(path):
            # The main file of a store killed before its first checkpoint holds only the header page; its tables
            # are in the -wal file beside it, which a plain read-only connection reads (it creates nothing there
            # that a killed targ has not left already).
            tables = _tables(path, immutable=False)
        if not _targ_tables(path, tables):
            shown = ", ".join(sorted(tables)[:6]) + (", ..." if len(tables) > 6 else "")
            raise NotATargStore(path, f"an SQLite database with the tables {shown}" if tables
                                else "an SQLite database without tables")
    except sqlite3.DatabaseError as exc:
        raise NotATargStore(path, f"an SQLite database targ cannot read: {exc}") from None
    _check_length(path, header)
    return Found.UNMARKED


def unwritable_folder(path: str, folder: Path, reason: str) -> DataFileError:
    return DataFileError(path, f"is in a folder targ cannot write to ({folder}: {reason}; the store keeps its "
                               "lock and journal files beside it)", "give a file in a writable folder")


def _uri(path: str, immutable: bool) -> str:
    mode = "ro&immutable=1" if immutable else "ro"
    return f"file:{quote(os.path.abspath(path))}?mode={mode}"


def _tables(path: str, *, immutable: bool) -> set[str]:
    conn = sqlite3.connect(_uri(path, immutable), uri=True)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
        return {str(name) for (name,) in rows}
    finally:
        conn.close()


def _has_wal(path: str) -> bool:
    return os.path.exists(path + "-wal") and os.path.exists(path + "-shm")


def _targ_tables(path: str, tables: set[str]) -> bool:
    """targ's tables, its documents' columns and a schema version: a store targ wrote before the mark."""
    if not CORE_TABLES <= tables:
        return False
    conn = sqlite3.connect(_uri(path, not _has_wal(path)), uri=True)
    try:
        columns = {str(row[1]) for row in conn.execute("PRAGMA table_info(docs)")}
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    finally:
        conn.close()
    return DOC_COLUMNS <= columns and isinstance(version, int) and version >= 1


def _check_length(path: str, header: bytes) -> None:
    """A file shorter than the page count its header records was cut off (a copy or a disk that stopped short).
    The count is valid only while the header's change counter matches its `version-valid-for` number."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] != header[92:96] or not pages:
        return
    wal = path + "-wal"
    if os.path.exists(wal) and os.path.getsize(wal):
        return   # a checkpoint cut short by a kill writes page 1 first; the -wal has the rest (quick_check reads it)
    size = os.path.getsize(path)
    if size < pages * page_size:
        raise DamagedStore(path, f"truncated: {size} of its {pages * page_size} bytes")


def check_intact(conn: sqlite3.Connection, path: str) -> None:
    """`PRAGMA quick_check` over the whole file (about 1 ms per MB): a damaged page found now is reported before
    the server listens, instead of failing a request later."""
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DamagedStore(path, str(exc)) from None
    if rows != [("ok",)]:
        text = " ".join(str(row[0]) for row in rows).replace("*** in database main ***", "").split()
        raise DamagedStore(path, "quick_check: " + _clip(" ".join(text)))


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


def aside_name(path: str) -> str:
    """Where --move-damaged puts a damaged store: `<path>.damaged`, or `<path>.damaged-2`, ... if that is taken."""
    candidate, n = path + DAMAGED_SUFFIX, 1
    while os.path.exists(candidate) or os.path.exists(candidate + "-wal"):
        n += 1
        candidate = f"{path}{DAMAGED_SUFFIX}-{n}"
    return candidate


def move_aside(path: str) -> str:
    """Moves a damaged store and its `-wal`/`-shm` files (renamed alike, so SQLite still pairs them) out of the way;
    returns the new name. The `.lock` file stays: it is the lock of `path`."""
    target = aside_name(path)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.replace(path + suffix, target + suffix)
    os.replace(path, target)
    return target
