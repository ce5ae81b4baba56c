"""The state store: one small interface (base.Store), an SQLite implementation, versioned migrations."""

from targ.store.base import Doc, Job, Store
from targ.store.datafile import DamagedStore, DataFileError, NotATargStore
from targ.store.lock import DataFileLocked
from targ.store.sqlite import SQLiteStore

__all__ = ["DamagedStore", "DataFileError", "DataFileLocked", "Doc", "Job", "NotATargStore", "SQLiteStore", "Store"]
