"""Allegro's fee tables (allegro-reference.json `commissions` and `fees`): what billing charges and the pricing
operations preview and quote. Every row carries its `source` (a URL or a tracker thread), or `None` where no public
source was found and the value is targ's own estimate (docs/datasets.md lists them).

Amounts are gross (VAT included), as the vendor answers fee previews and billing entries (allegro-api #2739, #7447
staff: "Są to kwoty brutto"); a commission is a percentage of the gross price, rounded up to the grosz
(REGULATIONS, Part I point 3: "Kwoty prowizji zaokrąglane są w górę do pełnych groszy").
"""

from __future__ import annotations

from typing import Any

REGULATIONS = "https://allegro.pl/regulamin/pl/zalacznik-4"
TRACKER = "https://github.com/allegro/allegro-api/issues/"

# (main category id, name, gross rate %, source). The real tariff is set per subcategory, often by price band
# (allegro-api #5367 quotes "Zabawki: do 50 zł: 14%, powyżej 50 zł: 7 zł + 8% od nadwyżki"; a 2026 reading of the
# official schedule counts 9 522 categories and 36 formulas: github.com/liballeg/allegro5/discussions/1768), so one
# rate per main category is targ's simplification. Only Motoryzacja's rate matches a vendor answer: 9 % of 19.99
# = 1.80 for Motoryzacja > Chemia > Płyny do spryskiwaczy (allegro-api #4304, 2021). Advertisement categories pay
# classified packages, not commission (allegro-api #8007).
COMMISSIONS = [
    ("5", "Dom i Ogród", "11.00", None),
    ("11763", "Dziecko", "10.00", None),
    ("302806", "Elektronika", "8.00", None),
    ("128420", "Firma i usługi", "10.00", None),
    ("33606", "Kolekcje i sztuka", "12.00", None),
    ("316710", "Kultura i rozrywka", "12.00", None),
    ("12343", "Moda", "14.00", None),
    ("3", "Motoryzacja", "9.00", TRACKER + "4304"),
    ("20782", "Nieruchomości", "0.00", TRACKER + "8007"),
    ("258832", "Supermarket", "9.00", None),
    ("1429", "Uroda", "11.00", None),
    ("121882", "Zdrowie", "11.00", None),
    ("3919", "Sport i turystyka", "10.00", None),
]
# An offer whose category the tree does not know pays this rate (no source: targ's choice).
DEFAULT_COMMISSION = ("10.00", None)
# The commission on a sale of a featured (emphasized) offer, charged on top of the sales commission, as a share of
# it: 40.95 = 75 % of 54.60 (allegro-api #6935), 1.00 = 75 % of 1.33 rounded up (#8568); "a 0.75x surcharge on
# promoted listings" (liballeg/allegro5 discussion 1768).
FEATURED_SHARE = ("75.00", TRACKER + "6935")

# The listing fee quoted for an offer of a goods category: "Wystawienie przedmiotu", listingFee, 0.00 every
# PT240H (allegro-api #8568, #8669, 2024): publishing an offer is free in every category but the ones the
# regulations list (REGULATIONS, Part II point 1), and none of targ's goods categories is among them.
LISTING = {"type": "listingFee", "name": "Wystawienie przedmiotu", "nameEn": "Listing fee", "quoteType": "LISTING",
           "quoteName": "Wystawienie", "quoteNameEn": "Listing", "cycleDuration": "PT240H",
           "prices": {"PLN": "0.00", "CZK": "0.00", "EUR": "0.00", "HUF": "0.00"}, "source": TRACKER + "8669"}

# Promotion packages (promotionPackages), one fee per cycle. The fee preview's type and name for a featured offer
# are the vendor's (distinctionFee, "Opłata za wyróżnienie", 19.90 PLN per PT240H: allegro-api #8568, 2024-06);
# offer quotes call both featured packages EMPHASIZED "Wyróżnienie" (#11105 staff, #1022) and the others by the
# names the documentation lists (#2991). Every other amount is targ's estimate.
PROMOTIONS: list[dict[str, Any]] = [
    {"packageId": "emphasized10d", "type": "distinctionFee", "name": "Opłata za wyróżnienie",
     "nameEn": "Featured offer fee", "quoteType": "EMPHASIZED", "quoteName": "Wyróżnienie",
     "quoteNameEn": "Featured offer", "prices": {"PLN": "19.90", "CZK": "99.00", "EUR": "3.99", "HUF": "1590.00"},
     "source": TRACKER + "8568"},
    {"packageId": "emphasized1d", "type": "distinctionFee", "name": "Opłata za wyróżnienie",
     "nameEn": "Featured offer fee", "quoteType": "EMPHASIZED", "quoteName": "Wyróżnienie",
     "quoteNameEn": "Featured offer", "prices": {"PLN": "2.49", "CZK": "12.00", "EUR": "0.49", "HUF": "199.00"},
     "source": None},
    {"packageId": "departmentPage", "type": "departmentPageFee", "name": "Opłata za stronę działu",
     "nameEn": "Department page fee", "quoteType": "DEPARTMENT_PAGE", "quoteName": "Strona działu",
     "quoteNameEn": "Department page", "prices": {"PLN": "39.00", "CZK": "199.00", "EUR": "7.99", "HUF": "3190.00"},
     "source": None},
    {"packageId": "promoPackage", "type": "promoPackageFee", "name": "Opłata za pakiet promo",
     "nameEn": "Promo package fee", "quoteType": "EMPHASIZED_HIGHLIGHT_BOLD_PACKAGE", "quoteName": "Pakiet promo",
     "quoteNameEn": "Promo package", "prices": {"PLN": "59.00", "CZK": "299.00", "EUR": "11.99",
                                                "HUF": "4790.00"},
     "source": None},
]

# Classified packages (advertisement categories), by name, priced per publication (targ's estimates: the tracker
# quotes none).
CLASSIFIEDS = {"Standard": "29.00", "Power": "79.00", "Premium": "149.00", "Podbicie": "19.00"}


def commissions() -> dict[str, Any]:
    rate, source = DEFAULT_COMMISSION
    share, share_source = FEATURED_SHARE
    return {"rounding": "UP", "roundingSource": REGULATIONS, "default": rate, "defaultSource": source,
            "featuredShare": share, "featuredShareSource": share_source,
            "byMainCategory": [{"categoryId": i, "name": n, "rate": r, "source": s} for i, n, r, s in COMMISSIONS]}


def fees(classified: list[dict[str, Any]]) -> dict[str, Any]:
    """`classified`: the classified packages as written to the file (their ids are drawn or pinned there)."""
    return {"listing": LISTING, "promotions": PROMOTIONS,
            "classifieds": [{"packageId": p["id"], "type": "listingFee", "name": f"Pakiet {p['name']}",
                             "nameEn": f"{p['name']} package", "prices": {"PLN": CLASSIFIEDS[p["name"]]},
                             "source": None} for p in classified]}
