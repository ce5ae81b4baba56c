"""The storage interface every part of targ talks to.

Kept deliberately small: documents (JSON) addressed by (kind, id), owned by a tenant (seller id, Voucherify project
id), ordered by an insertion sequence and optionally findable by one alternate key; a key/value meta area (clock,
config, counters); and the job queue. SQL stays portable so a PostgreSQL implementation fits the same interface.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from targ.store.listing import Query


D = TypeVar("D", bound=Mapping[str, Any])


@dataclass(slots=True)
class StoredDoc(Generic[D]):
    """A stored document: its kind and id, its owner (a seller, a project), its insertion number, its data and its
    alternate key."""

    kind: str
    id: str
    owner: str
    seq: int
    data: D
    alt: str | None = None


class Doc(StoredDoc[dict[str, Any]]):
    """A document of the caller's own (`get_doc`, `find`): change its data and `put` it back."""

    __slots__ = ()


class SharedDoc(StoredDoc[Mapping[str, Any]]):
    """A document handed out for reading only (`peek`, `scan`): its data may be shared with other readers, so it is
    typed read-only; copy it (`dict(doc.data)`, or `get_doc`) to change it."""

    __slots__ = ()


@dataclass
class Job:
    id: int
    kind: str
    due_at: int
    payload: dict[str, Any]
    owner: str
    status: str = "pending"          # pending, done or failed
    error: str | None = None         # why it failed
    finished_at: int | None = None   # ms on the virtual clock, when it failed


JOB_STATUSES = ("pending", "done", "failed")


class NestedTransaction(RuntimeError):
    pass


class Transaction:
    """`with store.transaction():` as a plain class rather than a generator: it runs on every request."""

    __slots__ = ("_join", "_store")

    def __init__(self, store: Store, join: bool) -> None:
        self._store = store
        self._join = join

    def __enter__(self) -> None:
        if not self._join and self._store.in_transaction():
            # Joining is explicit: a block that joins shares the outer transaction's fate (its failure rolls back
            # everything around it), which a job or a clock move must never do by accident.
            raise NestedTransaction("already inside a transaction: say transaction(join=True) to join it")
        self._store.begin()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if exc_type is None:
            self._store.commit()
        else:
            self._store.rollback()


class Store(ABC):
    # --- transactions -------------------------------------------------------------------------------------------
    @abstractmethod
    def begin(self) -> None: ...

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def rollback(self) -> None: ...

    def transaction(self, *, join: bool = False) -> Transaction:
        """All-or-nothing: a request's writes are committed before its response is sent, or not at all. Inside
        another transaction only with `join=True`: the block then commits or fails with the outer one."""
        return Transaction(self, join)

    # --- documents ----------------------------------------------------------------------------------------------
    @abstractmethod
    def get(self, kind: str, id: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def get_doc(self, kind: str, id: str) -> Doc | None: ...

    @abstractmethod
    def peek(self, kind: str, id: str) -> SharedDoc | None:
        """`get_doc` for reading only: the data may be shared with other callers (and with `scan`), so it must not
        be changed. Cheaper for documents read far more often than written (orders)."""

    @abstractmethod
    def get_by_alt(self, kind: str, owner: str, alt: str) -> Doc | None: ...

    @abstractmethod
    def put(self, kind: str, id: str, data: dict[str, Any], *, owner: str = "", alt: str | None = None) -> None:
        """Insert or replace. A replaced document keeps its sequence number (its place in insertion order)."""

    @abstractmethod
    def insert(self, kind: str, id: str, data: dict[str, Any], *, owner: str = "", alt: str | None = None) -> None:
        """`put` for a document known not to exist yet (the caller has just looked): one write instead of two.
        Fails if it does exist."""

    @abstractmethod
    def insert_if_absent(self, kind: str, id: str, data: dict[str, Any], *, owner: str = "",
                         alt: str | None = None) -> bool:
        """Inserts the document unless one with that id exists (which is left as it is); says whether it did. One
        write instead of a read and a write where the document is usually new."""

    @abstractmethod
    def delete(self, kind: str, id: str) -> bool: ...

    @abstractmethod
    def find(self, kind: str, owner: str | None = None, *, desc: bool = False, limit: int | None = None,
             offset: int = 0, after_seq: int | None = None, alt: str | Collection[str] | None = None) -> list[Doc]:
        """Documents of a kind (of one owner; with that alternate key, or any of several), in insertion order.
        With an owner, `alt` and `after_seq` this is an index range (a union of ranges for several keys and a
        `limit`): it reads and decodes only the rows it returns."""

    @abstractmethod
    def select(self, kind: str, owner: str, query: Query) -> tuple[list[str], int]:
        """One page of the ids of an owner's documents of a kind with a declared listing (targ.store.listing) that
        match `query`, and how many match in all: read from the listing's index, nothing decoded."""

    @abstractmethod
    def first_seq_from(self, kind: str, id: str) -> int | None:
        """The insertion number of the document of `kind` with the smallest id at or above `id`, for kinds whose
        ids grow with insertion order (order events): turns an id bound into an index range for `find`."""

    @abstractmethod
    def scan(self, kind: str, owner: str) -> Iterator[SharedDoc]:
        """All of an owner's documents of a kind, in insertion order, for reading only: the data dicts may be
        shared between calls, so callers must not change them (copy before editing). Streamed, a chunk at a time:
        memory stays bounded whatever the number of documents (use `list()` to hold them all)."""

    @abstractmethod
    def count(self, kind: str, owner: str | None = None) -> int: ...

    @abstractmethod
    def generation(self, kind: str) -> tuple[int, int]:
        """Changes whenever a document of `kind` may have changed (a write, a rollback, a restore): lets callers
        keep an in-process cache of documents that are read far more often than written (tokens)."""

    # --- meta and counters --------------------------------------------------------------------------------------
    @abstractmethod
    def meta_get(self, key: str) -> Any: ...

    @abstractmethod
    def meta_set(self, key: str, value: Any) -> None: ...

    @abstractmethod
    def next_seq(self, name: str) -> int:
        """1, 2, 3, ... per name; rolled back with the transaction that took it."""

    # --- jobs ---------------------------------------------------------------------------------------------------
    @abstractmethod
    def add_job(self, kind: str, due_at: int, payload: dict[str, Any], *, owner: str = "") -> int: ...

    @abstractmethod
    def next_due_job(self, until: int | None) -> Job | None:
        """The pending job due first (and at or before `until`, unless None); ties in creation order."""

    @abstractmethod
    def finish_job(self, job_id: int) -> None: ...

    @abstractmethod
    def fail_job(self, job_id: int, error: str, at_ms: int) -> None:
        """Sets a job aside as failed: it is never run again (see targ.jobs)."""

    @abstractmethod
    def jobs(self, status: str | None = None, *, limit: int = 100) -> list[Job]:
        """Jobs of one status (all when None), newest first."""

    @abstractmethod
    def pending_jobs(self) -> int: ...

    @abstractmethod
    def pending_of(self, kind: str) -> list[Job]:
        """The pending jobs of one kind, in due order (for data migrations that retire a job kind)."""

    @abstractmethod
    def in_transaction(self) -> bool:
        """Whether a transaction is open: due jobs run only outside one, each in its own (targ.world)."""

    # --- whole-world images (reset) -----------------------------------------------------------------------------
    @abstractmethod
    def restore_from(self, image: Store) -> None:
        """Replace everything with the contents of `image` (the prepared demo world)."""

    @abstractmethod
    def flush(self) -> None:
        """Makes every committed request's writes final where a store defers that (the in-memory SQLite store
        batches its commits)."""

    @abstractmethod
    def close(self) -> None: ...
