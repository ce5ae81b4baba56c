"""The SQLite store below the world: lazy transactions, shared reads, inserts and data migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson
import pytest

from targ.store import SQLiteStore
from targ.store.migrations import LATEST, MIGRATIONS


def test_a_transaction_that_only_reads_leaves_the_generations_alone() -> None:
    store = SQLiteStore(None)
    with store.transaction():
        store.put("thing", "a", {"n": 1})
    before = store.generation("thing")
    with pytest.raises(KeyError), store.transaction():
        store.get("thing", "a")
        raise KeyError("a failure after reads only")
    # Nothing was written, so nothing was rolled back and no cache needs to forget anything.
    assert store.generation("thing") == before
    with pytest.raises(KeyError), store.transaction():
        store.put("thing", "a", {"n": 2})
        raise KeyError("a failure after a write")
    assert store.generation("thing") != before
    assert store.get("thing", "a") == {"n": 1}


def test_peek_shares_the_decoded_document_until_it_changes() -> None:
    store = SQLiteStore(None)
    with store.transaction():
        store.put("thing", "a", {"n": 1}, owner="o1")
    first, second = store.peek("thing", "a"), store.peek("thing", "a")
    assert first is not None and second is not None
    assert first.data is second.data and first.owner == "o1"
    with store.transaction():
        store.put("thing", "a", {"n": 2}, owner="o1")
    third = store.peek("thing", "a")
    assert third is not None and third.data == {"n": 2} and third.data is not first.data
    assert store.peek("thing", "missing") is None
    # get_doc hands out a copy of its own, which the caller may change.
    mine = store.get_doc("thing", "a")
    assert mine is not None and mine.data is not third.data


def test_insert_refuses_an_existing_document_and_keeps_insertion_order() -> None:
    store = SQLiteStore(None)
    with store.transaction():
        store.insert("thing", "a", {"n": 1})
        store.insert("thing", "b", {"n": 2})
    assert [d.id for d in store.find("thing")] == ["a", "b"]
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.insert("thing", "a", {"n": 3})
    assert store.get("thing", "a") == {"n": 1}


def test_insert_if_absent_leaves_an_existing_document_alone_and_says_so() -> None:
    store = SQLiteStore(None)
    with store.transaction():
        assert store.insert_if_absent("thing", "a", {"n": 1}, owner="s1") is True
        assert store.insert_if_absent("thing", "a", {"n": 2}, owner="s2") is False
        assert store.insert_if_absent("thing", "b", {"n": 3}) is True
    assert store.get("thing", "a") == {"n": 1} and store.get_doc("thing", "a").owner == "s1"  # type: ignore[union-attr]
    assert [d.id for d in store.find("thing")] == ["a", "b"]


def _schema_1(path: Path) -> sqlite3.Connection:
    """A data file as targ wrote it at schema version 1 (empty), for the migrations after it to run on."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY)")
    for sql in MIGRATIONS[0][1]:
        assert isinstance(sql, str)
        conn.execute(sql)
    conn.execute("INSERT INTO schema_version (version) VALUES (1)")
    return conn


def test_migration_2_moves_order_shipments_into_their_own_documents(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    conn = _schema_1(path)
    shipment = {"id": "SU5QT1NUOlRCMQ==", "waybill": "TB1", "carrierId": "INPOST", "lineItems": [{"id": "li-1"}],
                "createdAt": "2026-01-01T00:00:00.000Z"}
    shipped = {"id": "order-1", "_targ": {"seller": "s1", "shipments": [shipment]}}
    unshipped = {"id": "order-2", "_targ": {"seller": "s1", "shipments": []}}
    for seq, order in enumerate((shipped, unshipped), 1):
        conn.execute("INSERT INTO docs (kind, id, owner, seq, alt, data) VALUES ('checkout_form', ?, 's1', ?, NULL, ?)",
                     (order["id"], seq, orjson.dumps(order).decode()))
    conn.commit()
    conn.close()

    store = SQLiteStore(str(path))
    assert store.version() == LATEST
    assert store.get("order_shipments", "order-1") == {"shipments": [shipment]}
    assert store.get("order_shipments", "order-2") is None
    for order_id in ("order-1", "order-2"):
        doc = store.get_doc("checkout_form", order_id)
        assert doc is not None and "shipments" not in doc.data["_targ"] and doc.owner == "s1"
    assert [d.id for d in store.find("checkout_form")] == ["order-1", "order-2"]  # places kept
    store.close()


def test_in_memory_requests_are_savepoints_committed_in_batches() -> None:
    from targ.store.sqlite import BATCH

    store = SQLiteStore(None)
    store.flush()
    with store.transaction():
        store.put("thing", "a", {"n": 1})
    assert store.conn.in_transaction  # released into the batch, not committed yet
    with pytest.raises(KeyError), store.transaction():
        store.put("thing", "a", {"n": 2})
        store.put("thing", "b", {"n": 2})
        raise KeyError("this request fails")
    # Only the failed request is undone; the one before it stands.
    assert store.get("thing", "a") == {"n": 1} and store.get("thing", "b") is None
    for i in range(BATCH - 1):  # with the first request, BATCH released
        with store.transaction():
            store.put("thing", f"x{i}", {"n": i})
    assert not store.conn.in_transaction  # the batch was committed
    # A reset copies pages from the image: it commits what is pending on both sides first.
    image = SQLiteStore(None)
    with image.transaction():
        image.put("thing", "img", {"n": 0})
    with store.transaction():
        store.put("thing", "late", {"n": 1})
    store.restore_from(image)
    assert store.get("thing", "img") == {"n": 0} and store.get("thing", "late") is None


def test_a_data_file_commits_every_request(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "d.sqlite"))
    with store.transaction():
        store.put("thing", "a", {"n": 1})
    assert not store.conn.in_transaction
    other = sqlite3.connect(tmp_path / "d.sqlite")
    assert other.execute("SELECT data FROM docs WHERE kind='thing' AND id='a'").fetchone() == ('{"n":1}',)
    other.close()
    store.close()


@pytest.mark.parametrize("on_file", [False, True])
def test_counters_taken_by_a_failed_request_are_given_again(tmp_path: Path, on_file: bool) -> None:
    store = SQLiteStore(str(tmp_path / "c.sqlite") if on_file else None)
    with store.transaction():
        assert [store.next_seq("a"), store.next_seq("a")] == [1, 2]
    with pytest.raises(KeyError), store.transaction():
        assert (store.next_seq("a"), store.next_seq("fresh")) == (3, 1)
        raise KeyError("fails")
    with store.transaction():
        assert (store.next_seq("a"), store.next_seq("fresh")) == (3, 1)
    store.close()
    if on_file:  # what was committed is what a restart continues from
        again = SQLiteStore(str(tmp_path / "c.sqlite"))
        with again.transaction():
            assert (again.next_seq("a"), again.next_seq("fresh")) == (4, 2)
        again.close()


def test_file_counters_survive_without_a_clean_close(tmp_path: Path) -> None:
    path = str(tmp_path / "k.sqlite")
    store = SQLiteStore(path)
    with store.transaction():
        store.insert("thing", "a", {})
        store.insert("thing", "b", {})
    # No close(): as after kill -9, only what COMMIT wrote is there. The kernel drops a dead process's file lock;
    # this process is alive, so its lock is given up by hand.
    assert store._lock is not None
    store._lock.release()
    again = SQLiteStore(path)
    with again.transaction():
        again.insert("thing", "c", {})
    assert [d.seq for d in again.find("thing")] == [1, 2, 3]


def test_peek_never_serves_a_document_older_than_the_last_write_or_rollback() -> None:
    store = SQLiteStore(None)
    with store.transaction():
        store.put("thing", "a", {"n": 1})
    first = store.peek("thing", "a")
    assert first is not None and store.peek("thing", "a") is first  # no write since: the same, without a query
    with pytest.raises(KeyError), store.transaction():
        store.put("thing", "a", {"n": 2})
        during = store.peek("thing", "a")
        assert during is not None and during.data == {"n": 2}
        raise KeyError("rolled back")
    after = store.peek("thing", "a")
    assert after is not None and after.data == {"n": 1}
    with store.transaction():
        store.delete("thing", "a")
    assert store.peek("thing", "a") is None


def test_migration_4_turns_pending_parcel_steps_into_the_parcels_own_due_time(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    conn = _schema_1(path)
    conn.execute("INSERT INTO meta (key, value) VALUES ('config', ?)",
                 (orjson.dumps({"carrierStepDelay": "PT2H"}).decode(),))
    pending = {"code": "PENDING", "occurredAt": "2026-01-01T00:00:00.000Z", "description": "x", "_at": 0}
    for seq, (waybill, version) in enumerate((("MOVING", 0), ("PUSHED", 1)), 1):
        parcel = {"carrierId": "DPD", "waybill": waybill, "route": "ADDRESS", "orders": ["o"], "statuses": [pending],
                  "createdAt": pending["occurredAt"], "updatedAt": pending["occurredAt"], "version": version}
        conn.execute("INSERT INTO docs (kind, id, owner, seq, alt, data) VALUES ('parcel', ?, '', ?, NULL, ?)",
                     (f"DPD:{waybill}", seq, orjson.dumps(parcel).decode()))
        # PUSHED's job was scheduled before a push (version 0 < 1): it would have done nothing.
        conn.execute("INSERT INTO jobs (kind, due_at, owner, payload) VALUES ('allegro.order.parcel-step', ?, '', ?)",
                     (86_400_000, orjson.dumps({"parcel": f"DPD:{waybill}", "version": 0}).decode()))
    conn.execute("INSERT INTO jobs (kind, due_at, owner, payload) VALUES ('voucherify.import', 5, '', '{}')")
    conn.commit()
    conn.close()

    store = SQLiteStore(str(path))
    assert store.version() == LATEST
    moving, pushed = store.get("parcel", "DPD:MOVING"), store.get("parcel", "DPD:PUSHED")
    assert moving is not None and (moving["nextAt"], moving["stepMs"]) == (86_400_000, 7_200_000)
    assert pushed is not None and "nextAt" not in pushed
    assert store.pending_of("allegro.order.parcel-step") == [] and store.pending_jobs() == 1
    store.close()


def test_decoded_copies_never_exceed_the_budget_whatever_the_store_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every order read used to stay decoded (2.7 GiB at 100k orders, issue 14); the memo now holds at most
    MEMO_BYTES of stored text, and what it cannot hold is still read right."""
    from targ.store import sqlite

    monkeypatch.setattr(sqlite, "MEMO_BYTES", 20_000)
    monkeypatch.setattr(sqlite, "SCAN_CHUNK", 16)
    store = SQLiteStore(None)
    with store.transaction():
        for i in range(200):   # ~150 bytes each: 30 000 bytes in all
            store.put("thing", f"t{i:03}", {"n": i, "pad": "x" * 120}, owner="o")
    before, streamed = store.rows_read, store.scan("thing", "o")
    assert next(streamed).data["n"] == 0 and store.rows_read - before == 16   # streamed: one chunk read so far
    for _ in range(2):
        assert [d.data["n"] for d in store.scan("thing", "o")] == list(range(200))
        assert 0 < store.memo_bytes() <= 20_000
    kept, beyond = next(store.scan("thing", "o")).data, list(store.scan("thing", "o"))[-1].data
    assert next(store.scan("thing", "o")).data is kept                # what the memo holds is shared, as before
    assert list(store.scan("thing", "o"))[-1].data is not beyond      # beyond the budget: decoded each time
    last = store.peek("thing", "t199")
    assert last is not None and last.data["n"] == 199 and store.peek("thing", "t199") is not last
    with store.transaction():
        store.put("thing", "t000", {"n": -1}, owner="o")       # a write gives its stale copy's room back
    assert store.memo_bytes() < 20_000 and store.peek("thing", "t000").data == {"n": -1}  # type: ignore[union-attr]
    store.close()


def test_a_reset_drops_every_decoded_copy() -> None:
    from targ.allegro.orders import buyer
    from targ.app import build_world
    from targ.demo import demo_view
    from targ.world import DEFAULT_TEST_START, Options

    world = build_world(Options(clock_start=DEFAULT_TEST_START, frozen=True))
    store = world.store
    assert isinstance(store, SQLiteStore)
    offer = demo_view(world)["offers"][0]["id"]
    with store.transaction():
        bought = [buyer.purchase(world, {"lineItems": [{"offerId": offer, "quantity": 1}]})[0]["id"]
                  for _ in range(30)]
    seller = store.get_doc("checkout_form", bought[0]).owner  # type: ignore[union-attr]
    assert len(list(store.scan("checkout_form", seller))) >= 30
    before = store.memo_bytes()
    assert before > 30 * 1000
    world.reset()
    assert store.memo_bytes() == 0 and store.count("checkout_form") < 30
    world.close()


def _old_file_with_orders_and_events(path: Path) -> tuple[str, list[str], list[tuple[str, str]]]:
    """A schema-1 data file holding what a world journals for three purchases: orders without listing rows, events
    without their type as alternate key. Returns the seller, the order ids and the (event id, type)s."""
    from targ.allegro.orders import buyer
    from targ.app import build_world
    from targ.demo import demo_view
    from targ.world import DEFAULT_TEST_START, Options

    world = build_world(Options(clock_start=DEFAULT_TEST_START, frozen=True))
    offer = demo_view(world)["offers"][0]["id"]
    with world.store.transaction():
        orders = [buyer.purchase(world, {"lineItems": [{"offerId": offer, "quantity": 1}]})[0]["id"]
                  for _ in range(3)]
    seller = world.store.get_doc("checkout_form", orders[0]).owner  # type: ignore[union-attr]
    docs = world.store.find("checkout_form", seller) + world.store.find("order_event", seller)
    world.close()
    conn = _schema_1(path)
    for doc in docs:
        conn.execute("INSERT INTO docs (kind, id, owner, seq, alt, data) VALUES (?, ?, ?, ?, NULL, ?)",
                     (doc.kind, doc.id, doc.owner, doc.seq, orjson.dumps(doc.data).decode()))
    conn.commit()
    conn.close()
    return seller, orders, [(d.id, d.data["type"]) for d in docs if d.kind == "order_event"]


def test_an_old_data_file_lists_its_orders_and_finds_its_events_by_type(tmp_path: Path) -> None:
    import targ.allegro.orders.listing  # noqa: F401  (declares the orders' listing)
    from targ.store.listing import Query

    path = tmp_path / "v1.sqlite"
    seller, orders, journal = _old_file_with_orders_and_events(path)
    store = SQLiteStore(str(path))
    assert store.version() == LATEST
    # Migration 6 gave the events their type as alternate key: a type is an index range.
    for type_ in {t for _, t in journal}:
        assert [d.id for d in store.find("order_event", seller, alt=type_)] == [i for i, t in journal if t == type_]
    both = [i for i, t in journal if t in ("BOUGHT", "READY_FOR_PROCESSING")]
    assert [d.id for d in store.find("order_event", seller, alt=("BOUGHT", "READY_FOR_PROCESSING"), limit=4)] \
        == both[:4]
    # The orders' listing is built from the documents on first use, then kept with every write.
    assert store.select("checkout_form", seller, Query(order_by="lineItems.boughtAt", desc=True)) == (orders[::-1], 3)
    with store.transaction():
        doc = store.get_doc("checkout_form", orders[1])
        assert doc is not None
        doc.data["fulfillment"]["status"] = "SENT"
        store.put("checkout_form", doc.id, doc.data, owner=doc.owner)
    assert store.select("checkout_form", seller, Query(equals={"fulfillment.status": ["SENT", "PROCESSING"]})) \
        == ([orders[1]], 1)
    store.close()


def test_select_totals_are_exact_on_short_pages_and_beyond_the_end() -> None:
    """A short page tells the total without counting; past the end the total is counted."""
    import targ.allegro.orders.listing  # noqa: F401  (declares the orders' listing)
    from targ.allegro.orders import buyer
    from targ.app import build_world
    from targ.demo import demo_view
    from targ.store.listing import Query
    from targ.world import DEFAULT_TEST_START, Options

    world = build_world(Options(clock_start=DEFAULT_TEST_START, frozen=True))
    offer = demo_view(world)["offers"][0]["id"]
    with world.store.transaction():
        ids = [buyer.purchase(world, {"lineItems": [{"offerId": offer, "quantity": 1}]})[0]["id"] for _ in range(7)]
    seller = world.store.get_doc("checkout_form", ids[0]).owner  # type: ignore[union-attr]
    for offset, limit, page in ((0, 3, ids[:3]), (0, 10, ids), (5, 10, ids[5:]), (6, 1, ids[6:]), (7, 5, []),
                                (20, 5, [])):
        assert world.store.select("checkout_form", seller, Query(order_by="lineItems.boughtAt", offset=offset,
                                                                 limit=limit)) == (page, 7)
    assert world.store.select("checkout_form", seller, Query(equals={"buyer.login": ["nobody"]})) == ([], 0)
    world.close()


def test_find_with_several_alternate_keys_is_the_filtered_journal() -> None:
    store = SQLiteStore(None)
    keys = "aabcabbbca"
    with store.transaction():
        for i, key in enumerate(keys):
            store.insert("ev", f"e{i}", {"i": i}, owner="o", alt=key)
            store.insert("ev", f"x{i}", {"i": i}, owner="other", alt=key)
    every = store.find("ev", "o")
    for wanted in (("a", "c"), ("b", "c", "z"), ("a",), ("z",)):
        kept = [d.id for d in every if d.alt in wanted]
        for desc in (False, True):
            expected = kept[::-1] if desc else kept
            assert [d.id for d in store.find("ev", "o", alt=wanted, desc=desc)] == expected
            for offset, limit in ((0, 2), (1, 3), (3, 10)):
                before = store.rows_read
                got = [d.id for d in store.find("ev", "o", alt=set(wanted), desc=desc, limit=limit, offset=offset)]
                assert got == expected[offset:offset + limit] and store.rows_read - before == len(got)
        after = every[4].seq
        assert [d.id for d in store.find("ev", "o", alt=wanted, after_seq=after, limit=3)] == \
            [d.id for d in every if d.alt in wanted and d.seq > after][:3]
    store.close()


def test_facet_totals_match_the_rows_through_writes_moves_deletes_and_rollbacks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Totals filtered on facets only are sums kept per facet combination; they must equal a count of the rows
    after any history of writes, and counting the rows is what they save."""
    import random

    from targ.store import listing as listings
    from targ.store.listing import Listing, Query, Row

    def row(data: dict[str, object]) -> Row:
        return Row(texts={"colour": data.get("colour"), "size": data["size"], "name": data["name"]},   # type: ignore
                   numbers={"at": data["at"]})   # type: ignore[dict-item]

    thing = Listing("thing", texts=("colour", "size", "name"), numbers=("at",), row=row, facets=("colour", "size"))
    monkeypatch.setitem(listings.LISTINGS, "thing", thing)
    store = SQLiteStore(None)
    rng = random.Random(7)
    docs: dict[str, tuple[str, dict[str, object]]] = {}
    colours, sizes = ("red", "blue", None), ("S", "M")

    def write(i: int) -> None:
        doc_id = f"d{rng.randrange(40)}"
        if doc_id in docs and rng.random() < 0.2:
            store.delete("thing", doc_id)
            del docs[doc_id]
            return
        data = {"colour": rng.choice(colours), "size": rng.choice(sizes), "name": f"n{i % 3}",
                "at": rng.randrange(100)}
        owner = rng.choice(("o1", "o2"))
        store.put("thing", doc_id, data, owner=owner)
        docs[doc_id] = (owner, data)

    with store.transaction():
        for i in range(30):
            write(i)
    # Built at the first write (a new store: one document), then kept with each write; no build on the first list.
    assert store.meta_get("listing:thing") == thing.version
    assert store.select("thing", "o1", Query())[1] == sum(owner == "o1" for owner, _ in docs.values())
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    for step in range(60):
        saved = dict(docs)
        try:
            with store.transaction():
                for i in range(rng.randrange(1, 4)):
                    write(step * 10 + i)
                if step % 7 == 3:
                    raise KeyError("rolled back")
        except KeyError:
            docs = saved
        for owner in ("o1", "o2"):
            for colour in (None, ["red"], ["red", "blue"]):
                for size in (None, ["M"]):
                    for bound in (None, 50):
                        query = Query(limit=1)
                        if colour:
                            query.equals["colour"] = colour
                        if size:
                            query.equals["size"] = size
                        if bound is not None:
                            query.at_least["at"] = bound
                        expected = sum(1 for o, d in docs.values() if o == owner
                                       and (not colour or d["colour"] in colour) and (not size or d["size"] in size)
                                       and (bound is None or d["at"] >= bound))  # type: ignore[operator]
                        assert store.select("thing", owner, query)[1] == expected, (owner, query)
    counted = [s for s in statements if s.startswith("SELECT count(*) FROM listing")]
    assert counted and all(" < " in s for s in counted)    # only the rows below a bound were ever counted
    store.close()
