"""Every spec operation is either bound to a handler or deliberately answered from its example (issue 16)."""

from __future__ import annotations

import httpx

from targ.example_backed import EXAMPLE_BACKED
from targ.handlers import binding_for, load_providers
from targ.spec.bundle import VENDORS, load_bundle
from targ.testing import TargServer


def test_every_operation_is_bound_or_listed_as_example_backed() -> None:
    load_providers()
    unbound = {(vendor, op.operation_id) for vendor in VENDORS for op in load_bundle(vendor).operations
               if binding_for(vendor, op.operation_id) is None}
    assert sorted(unbound - EXAMPLE_BACKED) == [], "no handler and not listed in targ/example_backed.py"
    assert sorted(EXAMPLE_BACKED - unbound) == [], "bound now: remove from targ/example_backed.py"


def test_coverage_names_each_handlers_module(targ: TargServer, http: httpx.Client) -> None:
    rows = http.get("/__targ/coverage").json()["operations"]
    by_id = {(r["vendor"], r["operationId"]): r for r in rows}
    assert by_id[("allegro", "getListOfOrdersUsingGET")]["module"] == "targ.allegro.orders.handlers"
    assert by_id[("allegro", "addMessageToIssueUsingPOST")]["module"] is None
    assert all((r["module"] is None) == (r["backing"] == "example") for r in rows)
