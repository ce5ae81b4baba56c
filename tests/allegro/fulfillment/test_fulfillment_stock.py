"""Fulfillment stock through plain HTTP: quantities and sales figures from real orders, storage fees on the clock,
every filter and sort, the CSV file, and the products a seller may announce."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest
from fulfillment_helpers import (
    buy,
    complete_body,
    guide_offer_body,
    later,
    other_seller,
    send,
    submitted,
    warehouse,
)

from targ.allegro.fulfillment.products import FfProduct
from targ.allegro.fulfillment.stock import Row
from targ.allegro.fulfillment.stock_listing import ordered
from targ.testing import TargServer

STOCK = "/fulfillment/stock"


def _rows(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    resp = client.get(STOCK, params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()["stock"]


def _buy(targ: TargServer, offer_id: str, quantity: int, *, pay: bool = True) -> str:
    return str(buy(targ, offer_id, quantity, pay=pay)["checkoutFormId"])


def test_orders_reserve_units_and_make_the_sales_figures(targ: TargServer, allegro: httpx.Client,
                                                         demo: dict[str, Any]) -> None:
    offer = demo["offers"][2]
    order = _buy(targ, offer["id"], 3, pay=False)       # unpaid: the warehouse waits, the buyer may cancel
    [row] = _rows(allegro)
    assert row["quantity"] == {"onOffer": 17, "available": 17, "onOrder": 3, "onHold": 0}
    assert row["sellingStats"] == {"lastWeekAverage": 0, "lastFourteenDaysAverage": 0, "lastThirtyDaysSum": 0}
    assert row["reserve"] == {"status": "NOT_ENOUGH_DATA"}            # today's sales do not count yet
    later(targ, allegro, "P1D")
    [row] = _rows(allegro)
    assert row["sellingStats"] == {"lastWeekAverage": 0.43, "lastFourteenDaysAverage": 0.21, "lastThirtyDaysSum": 3}
    assert row["reserve"] == {"outOfStockIn": 80, "status": "NORMAL"}
    targ.admin.call("POST", f"/buyer/checkout-forms/{order}/cancel")
    [row] = _rows(allegro)
    assert row["quantity"] == {"onOffer": 20, "available": 20, "onOrder": 0, "onHold": 0}
    assert row["sellingStats"]["lastThirtyDaysSum"] == 0


def test_availability_and_reserve_filters(targ: TargServer, allegro: httpx.Client, demo: dict[str, Any]) -> None:
    _buy(targ, demo["offers"][2]["id"], 15)
    later(targ, allegro, "P1D")
    [row] = _rows(allegro)
    assert row["quantity"]["available"] == 5 and row["reserve"] == {"outOfStockIn": 4, "status": "LOW_STOCK"}
    assert len(_rows(allegro, productAvailability="LOW")) == 1
    assert _rows(allegro, productAvailability="SUFFICIENT") == []
    assert len(_rows(allegro, productAvailability=["SUFFICIENT", "LOW"])) == 1
    assert len(_rows(allegro, outOfStockInFrom=4, outOfStockInTo=4)) == 1
    assert _rows(allegro, outOfStockInFrom=5) == []
    _buy(targ, demo["offers"][2]["id"], 5)
    [row] = _rows(allegro, productAvailability="UNAVAILABLE")
    assert row["quantity"]["available"] == 0 and row["reserve"] == {"outOfStockIn": 0, "status": "LOW_STOCK"}


def test_other_filters(allegro: httpx.Client, product: str) -> None:
    assert len(_rows(allegro, phrase="POWERbank")) == 1
    assert _rows(allegro, phrase="kubek") == []
    assert len(_rows(allegro, productId=product)) == 1
    assert _rows(allegro, productId="6c2bcbe1-3040-4230-952a-6599da2f4b49") == []
    assert _rows(allegro, productStatus="UNFULFILLABLE") == []
    assert len(_rows(allegro, asnStatus="NOT_FOUND")) == 1 and _rows(allegro, asnStatus="SUBMITTED") == []
    assert allegro.get(STOCK, params={"phrase": "po"}).status_code == 422       # at least 3 characters
    assert allegro.get(STOCK, params={"sort": "price"}).status_code == 422


def test_storage_fees_on_the_clock(targ: TargServer, allegro: httpx.Client) -> None:
    # The demo's 20 units were put away on 2025-12-31; they are stored free for 90 days.
    assert _rows(allegro, storageFee="FREE")[0]["storageFee"] == {"status": "NOT_APPLICABLE",
                                                                   "feeStatusAt": "2025-12-31"}
    later(targ, allegro, "P85D")
    assert _rows(allegro, storageFee="FREE") == [] and len(_rows(allegro, storageFee="TO_BE_PAID_SOON")) == 1
    later(targ, allegro, "P5D")
    [row] = _rows(allegro, storageFee="PAID")
    assert row["storageFee"] == {"status": "CHARGED", "feeStatusAt": "2026-03-31", "details": {
        "chargedItemsQuantity": 20, "amountNet": 1.0, "amountGross": 1.23, "currency": "PLN"}}


def _iphone_offer(targ: TargServer, allegro: httpx.Client) -> str:
    """A second One Fulfillment offer (the catalogue's iPhone), created as the guide says."""
    resp = send(allegro, "POST", "/sale/product-offers", guide_offer_body({"name": "One Fulfillment PL"}))
    assert resp.status_code in (201, 202), resp.text
    targ.drain()
    return str(resp.json()["productSet"][0]["product"]["id"])


def test_two_products_sorted_paged_and_as_csv(targ: TargServer, allegro: httpx.Client, product: str) -> None:
    iphone = _iphone_offer(targ, allegro)
    names = [p["name"] for p in allegro.get("/fulfillment/available-products").json()["products"]]
    assert len(names) == 2 and names == sorted(names, key=str.casefold)
    page = allegro.get("/fulfillment/available-products", params={"offset": 1, "limit": 1}).json()
    assert page["count"] == 1 and page["totalCount"] == 2 and page["products"][0]["name"] == names[1]
    asn = submitted(targ, allegro, complete_body(iphone, quantity=3))
    assert {r["product"]["id"] for r in _rows(allegro, asnStatus="SUBMITTED")} == {iphone}
    warehouse(targ, asn["id"], "arrive")
    warehouse(targ, asn["id"], "receive", {"content": [{"product": {"id": iphone}, "received": [
        {"quantity": 2, "receivedType": "SELLABLE"},
        {"quantity": 1, "receivedType": "DAMAGE", "reasonCode": "UNSCANNABLE_BARCODE"}]}]})
    warehouse(targ, asn["id"], "complete")

    by_name = [r["product"]["id"] for r in _rows(allegro)]
    assert sorted(by_name) == sorted([iphone, product])
    assert [r["product"]["id"] for r in _rows(allegro, sort="-name")] == by_name[::-1]
    assert [r["product"]["id"] for r in _rows(allegro, sort="available")] == [iphone, product]
    assert [r["product"]["id"] for r in _rows(allegro, sort="-available")] == [product, iphone]
    assert [r["product"]["id"] for r in _rows(allegro, sort="-unfulfillable")] == [iphone, product]
    assert [r["product"]["id"] for r in _rows(allegro, productStatus="UNFULFILLABLE")] == [iphone]
    second = allegro.get(STOCK, params={"sort": "available", "offset": 1, "limit": 1}).json()
    assert second["count"] == 1 and second["totalCount"] == 2 and second["stock"][0]["product"]["id"] == product

    # CSV: the same rows, by name, whatever the paging, sorting and productId say.
    listed = {r["product"]["id"]: r for r in _rows(allegro)}
    resp = allegro.get(STOCK, params={"limit": 1, "sort": "-available", "productId": iphone},
                       headers={"Accept": "text/csv"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert resp.text.splitlines()[0] == ('"id_produktu","nazwa","na_ofercie","w_realizacji","niezdatne","url_obrazka",'
                                         '"data_ostatniej_aktualizacji","data_wygenerowania_pliku","numery_seryjne"')
    table = list(csv.DictReader(io.StringIO(resp.text)))
    assert [r["id_produktu"] for r in table] == by_name
    for r in table:
        json_row = listed[r["id_produktu"]]
        assert (r["nazwa"], int(r["na_ofercie"]), int(r["w_realizacji"]), int(r["niezdatne"]), r["url_obrazka"]) == (
            json_row["product"]["name"], json_row["quantity"]["onOffer"], json_row["quantity"]["onOrder"],
            json_row["quantity"]["onHold"], json_row["product"].get("image", ""))
        assert r["data_wygenerowania_pliku"] == "2026-01-01 00:00" and r["numery_seryjne"] == ""


def test_a_seller_sees_only_its_own_stock(targ: TargServer) -> None:
    _, stranger = other_seller(targ, "stranger")
    with stranger:
        assert stranger.get(STOCK).json() == {"stock": [], "count": 0, "totalCount": 0}
        assert stranger.get("/fulfillment/available-products").json() == {"products": [], "count": 0,
                                                                           "totalCount": 0}
        assert stranger.get(STOCK, headers={"Accept": "text/csv"}).text.count("\n") == 1


# --- sort orders that need many rows: checked on rows made by hand ---------------------------------------------------
def _row(name: str, available: int, days: int | None, status: str, fee_rank: tuple[int, float]) -> Row:
    return Row(product=FfProduct(id=name, name=name, gtins=[], image=None), available=available, on_offer=0,
               on_order=0, on_hold=0, week_average=0, fortnight_average=0, month_sum=0, out_of_stock_in=days,
               reserve_status=status, fee={}, fee_group="FREE", fee_rank=fee_rank, pending_delivery=False,
               updated_at=0)


@pytest.mark.parametrize(("sort", "expected"), [
    ("reserve", ["empty", "unknown", "soon", "later"]),
    ("-reserve", ["later", "soon", "empty", "unknown"]),
    ("storageFee", ["empty", "unknown", "soon", "later"]),
    ("-storageFee", ["later", "soon", "unknown", "empty"]),
])
def test_reserve_and_storage_fee_orders(sort: str, expected: list[str]) -> None:
    rows = [_row("later", 9, 300, "NORMAL", (3, 5.0)), _row("soon", 3, 5, "LOW_STOCK", (3, 1.0)),
            _row("unknown", 4, None, "NOT_ENOUGH_DATA", (1, 0.0)), _row("empty", 0, 0, "LOW_STOCK", (0, 0.0))]
    assert [r.product.name for r in ordered(rows, sort)] == expected
