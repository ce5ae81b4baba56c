from __future__ import annotations

import pytest
from allegro_kit import offer, order, other  # noqa: F401 - fixtures: pytest finds them here
from issues_helpers import ALLEGRO_BETA


@pytest.fixture
def seller_accept() -> str:
    """The issues' seller client asks for their beta media type."""
    return ALLEGRO_BETA
