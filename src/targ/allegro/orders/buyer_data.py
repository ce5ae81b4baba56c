"""Plausible buyers for purchases that leave them out: Polish names, an address in the marketplace's country, a phone
number, a login and a masked e-mail address, all drawn from the world's seed (same seed, same buyers).

Buyers are docs of kind `buyer` (id = the user id, a decimal string like the vendor's, alt = the lower-cased login,
no owner: a buyer buys from any seller). A purchase naming a login that bought before is the same buyer.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import TYPE_CHECKING, Any

from targ.allegro.sellers import _tax_id
from targ.json_types import Json

if TYPE_CHECKING:
    from targ.world import World

BUYER_KIND = "buyer"
FIRST_BUYER_ID = 48_000_000

_MEN = ("Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Jakub", "Adam", "Łukasz",
        "Grzegorz")
_WOMEN = ("Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Magdalena", "Joanna",
          "Zofia", "Aleksandra", "Natalia")
# (masculine, feminine) forms: Polish surnames in -ski/-cki agree with the bearer.
_SURNAMES = (("Kowalski", "Kowalska"), ("Nowak", "Nowak"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"),
             ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"), ("Zieliński", "Zielińska"),
             ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"), ("Dąbrowski", "Dąbrowska"),
             ("Kozłowski", "Kozłowska"), ("Jankowski", "Jankowska"), ("Mazur", "Mazur"), ("Krawczyk", "Krawczyk"))
_STREETS = {
    "PL": ("Grunwaldzka", "Marszałkowska", "Długa", "Polna", "Leśna", "Słoneczna", "Szkolna", "Ogrodowa", "Lipowa",
           "Kościuszki", "Mickiewicza", "Piłsudskiego"),
    "CZ": ("Vinohradská", "Národní", "Husova", "Palackého", "Masarykova", "Nádražní"),
    "SK": ("Obchodná", "Hlavná", "Štúrova", "Námestie SNP", "Mlynská", "Kollárova"),
    "HU": ("Andrássy út", "Váci utca", "Rákóczi út", "Petőfi utca", "Kossuth Lajos utca", "Dózsa György út"),
}
# (city, postcode prefix, postcode format): PL `60-166`, CZ/SK `110 00`, HU `1011`.
_CITIES = {
    "PL": (("Poznań", "60"), ("Warszawa", "00"), ("Kraków", "30"), ("Wrocław", "50"), ("Gdańsk", "80"),
           ("Łódź", "90"), ("Szczecin", "70"), ("Lublin", "20"), ("Katowice", "40"), ("Białystok", "15")),
    "CZ": (("Praha", "110"), ("Brno", "602"), ("Ostrava", "702"), ("Plzeň", "301")),
    "SK": (("Bratislava", "811"), ("Košice", "040"), ("Žilina", "010"), ("Nitra", "949")),
    "HU": (("Budapest", "10"), ("Debrecen", "40"), ("Szeged", "67"), ("Pécs", "76")),
}
_PHONE_PREFIX = {"PL": "", "CZ": "+420", "SK": "+421", "HU": "+36"}
COUNTRY_OF = {"allegro-pl": "PL", "allegro-cz": "CZ", "allegro-sk": "SK", "allegro-hu": "HU"}


class _Draw:
    """Reproducible picks from one buyer's digest."""

    def __init__(self, seed: str) -> None:
        self._bytes = hashlib.sha256(seed.encode()).digest() + hashlib.sha256(f"{seed}/2".encode()).digest()
        self._at = 0

    def number(self, size: int) -> int:
        b = self._bytes[self._at:self._at + 2]
        self._at += 2
        return int.from_bytes(b, "big") % size

    def pick(self, items: tuple[Any, ...]) -> Any:
        return items[self.number(len(items))]

    def digits(self, n: int) -> str:
        return "".join(str(self.number(10)) for _ in range(n))


def _ascii(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalnum()).lower()


def postcode(country: str, prefix: str, draw: _Draw) -> str:
    if country == "PL":
        return f"{prefix}-{draw.digits(3)}"
    if country == "HU":
        return f"{prefix}{draw.digits(2)}"
    return f"{prefix} {draw.digits(2)}"


def address(country: str, draw: _Draw) -> Json:
    city, prefix = draw.pick(_CITIES[country])
    street = f"{draw.pick(_STREETS[country])} {1 + draw.number(180)}"
    if draw.number(3) == 0:
        street += f"/{1 + draw.number(40)}"
    return {"street": street, "city": city, "postCode": postcode(country, prefix, draw), "countryCode": country}


def new_buyer(world: World, marketplace: str, given: Json) -> Json:
    """A buyer with every field the CheckoutForm carries; `given` fields win over generated ones (`id` too: an
    Allegro account buying, e.g. an auction's winner, is the same user)."""
    buyer_id = str(given.get("id") or world.ids.number(BUYER_KIND, FIRST_BUYER_ID))
    draw = _Draw(f"{world.seed}/buyer/{buyer_id}")
    country = COUNTRY_OF.get(marketplace, "PL")
    woman = draw.number(2) == 0
    first = draw.pick(_WOMEN if woman else _MEN)
    last = draw.pick(_SURNAMES)[1 if woman else 0]
    first, last = given.get("firstName", first), given.get("lastName", last)
    login = given.get("login") or f"{_ascii(first)}_{_ascii(last)}{draw.number(90) + 10}"
    if find_buyer(world, login) is not None:   # a generated login already taken: make it unique
        login = f"{login}_{buyer_id[-4:]}"
    mask = hashlib.sha256(f"{world.seed}/mail/{buyer_id}".encode()).hexdigest()
    buyer: Json = {
        "id": buyer_id,
        # Allegro masks buyers' addresses behind its relay (`92d4ztzf3b+439cdbf74@allegromail.pl`).
        "email": given.get("email") or f"{mask[:10]}+{mask[10:19]}@allegromail.pl",
        "login": login,
        "firstName": first,
        "lastName": last,
        "guest": bool(given.get("guest", False)),
        "phoneNumber": given.get("phoneNumber") or _PHONE_PREFIX[country] + str(5 + draw.number(4)) + draw.digits(8),
        "preferences": {"language": given.get("language") or {"PL": "pl-PL", "CZ": "cs-CZ", "SK": "sk-SK",
                                                                 "HU": "hu-HU"}[country]},
        "address": {**address(country, draw), **(given.get("address") or {})},
    }
    for key in ("companyName", "personalIdentity"):
        if given.get(key):
            buyer[key] = given[key]
    if buyer.get("companyName"):
        buyer["taxId"] = given.get("taxId") or _tax_id(world)
    return buyer


def find_buyer(world: World, login: str) -> Json | None:
    doc = world.store.get_by_alt(BUYER_KIND, "", login.lower())
    return doc.data if doc else None


def buyer_for(world: World, marketplace: str, given: Json) -> Json:
    """The buyer a purchase names by login (created on first use), or a new generated one."""
    login = given.get("login")
    known = find_buyer(world, login) if login else None
    if known is not None:
        return known
    buyer = new_buyer(world, marketplace, given)
    world.store.put(BUYER_KIND, buyer["id"], buyer, alt=buyer["login"].lower())
    return buyer


def pickup_point_code(city: str, draw_seed: str) -> str:
    """A locker-style point code (`POZ08A`) for carriers whose points targ has no dataset of."""
    draw = _Draw(draw_seed)
    return f"{_ascii(city)[:3].upper()}{draw.number(100):02d}{'ABCDEFGHJKLMN'[draw.number(13)]}"
