"""`GET /__targ/demo` and the demo world behind it."""

from __future__ import annotations

from admin_helpers import Admin

from targ.allegro.oauth.keys import decode
from targ.allegro.oauth.tokens import all_scopes
from targ.demo import demo_view, seed
from targ.http.request import Headers, Request
from targ.voucherify.auth import VoucherifyAuth
from targ.world import DEFAULT_TEST_START, Options, World

KEYS = ["sellerId", "login", "accessToken", "refreshToken", "scopes", "clientId", "clientSecret",
        "voucherifyApplicationId", "voucherifySecretKey", "offers"]


def _world(seed_value: int = 0) -> World:
    return World(Options(seed=seed_value, clock_start=DEFAULT_TEST_START, frozen=True), seeder=seed)


def test_demo_body(admin: Admin) -> None:
    r = admin.call("GET", "/demo")
    assert r.status_code == 200
    demo = r.json()
    assert list(demo) == KEYS
    assert demo["login"] == "demo-seller"
    assert demo["scopes"] == list(all_scopes())
    assert decode(demo["accessToken"])["user_name"] == demo["sellerId"]
    offers = demo["offers"]
    assert [(o["stock"], o["oneFulfillment"]) for o in offers] == [(100, False), (2, False), (20, True)]
    for o in offers:
        assert list(o) == ["id", "name", "productId", "ean", "price", "stock", "oneFulfillment"]
        assert o["id"].isdigit() and len(o["ean"]) == 13
        assert o["price"]["currency"] == "PLN"
        assert isinstance(o["price"]["amount"], str)
    me = admin.me(demo["accessToken"]).json()
    assert me["features"] == ["ONE_FULFILLMENT"]
    assert me["baseMarketplace"] == {"id": "allegro-pl"}


def test_demo_token_is_stable_until_it_expires_then_reminted(admin: Admin) -> None:
    first = admin.srv.demo
    assert admin.srv.demo["accessToken"] == first["accessToken"]
    admin.srv.clock.advance("PT12H")
    assert admin.me(first["accessToken"]).status_code == 401
    second = admin.srv.demo
    assert second["accessToken"] != first["accessToken"]
    assert second["refreshToken"] != first["refreshToken"]
    assert admin.me(second["accessToken"]).status_code == 200
    assert admin.srv.demo["accessToken"] == second["accessToken"]
    # Deterministic: the same calls after a reset give the same re-minted token.
    admin.srv.reset()
    assert admin.srv.demo["accessToken"] == first["accessToken"]
    admin.srv.clock.advance("PT12H")
    assert admin.srv.demo["accessToken"] == second["accessToken"]


def test_demo_token_reminted_after_its_refresh_token_was_used(admin: Admin) -> None:
    demo = admin.srv.demo
    r = admin.http.post("/auth/oauth/token", data={"grant_type": "refresh_token",
                                                   "refresh_token": demo["refreshToken"]},
                        auth=(demo["clientId"], demo["clientSecret"]))
    assert r.status_code == 200
    fresh = admin.srv.demo
    assert fresh["accessToken"] != demo["accessToken"]
    assert admin.me(fresh["accessToken"]).status_code == 200


def test_demo_world_is_deterministic_and_seeded() -> None:
    a, b, c = _world(0), _world(0), _world(1)
    try:
        assert demo_view(a) == demo_view(b)
        assert demo_view(a)["accessToken"] != demo_view(c)["accessToken"]
        assert demo_view(a)["clientId"] != demo_view(c)["clientId"]
    finally:
        for w in (a, b, c):
            w.close()


def test_demo_world_documents() -> None:
    world = _world()
    try:
        demo = demo_view(world)
        seller = demo["sellerId"]
        offers = world.store.find("offer", seller)
        assert [o.id for o in offers] == [o["id"] for o in demo["offers"]]
        c = offers[2].data
        assert c["publication"]["status"] == "ACTIVE"
        assert c["stock"] == {"available": 20, "unit": "UNIT"}
        assert c["fulfillment"] == {"provider": "ALLEGRO"}
        (asn,) = world.store.find("asn", seller)
        assert asn.data["status"] == "COMPLETED"
        assert asn.data["displayNumber"].startswith("A-251227-")
        received = asn.data["receiving"]["content"][0]
        assert received["product"]["id"] == c["product"]["id"]
        assert received["received"] == [{"quantity": 20, "receivedType": "SELLABLE"}]

        headers = Headers([(b"x-app-id", demo["voucherifyApplicationId"].encode()),
                           (b"x-app-token", demo["voucherifySecretKey"].encode())])
        principal = VoucherifyAuth(world).principal(Request(world, "GET", "/v1/orders", headers, "http://localhost"))
        assert principal.project_id and principal.key_kind == "server"
    finally:
        world.close()
