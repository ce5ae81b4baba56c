"""Allegro seller accounts and OAuth applications (clients), as stored documents.

* `seller` docs, id = the user id (decimal string), alt = the lower-cased login: what `GET /me` answers from.
* `oauth_client` docs, id = the client id (32 hex): secret, redirect URIs, scope ceiling and enabled grants.

Functions here write without opening transactions of their own and raise only before writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from targ.allegro.oauth.tokens import all_scopes

if TYPE_CHECKING:
    from targ.world import World

SELLER_KIND = "seller"
CLIENT_KIND = "oauth_client"

FIRST_USER_ID = 44_000_000
MARKETPLACES: dict[str, str] = {"allegro-pl": "PLN", "allegro-cz": "CZK", "allegro-sk": "EUR", "allegro-hu": "HUF"}
FEATURES = ("SUPER_SELLER", "ONE_FULFILLMENT")

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
GRANTS = ("authorization_code", "refresh_token", "client_credentials", DEVICE_GRANT)

_NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


class SellerExists(ValueError):
    pass


# --- sellers ---------------------------------------------------------------------------------------------------------
def create_seller(world: World, login: str, *, features: Sequence[str] = (), marketplace: str = "allegro-pl",
                  first_name: str = "Jan", last_name: str = "Kowalski", email: str | None = None,
                  company_name: str | None = None) -> dict[str, Any]:
    """A new seller account. Callers validate `features` and `marketplace`; a taken login → SellerExists."""
    if seller_by_login(world, login) is not None:
        raise SellerExists(f"a seller with login {login!r} already exists")
    seller_id = world.ids.number("user", FIRST_USER_ID)
    client = create_client(world, name=f"{login} app")
    seller = {
        "id": seller_id,
        "login": login,
        "firstName": first_name,
        "lastName": last_name,
        "email": email or f"{login}@example.com",
        "baseMarketplace": {"id": marketplace},
        "company": {"name": company_name or f"{login} sp. z o.o.", "taxId": _tax_id(world)},
        "features": list(features),
        "clientId": client["clientId"],
        "createdAt": world.clock.now_ms(),
    }
    world.store.put(SELLER_KIND, seller_id, seller, alt=login.lower())
    return seller


def get_seller(world: World, seller_id: str) -> dict[str, Any] | None:
    return world.store.get(SELLER_KIND, seller_id)


def seller_by_login(world: World, login: str) -> dict[str, Any] | None:
    doc = world.store.get_by_alt(SELLER_KIND, "", login.lower())
    return doc.data if doc else None


def find_seller(world: World, login_or_id: str) -> dict[str, Any] | None:
    """By login (case-insensitive) or by user id, as `login_hint` may carry either."""
    return seller_by_login(world, login_or_id) or get_seller(world, login_or_id)


def currency(marketplace: str) -> str:
    return MARKETPLACES.get(marketplace, "PLN")


def _tax_id(world: World) -> str:
    """A Polish NIP with a valid check digit, derived from the seed."""
    digits = world.ids.token("tax_id", 9, "0123456789")
    digits = str(max(1, int(digits[0]))) + digits[1:]
    while True:
        check = sum(int(d) * w for d, w in zip(digits, _NIP_WEIGHTS, strict=True)) % 11
        if check < 10:
            return digits + str(check)
        digits = f"{(int(digits) + 1) % 10**9:09d}"


# --- OAuth clients ---------------------------------------------------------------------------------------------------
def create_client(world: World, *, redirect_uris: Sequence[str] = (), scopes: Sequence[str] | None = None,
                  grants: Sequence[str] = GRANTS, name: str = "", verified: bool = True) -> dict[str, Any]:
    """An OAuth application. Without registered redirect URIs it accepts any http://localhost:* or
    http://127.0.0.1:* one (as the demo client does); with them, exactly those. `verified`: whether Allegro verified
    it (only verified applications may search offers, `GET /offers/listing`)."""
    client_id = world.ids.hex("client_id", 32)
    client = {
        "clientId": client_id,
        "clientSecret": world.ids.token("client_secret", 64),
        "name": name,
        "redirectUris": list(redirect_uris),
        "scopes": list(scopes) if scopes is not None else list(all_scopes()),
        "grants": list(grants),
        "verified": verified,
        "createdAt": world.clock.now_ms(),
    }
    world.store.put(CLIENT_KIND, client_id, client)
    return client


def get_client(world: World, client_id: str) -> dict[str, Any] | None:
    return world.store.get(CLIENT_KIND, client_id) if client_id else None


def redirect_allowed(client: dict[str, Any], uri: str) -> bool:
    registered: list[str] = client.get("redirectUris") or []
    if registered:
        return uri in registered
    return is_loopback(uri)


def is_loopback(uri: str) -> bool:
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return False
    return parts.scheme == "http" and parts.hostname in ("localhost", "127.0.0.1") and not parts.fragment
