"""What the Allegro test areas share: a second seller with an offer of its own, and the unchanged generated client
(`allegro_api`) pointed at targ. Importable from every test folder: pytest puts this folder (that of the top
conftest.py) on sys.path."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import allegro_api
import httpx
from allegro_api.configuration import Configuration  # a model class shadows allegro_api.Configuration

from targ.testing import TargServer

ALLEGRO_JSON = "application/vnd.allegro.public.v1+json"
CURRENCIES = {"allegro-pl": "PLN", "allegro-cz": "CZK"}


def other_seller(targ: TargServer, http: httpx.Client, login: str = "drugi-sprzedawca",
                 marketplace: str = "allegro-pl") -> dict[str, Any]:
    """A second seller (admin API) with one active offer (category 165) written to the store as the offers area
    keeps them: the seller's fields, `offerId`, and `headers` with its token."""
    seller = http.post("/__targ/sellers", json={"login": login, "marketplace": marketplace}).json()
    offer_id = f"88{seller['id']}"
    offer = {"id": offer_id, "name": "Zegarek na rękę srebrny", "category": {"id": "165"},
             "sellingMode": {"format": "BUY_NOW", "price": {"amount": "249.00", "currency": CURRENCIES[marketplace]}},
             "stock": {"available": 5, "unit": "UNIT"},
             "publication": {"status": "ACTIVE", "marketplaces": {"base": {"id": marketplace}}},
             "delivery": {"handlingTime": "PT48H"}, "fulfillment": {"provider": "SELLER"}}
    world = targ.world
    with world.store.transaction():
        world.store.put("offer", offer_id, offer, owner=seller["id"])
    headers = {"Authorization": f"Bearer {seller['accessToken']}", "Accept": ALLEGRO_JSON}
    return {**seller, "offerId": offer_id, "headers": headers}


@contextmanager
def generated_client(targ: TargServer, token: str) -> Iterator[allegro_api.ApiClient]:
    """The generated client as an integrator configures it, with the client-side checks off (the spec's own
    examples fail them)."""
    cfg = Configuration(host=targ.url)
    cfg.access_token = token
    cfg.client_side_validation = False
    client = allegro_api.ApiClient(cfg)
    try:
        yield client
    finally:
        client.rest_client.pool_manager.clear()
