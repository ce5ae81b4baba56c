"""The demo product catalogue: products Allegro knows before any seller proposes one.

Seeded into every world (docs of kind `product`, owner "" = the public catalogue) by `seed_catalog`, in a fixed
order, so ids follow the world's seed. The first three are the products of the demo offers A, B and C (their ids
are `ids.uuid("product")` 1, 2, 3, as they always were). Categories and parameter ids come from the reference
dataset (targ.allegro.catalog); EANs are valid GTIN-13 numbers with the prefix the demo offers use. One product has
no EAN and two sit in categories One Fulfillment does not allow, so that every One Fulfillment rule can be met or
broken with catalogue data alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from targ.clock import iso

if TYPE_CHECKING:
    from targ.world import World

PRODUCT_KIND = "product"
PUBLIC = ""          # owner of catalogue products: everyone sees them
EAN = "225693"       # EAN (GTIN)
MPN = "224017"       # Kod producenta
CONDITION = "11323"  # Stan; 11323_1 = Nowy
NEW = "11323_1"


def ean13(twelve: str) -> str:
    """A GTIN-13 from its first twelve digits (the check digit appended)."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(twelve))
    return twelve + str((10 - total % 10) % 10)


@dataclass(frozen=True)
class Demo:
    name: str
    category: str
    ean: str | None                       # twelve digits, or None for a product without a GTIN
    mpn: str | None = None
    parameters: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()   # (id, valuesIds, values)
    description: str = ""
    similar: tuple[str, ...] = field(default=())


def _d(pid: str, *ids: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return pid, ids, ()


def _v(pid: str, *values: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return pid, (), values


DEMO_PRODUCTS: tuple[Demo, ...] = (
    # The products of demo offers A, B and C: their EANs are the ones GET /__targ/demo has always shown.
    Demo("Kubek ceramiczny biały 330 ml", "210098", "590123412345", "KUB-330-W",
         description="Biały kubek z ceramiki, pojemność 330 ml, można myć w zmywarce."),
    Demo("Lampka biurkowa LED czarna z USB", "33652", "590123412346", "LMP-LED-USB-B",
         description="Lampka LED z regulacją jasności i zasilaniem z USB."),
    Demo("Powerbank 10000 mAh USB-C czarny", "100295", "590123412347", "PB-10K-C",
         (_d("255340", "255340_1"), _v("209631", "10000"), _d("225247", "225247_1")),
         "Powerbank 10000 mAh z portem USB-C i szybkim ładowaniem."),
    # The guide's example book (category 79155 and its parameter values).
    Demo("Gra o tron. Pieśń lodu i ognia. Tom 1", "79155", "978837506223", None,
         (_v("223545", "Gra o tron"), _v("223489", "George R.R. Martin"), _d("75", "75_2"), _v("74", "2018"),
          _d("24648", "24648_1"), _v("245669", "9788375062236"), _d("223541", "223541_303061"),
          _v("233506", "844")),
         "Pierwszy tom sagi Pieśń lodu i ognia."),
    Demo("Apple iPhone 15 128 GB czarny", "165", "590123412001", "MTP03PX/A",
         (_d("255340", "255340_2"), _v("258343", "iPhone 15"), _d("227562", "227562_4"), _d("225247", "225247_1"),
          _v("249673", "6.1")), "Smartfon Apple iPhone 15 z ekranem 6,1 cala."),
    Demo("Samsung Galaxy S24 256 GB szary", "165", "590123412002", "SM-S921BZADEUE",
         (_d("255340", "255340_3"), _v("258343", "Galaxy S24"), _d("227562", "227562_5"), _d("225247", "225247_3"),
          _v("249673", "6.2")), "Smartfon Samsung Galaxy S24."),
    Demo("Xiaomi Redmi Note 13 128 GB niebieski", "165", "590123412003", "REDMI-N13-128-BL",
         (_d("255340", "255340_4"), _v("258343", "Redmi Note 13"), _d("227562", "227562_4"),
          _d("225247", "225247_5"), _v("249673", "6.67")), "Smartfon Xiaomi Redmi Note 13."),
    Demo("Laptop Lenovo IdeaPad 5 16 GB RAM Windows 11", "491", "590123412004", "82XF0042PB",
         (_d("255340", "255340_1"), _d("202870", "202870_1"), _v("202877", "8"), _d("202653", "202653_3"),
          _d("216968", "216968_1"), _v("249673", "15.6")), "Laptop z procesorem ośmiordzeniowym."),
    Demo("Słuchawki bezprzewodowe Sony WH-1000XM5 czarne", "274568", "590123412005", "WH1000XM5B",
         (_d("255340", "255340_5"),), "Nauszne słuchawki z aktywną redukcją szumów."),
    Demo("Ładowarka sieciowa USB-C 65 W GaN biała", "97400", "590123412006", "GAN-65-W",
         (_d("255340", "255340_1"),), "Ładowarka GaN 65 W z portem USB-C."),
    Demo("Etui silikonowe do iPhone 15 czarne", "153216", "590123412007", "CASE-IP15-B",
         (_d("255340", "255340_2"),), "Silikonowe etui ochronne."),
    Demo("LEGO Classic 11717 Kreatywne klocki", "66436", "590123412008", "11717",
         (_d("254385", "254385_2"), _v("219877", "1000")), "Zestaw 1000 klocków LEGO Classic."),
    Demo("Czajnik elektryczny Philips 1,7 l stalowy", "188363", "590123412009", "HD9350/90",
         (_d("255340", "255340_7"),), "Czajnik ze stali nierdzewnej, 2200 W."),
    Demo("Ekspres do kawy Bosch automatyczny", "259293", "590123412010", "TIS30351DE",
         (_d("255340", "255340_8"),), "Automatyczny ekspres ciśnieniowy."),
    # Without an EAN: One Fulfillment cannot list it (the guide).
    Demo("Kabel HDMI 2.1 2 m czarny", "12", None, "HDMI21-2M",
         (_d("255340", "255340_1"),), "Kabel HDMI 2.1 o długości 2 m."),
    # In categories One Fulfillment does not take (bulky goods, food).
    Demo("Lodówka Bosch 186 cm biała", "220898", "590123412011", "KGN36VWED",
         (_d("255340", "255340_8"),), "Lodówka z zamrażarką, 186 cm."),
    Demo("Kawa ziarnista 1 kg arabica", "164287", "590123412012", "KAWA-ARA-1KG",
         (_v("234902", "1000"), _d("246214", "246214_1")), "Kawa ziarnista 100% arabica."),
)


def image_url(seed: int, product_index: int, n: int) -> str:
    """A stable image address in the vendor's form (`https://a.allegroimg.com/original/<path>/<hash>`)."""
    digest = hashlib.sha256(f"{seed}/product-image/{product_index}/{n}".encode()).hexdigest()
    return f"https://a.allegroimg.com/original/11{digest[:4]}/{digest[4:36]}"


def product_doc(world: World, demo: Demo, index: int) -> dict[str, Any]:
    parameters: list[dict[str, Any]] = []
    if demo.ean is not None:
        parameters.append({"id": EAN, "values": [ean13(demo.ean)]})
    if demo.mpn is not None:
        parameters.append({"id": MPN, "values": [demo.mpn]})
    for pid, value_ids, values in demo.parameters:
        parameters.append({"id": pid, **({"valuesIds": list(value_ids)} if value_ids else {"values": list(values)})})
    now = iso(world.clock.now_ms())
    return {
        "id": world.ids.uuid(PRODUCT_KIND),
        "name": demo.name,
        "category": {"id": demo.category, "similar": [{"id": c} for c in demo.similar]},
        "images": [{"url": image_url(world.seed, index, n)} for n in (1, 2)],
        "parameters": parameters,
        "description": {"sections": [{"items": [{"type": "TEXT", "content": f"<p>{demo.description}</p>"}]}]},
        "language": "pl-PL",
        "publication": {"status": "LISTED"},
        "createdAt": now,
        "updatedAt": now,
    }


def seed_catalog(world: World) -> list[dict[str, Any]]:
    """Stores the demo catalogue (inside the image-building transaction) and returns it in order."""
    docs = [product_doc(world, demo, i) for i, demo in enumerate(DEMO_PRODUCTS)]
    for doc in docs:
        world.store.put(PRODUCT_KIND, doc["id"], doc, owner=PUBLIC)
    return docs
