from __future__ import annotations

from collections.abc import Iterator

import pytest
from oauth_helpers import OAuth

from targ.testing import TargServer


@pytest.fixture
def oauth(targ: TargServer) -> Iterator[OAuth]:
    client = OAuth(targ)
    yield client
    client.close()
