"""What the marketplace's actors cannot do, as the admin API says it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from targ.allegro.fulfillment.common import WarehouseRefusal
from targ.allegro.orders.model import MarketplaceRefusal
from targ.http.errors import AdminError


@contextmanager
def refusals() -> Iterator[None]:
    """A step the buyer, the carrier or the warehouse cannot take (MarketplaceRefusal, WarehouseRefusal) as an
    admin error `{"error": key, "message"}`."""
    try:
        yield
    except (MarketplaceRefusal, WarehouseRefusal) as exc:
        raise AdminError(exc.status, exc.key, exc.message) from None
