from __future__ import annotations

from collections.abc import Iterator

import pytest
from admin_helpers import Admin

from targ.testing import TargServer


@pytest.fixture
def admin(targ: TargServer) -> Iterator[Admin]:
    client = Admin(targ)
    yield client
    client.http.close()
