"""Every spec operation is either bound to a handler or deliberately answered from its example (issue 16)."""

from __future__ import annotations

import subprocess
import sys

import httpx

from targ.example_backed import EXAMPLE_BACKED
from targ.handlers import HANDLERS, binding_for, is_operations_module, load_providers, operation_modules
from targ.spec.bundle import VENDORS, load_bundle
from targ.testing import TargServer


def test_every_operation_is_bound_or_listed_as_example_backed() -> None:
    load_providers()
    unbound = {(vendor, op.operation_id) for vendor in VENDORS for op in load_bundle(vendor).operations
               if binding_for(vendor, op.operation_id) is None}
    assert sorted(unbound - EXAMPLE_BACKED) == [], "no handler and not listed in targ/example_backed.py"
    assert sorted(EXAMPLE_BACKED - unbound) == [], "bound now: remove from targ/example_backed.py"


def test_no_allegro_operation_answers_from_an_example(http: httpx.Client) -> None:
    """Issue 19: every Allegro operation of the pinned spec is on state, the dataset or derived from them."""
    rows = http.get("/__targ/coverage").json()["operations"]
    allegro = [r for r in rows if r["vendor"] == "allegro"]
    assert len(allegro) == len(load_bundle("allegro").operations) == 270
    assert [r["operationId"] for r in allegro if r["backing"] == "example"] == []


def test_coverage_names_each_handlers_module(targ: TargServer, http: httpx.Client) -> None:
    rows = http.get("/__targ/coverage").json()["operations"]
    by_id = {(r["vendor"], r["operationId"]): r for r in rows}
    assert by_id[("allegro", "getListOfOrdersUsingGET")]["module"] == "targ.allegro.orders.operations.checkout_forms"
    # Any operation still answered from its example has no module.
    assert all(by_id[key]["module"] is None for key in EXAMPLE_BACKED)
    assert all((r["module"] is None) == (r["backing"] == "example") for r in rows)


_REGISTRIES = """
import importlib, pkgutil, sys
import targ
from targ import jobs
from targ.admin import ADMIN
from targ.allegro.resources.references import LOOKUPS
from targ.handlers import HANDLERS, load_providers

def registered():
    return [sorted(map(list, HANDLERS)), sorted(jobs.RUNNERS), sorted(ADMIN.routes()), sorted(LOOKUPS)]

load_providers()
found = registered()
for module in pkgutil.walk_packages(targ.__path__, "targ."):
    if module.name != "targ.__main__":
        importlib.import_module(module.name)
print(found == registered(), [len(r) for r in found], [len(r) for r in registered()])
"""


def test_discovery_finds_every_binding_and_job_runner_in_the_package() -> None:
    """Nothing to list by hand: what the app build imports registers every handler, job runner, admin route and
    reference lookup that exists in the package. A fresh interpreter, so modules other tests imported do not count."""
    done = subprocess.run([sys.executable, "-c", _REGISTRIES], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("True"), done.stdout + done.stderr


def test_operations_are_bound_in_operations_modules() -> None:
    """The rule that finds an operation's code from the folder names alone (targ.handlers)."""
    load_providers()
    elsewhere = sorted(f"{vendor} {op}: {b.module}" for (vendor, op), b in HANDLERS.items()
                       if not is_operations_module(b.module))
    assert elsewhere == []


def test_the_operations_module_rule() -> None:
    assert is_operations_module("targ.allegro.products.operations")
    assert is_operations_module("targ.allegro.orders.operations.shipments")
    assert not is_operations_module("targ.allegro.orders.shipments")
    assert not is_operations_module("targ.allegro.operations_log")
    assert "targ.allegro.orders.operations.shipments" in set(operation_modules("targ.allegro"))
    assert "targ.allegro.orders.shipments" not in set(operation_modules("targ.allegro"))
