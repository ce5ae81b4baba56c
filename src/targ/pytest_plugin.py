"""pytest plugin (entry point `targ`): a session-scoped TargServer and a function-scoped `targ` fixture that
resets it before each test. With the ini option `targ_validate_responses = true`, every response the server sends
is checked against the vendor's schema and a test fails if any was wrong."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from targ.testing import TargServer


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("targ_validate_responses", "check every targ response against the vendor schema",
                  type="bool", default=False)
    parser.addini("targ_strict_requests", "check Allegro request bodies against the spec's schema as written",
                  type="bool", default=False)
    parser.addini("targ_no_examples", "answer 501 where targ would answer from the spec's example",
                  type="bool", default=False)


@pytest.fixture(scope="session")
def targ_server(pytestconfig: pytest.Config) -> Iterator[TargServer]:
    with TargServer(validate_responses=bool(pytestconfig.getini("targ_validate_responses")),
                    strict_requests=bool(pytestconfig.getini("targ_strict_requests")),
                    examples=not pytestconfig.getini("targ_no_examples")) as srv:
        yield srv


@pytest.fixture
def targ(targ_server: TargServer) -> Iterator[TargServer]:
    targ_server.reset()
    seen = len(targ_server.violations())
    yield targ_server
    new = targ_server.violations()[seen:]
    if new:
        pytest.fail("targ reported schema violations or crashes during this test:\n"
                    + "\n".join(str(v) for v in new[:5]), pytrace=False)
