"""The binding between vendor operations and the hand-written code that implements them.

The rule that finds an operation's code: a vendor area's operations are bound in its `operations` module
(`targ/allegro/products/operations.py`) or, when the area has several resources, in one module per resource under its
`operations` package (`targ/allegro/orders/operations/shipments.py`); the state and rules they use sit beside it, free
of HTTP. `GET /__targ/coverage` names each operation's module.

    @handler("allegro", "meGET")
    def me(req: Request) -> Reply: ...

`load_providers()` finds those modules on disk and imports them: nothing to list by hand. An operation with no
handler is answered from the spec's example (targ.example_backed says which are meant to be), and coverage says so.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from targ.http.request import Reply, Request

HandlerFn = Callable[[Request], Reply | dict[str, Any] | None]
BACKINGS = ("stateful", "dataset", "derived")
VENDOR_PACKAGES = ("targ.allegro", "targ.voucherify")
OPERATIONS = "operations"


@dataclass(frozen=True)
class Binding:
    fn: HandlerFn
    backing: str
    module: str          # the module that declared the binding (an `operations` module)


HANDLERS: dict[tuple[str, str], Binding] = {}


def handler(vendor: str, operation_id: str, backing: str = "stateful") -> Callable[[HandlerFn], HandlerFn]:
    if backing not in BACKINGS:
        raise ValueError(f"backing must be one of {BACKINGS}")
    module = _declaring_module()

    def register(fn: HandlerFn) -> HandlerFn:
        key = (vendor, operation_id)
        if key in HANDLERS:
            raise ValueError(f"two handlers for {vendor} {operation_id}")
        HANDLERS[key] = Binding(fn, backing, module)
        return fn
    return register


def _declaring_module() -> str:
    """The module whose import is running the registration: the decorated function's own module, or the module that
    called a helper which registers on its behalf (a command family, a declared resource)."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_name != "<module>":
        frame = frame.f_back  # type: ignore[assignment]
    return str(frame.f_globals.get("__name__", "")) if frame is not None else ""


def is_operations_module(name: str) -> bool:
    parts = name.split(".")
    return OPERATIONS in parts[:-1] or parts[-1] == OPERATIONS


def operation_modules(package: str) -> Iterator[str]:
    """Every `operations` module under a package, found on disk without importing the packages on the way."""
    root = os.path.dirname(importlib.import_module(package).__file__ or "")
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(("_", ".")))
        rel = os.path.relpath(folder, root)
        prefix = package if rel == "." else f"{package}.{rel.replace(os.sep, '.')}"
        inside = prefix.split(".")[-1] == OPERATIONS
        for file in sorted(files):
            stem, ext = os.path.splitext(file)
            if ext != ".py" or (stem == "__init__" and not inside):
                continue
            name = prefix if stem == "__init__" else f"{prefix}.{stem}"
            if inside or stem == OPERATIONS:
                yield name


def load_providers() -> None:
    """Imports every vendor area's operations modules and every module of the admin API (targ's own operations), so
    their decorators, and the job runners of the modules they import, register."""
    for package in VENDOR_PACKAGES:
        for name in operation_modules(package):
            importlib.import_module(name)
    import targ.admin

    for module in pkgutil.iter_modules(targ.admin.__path__, "targ.admin."):
        importlib.import_module(module.name)


def binding_for(vendor: str, operation_id: str) -> Binding | None:
    return HANDLERS.get((vendor, operation_id))
