"""Generated write-then-read test for every writable resource the engine serves: create → read → list → update →
read → delete → 404, over whichever of those operations the spec gives the resource. Bodies are the spec's
synthesized requests, adjusted only where the vendor's rules need real values (resource_helpers.ADJUST)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from resource_helpers import bound, call, put_offer, valid_body

from targ.allegro.resources.context import Bound
from targ.allegro.resources.references import BOUND
from targ.allegro.resources.shape import array_property, response_schema
from targ.handlers import load_providers
from targ.testing import TargServer

load_providers()   # the resources are bound when their operations module is imported, before parametrising
WRITABLE = sorted(name for name, b in BOUND.items() if {"create", "upsert"} & set(b.ops))
assert WRITABLE, "no writable resource bound: the parametrised tests below would silently not run"
# Required list parameters, per resource.
LIST_QUERY: dict[str, dict[str, str]] = {"loyalty-promotions": {"promotionType": "MULTIPACK"}}
# Deletes that deactivate instead of removing: (field, value) the item shows afterwards.
SOFT_DELETE = {"loyalty-promotions": ("status", "INACTIVE")}


def _key_for(name: str, b: Bound, targ: TargServer, demo: dict[str, Any], allegro: httpx.Client) -> dict[str, str]:
    """Path parameters of a keyed resource (and its parent), creating what they must name."""
    params: dict[str, str] = {}
    if b.parent_param:
        parent = bound(b.res.parent or "")
        created = call(allegro, parent.ops["create"], body=valid_body(parent.res.name, parent.ops["create"], demo))
        assert created.status_code == parent.ops["create"].success_status, created.text
        params[b.parent_param] = created.json()["id"]
    if name == "classified-packages":  # only classified offers (ADVERTISEMENT) take packages
        put_offer(targ, "7799000001", demo["sellerId"], sellingMode={"format": "ADVERTISEMENT"})
        params[b.key_param or ""] = "7799000001"
    elif name == "turnover-discounts":
        params[b.key_param or ""] = "allegro-business-cz"
    elif b.key_param:
        params[b.key_param] = "en-US"
    return params


def _listed(allegro: httpx.Client, b: Bound, params: dict[str, str], key_field: str) -> list[Any]:
    listing = call(allegro, b.ops["list"], params, query=LIST_QUERY.get(b.res.name))
    assert listing.status_code == 200, listing.text
    array, _ = array_property(response_schema(b.ops["list"]))
    items = listing.json() if array is None else listing.json()[array]
    return [item.get(key_field) for item in items]


@pytest.mark.parametrize("name", WRITABLE)
def test_write_then_read(name: str, targ: TargServer, demo: dict[str, Any], allegro: httpx.Client) -> None:
    b = bound(name)
    key_field = b.res.key_field
    if "create" in b.ops:
        params = _key_for(name, b, targ, demo, allegro) if b.parent_param else {}
        create = b.ops["create"]
        created = call(allegro, create, params, body=valid_body(name, create, demo, label=f"{name} A"))
        assert created.status_code == create.success_status, created.text
        key = created.json()[key_field]
        if b.key_param:
            params[b.key_param] = key
        update = b.ops.get("replace") or b.ops.get("patch")
    else:
        params = _key_for(name, b, targ, demo, allegro)
        update = b.ops["upsert"]
        created = call(allegro, update, params, body=valid_body(name, update, demo, label=f"{name} A"))
        assert created.status_code == update.success_status, created.text
        key = params[b.key_param or ""]

    if "read" in b.ops:
        read = call(allegro, b.ops["read"], params)
        assert read.status_code == 200, read.text
    if "list" in b.ops and not key_field.startswith("_"):
        assert key in _listed(allegro, b, params, key_field)

    if update is not None:
        label = f"{name} B"
        changed = call(allegro, update, params, body=valid_body(name, update, demo, label=label))
        assert changed.status_code == update.success_status, changed.text
        if "read" in b.ops and "name" in valid_body(name, update, demo, label=label):
            assert call(allegro, b.ops["read"], params).json()["name"] == label

    if "delete" in b.ops:
        deleted = call(allegro, b.ops["delete"], params)
        assert deleted.status_code == b.ops["delete"].success_status, deleted.text
        if name in SOFT_DELETE:
            field, value = SOFT_DELETE[name]
            assert call(allegro, b.ops["read"], params).json()[field] == value
        elif "read" in b.ops:
            gone = call(allegro, b.ops["read"], params)
            assert gone.status_code == 404, gone.text
            assert gone.json()["errors"][0]["code"] == "NOT_FOUND"
        elif "list" in b.ops:
            assert key not in _listed(allegro, b, params, key_field)


def test_every_resource_operation_is_stateful(targ: TargServer) -> None:
    """No operation the engine binds is left to the example fallback (one computes from stored state)."""
    rows = {r["operationId"]: r["backing"] for r in targ.admin.call("GET", "/coverage")["operations"]}
    bound_ops = [o.operation_id for b in BOUND.values() for o in (*b.ops.values(), *b.extras.values())]
    assert len(bound_ops) >= 85
    assert {rows[o] for o in bound_ops} == {"stateful", "derived"}
    assert [o for o in bound_ops if rows[o] == "derived"] == ["getAllegroPricesEligibilityForAccount"]


ROUND_TRIP = sorted(name for name in WRITABLE if "read" in BOUND[name].ops
                    and {"replace", "patch", "upsert"} & set(BOUND[name].ops))
# Server-side fields that move on every write.
MOVING = frozenset({"updatedAt", "lastModified", "updateDate", "modifiedAt"})


@pytest.mark.parametrize("name", ROUND_TRIP)
def test_what_is_read_is_accepted_back(name: str, targ: TargServer, demo: dict[str, Any],
                                       allegro: httpx.Client) -> None:
    """Issue 15: what targ returns, a client may send back (GET-modify-PUT is the commonest integration pattern)."""
    b = bound(name)
    if "create" in b.ops:
        params = _key_for(name, b, targ, demo, allegro) if b.parent_param else {}
        created = call(allegro, b.ops["create"], params, body=valid_body(name, b.ops["create"], demo, label="RT"))
        assert created.status_code == b.ops["create"].success_status, created.text
        if b.key_param:
            params[b.key_param] = created.json()[b.res.key_field]
    else:
        params = _key_for(name, b, targ, demo, allegro)
        made = call(allegro, b.ops["upsert"], params, body=valid_body(name, b.ops["upsert"], demo, label="RT"))
        assert made.status_code == b.ops["upsert"].success_status, made.text
    read = call(allegro, b.ops["read"], params)
    assert read.status_code == 200, read.text
    update = b.ops.get("replace") or b.ops.get("upsert") or b.ops["patch"]
    back = call(allegro, update, params, body=read.json())
    assert back.status_code == update.success_status, back.text
    again = call(allegro, b.ops["read"], params).json()
    assert {k: v for k, v in again.items() if k not in MOVING} == {k: v for k, v in read.json().items()
                                                                   if k not in MOVING}
