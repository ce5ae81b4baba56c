"""Where languages live: the Allegro edge picks the request's language once (targ.allegro.edge.stamp) and renders
errors in it (edge/errors.py); errors carry message keys and parameters (targ.allegro.errors); one function turns a
key into text (targ.allegro.messages.text). No code below the edge is handed a language, and the fulfillment
models import nothing from targ.http."""

from __future__ import annotations

import ast
from pathlib import Path

import httpx
import pytest

from targ.allegro import messages
from targ.allegro.errors import AllegroError, AllegroProblem
from targ.allegro.fulfillment.texts import TEXTS as FULFILLMENT
from targ.allegro.offers.onefulfillment import RULES
from targ.allegro.offers.texts import ONE_FULFILLMENT

ALLEGRO = Path(messages.__file__).parent
# The edge picks and renders the language; messages turns keys into text; errors.py renders an error in the
# language it is given (by the edge, or by a job that stores an error and has no request).
MAY_TAKE_A_LANGUAGE = ("edge/", "messages.py", "errors.py")
# Fulfillment modules that are the operations' helpers (they read a Request), not models.
FULFILLMENT_REQUEST_HELPERS = ("operations/", "account.py", "stock_listing.py")


def _modules(root: Path) -> list[tuple[str, ast.Module]]:
    return [(path.relative_to(root).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(root.rglob("*.py"))]


def _language_parameters(tree: ast.Module) -> list[int]:
    """The lines of the functions (and lambdas) of a module that take a parameter named `language`."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            args = node.args
            named = [*args.posonlyargs, *args.args, *args.kwonlyargs, *filter(None, [args.vararg, args.kwarg])]
            lines += [node.lineno for a in named if a.arg == "language"]
    return lines


def test_no_module_below_the_edge_takes_a_language() -> None:
    takers = [f"{name}:{line}" for name, tree in _modules(ALLEGRO) if not name.startswith(MAY_TAKE_A_LANGUAGE)
              for line in _language_parameters(tree)]
    assert takers == []


def test_the_scan_finds_a_language_parameter() -> None:
    """The scan above is not vacuous: it finds a threaded language wherever it is declared."""
    code = ("def view(item, language: str = 'pl-PL'):\n    return item\n"
            "class Checker:\n    def __init__(self, *, language):\n        pass\n"
            "pick = lambda language: language\n")
    assert _language_parameters(ast.parse(code)) == [1, 4, 6]
    assert any(_language_parameters(tree) for name, tree in _modules(ALLEGRO) if name == "messages.py")


def test_fulfillment_models_import_nothing_from_http() -> None:
    importers = []
    for name, tree in _modules(ALLEGRO / "fulfillment"):
        if name.startswith(FULFILLMENT_REQUEST_HELPERS):
            continue
        for node in ast.walk(tree):
            imported = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            importers += [f"{name}: {m}" for m in imported if m == "targ.http" or m.startswith("targ.http.")]
    assert importers == []


# --- the catalogue -------------------------------------------------------------------------------------------------
def test_every_message_has_polish_and_english() -> None:
    for key, entry in messages.CATALOGUE.items():
        assert entry.texts.get("pl-PL") and entry.texts.get("en-US"), key


def test_every_fulfillment_text_is_used_and_every_key_used_exists() -> None:
    """Keys are strings: the fulfillment code names each of its texts' keys, and names no key that has no text."""
    used: set[str] = set()
    named: set[str] = set()
    for name, tree in _modules(ALLEGRO / "fulfillment"):
        if name == "texts.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                named.add(node.value)
            if isinstance(node, ast.Call) and _called(node) in {"error", "problem", "fail", "failed"}:
                position = 2 if _called(node) == "error" else 1
                if len(node.args) > position and isinstance(node.args[position], ast.Constant):
                    used.add(str(node.args[position].value))
    assert used and used <= set(FULFILLMENT)
    assert set(FULFILLMENT) <= named


def _called(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else \
        node.func.attr if isinstance(node.func, ast.Attribute) else ""


def test_every_one_fulfillment_rule_has_its_texts() -> None:
    assert set(RULES) == set(ONE_FULFILLMENT)


def test_an_unknown_key_is_a_bug_not_a_blank() -> None:
    with pytest.raises(KeyError):
        AllegroProblem("VALIDATION_ERROR", user_key="fulfillment.no_such_text")


# --- keys, parameters and languages --------------------------------------------------------------------------------
def test_a_keyed_problem_is_text_only_when_rendered() -> None:
    problem = AllegroProblem("NOT_FOUND", user_key="fulfillment.asn_not_found", user_params={"id": "A-1"})
    assert problem.message == "Advance Ship Notice A-1 not found."
    assert problem.to_json("en-US")["userMessage"] == "Advance Ship Notice A-1 not found."
    assert problem.to_json("pl-PL")["userMessage"] == problem.to_json()["userMessage"] == "Nie znaleziono awizo A-1."
    assert problem.to_json("cs-CZ")["userMessage"] == "Nie znaleziono awizo A-1."


def test_the_edge_messages_fall_back_to_english_and_the_domain_ones_to_polish() -> None:
    """As before keys: the edge's generic texts give other languages English (unless translated), the domain's
    Polish."""
    assert messages.text("not_found", "hu-HU") == messages.text("not_found", "en-US")
    assert messages.text("invalid_data", "hu-HU").startswith("A kérés")
    assert messages.text("fulfillment.command_not_found", "hu-HU") == "Nie znaleziono komendy."


def test_a_literal_user_message_is_the_same_in_every_language() -> None:
    error = AllegroError(404, "NOT_FOUND", "Offer 1 not found.", user_message="Nie znaleziono oferty.")
    assert error.body("en-US") == error.body("pl-PL") == {"errors": [{
        "code": "NOT_FOUND", "message": "Offer 1 not found.", "details": None, "path": None,
        "userMessage": "Nie znaleziono oferty.", "metadata": {}}]}
    plain = AllegroError(422, "VALIDATION_ERROR", "Invalid page.id: x", path="page.id")
    assert plain.body("en-US")["errors"][0]["userMessage"] == "Invalid page.id: x"


# --- the answer's language -------------------------------------------------------------------------------------------
def test_names_follow_each_request_and_do_not_stay_for_the_next(allegro: httpx.Client) -> None:
    english = allegro.get("/sale/categories/165", headers={"Accept-Language": "en-US"}).json()
    assert english["name"] == "Smartphones and Cell Phones"
    assert allegro.get("/sale/categories/165").json()["name"] == "Smartfony i telefony komórkowe"
    assert messages.localised({"name": "Smartfony", "nameEn": "Smartphones"}, "name") == "Smartfony"


def test_an_operation_may_pick_the_names_language_for_its_answer() -> None:
    item = {"name": "Smartfony", "nameEn": "Smartphones"}
    with messages.speaking("en-US"):
        assert messages.localised(item, "name") == "Smartphones"
    assert messages.localised(item, "name") == "Smartfony"
