"""Everything else Allegro owns: marketplaces, campaigns, packages, services, templates, types (pure data)."""

from __future__ import annotations

MARKETPLACES = [
    {"id": "allegro-pl", "languages": {"offerCreation": [{"code": "pl-PL"}, {"code": "en-US"}, {"code": "uk-UA"}],
                                       "offerDisplay": [{"code": "pl-PL"}, {"code": "en-US"}, {"code": "uk-UA"}]},
     "currencies": {"base": {"code": "PLN"}, "additional": []}, "shippingCountries": [{"code": "PL"}]},
    {"id": "allegro-cz", "languages": {"offerCreation": [{"code": "cs-CZ"}, {"code": "pl-PL"}, {"code": "en-US"}],
                                       "offerDisplay": [{"code": "cs-CZ"}]},
     "currencies": {"base": {"code": "CZK"}, "additional": []}, "shippingCountries": [{"code": "CZ"}]},
    {"id": "allegro-sk", "languages": {"offerCreation": [{"code": "sk-SK"}, {"code": "pl-PL"}, {"code": "en-US"}],
                                       "offerDisplay": [{"code": "sk-SK"}]},
     "currencies": {"base": {"code": "EUR"}, "additional": []}, "shippingCountries": [{"code": "SK"}]},
    {"id": "allegro-hu", "languages": {"offerCreation": [{"code": "hu-HU"}, {"code": "pl-PL"}, {"code": "en-US"}],
                                       "offerDisplay": [{"code": "hu-HU"}]},
     "currencies": {"base": {"code": "HUF"}, "additional": []}, "shippingCountries": [{"code": "HU"}]},
]

# Badge campaigns (the spec's BARGAIN and HIT, and the ones sellers see today). Windows in days from the clock start.
BADGE_CAMPAIGNS = [
    {"id": "BARGAIN", "name": "Strefa okazji", "type": "DISCOUNT", "eligible": True,
     "application": ("UNTIL", None, 55), "visibility": ("WITHIN", -30, 60), "publication": ("UNTIL", None, 59),
     "stockReservationIsRequired": True},
    {"id": "HIT", "name": "Hit", "type": "STANDARD", "eligible": False,
     "refusal": ("BB1", "The account does not meet the quality criteria"),
     "application": ("NEVER", None, None), "visibility": ("ALWAYS", None, None), "publication": ("SINCE", -400, None),
     "stockReservationIsRequired": False},
    {"id": "NOWOSC", "name": "Nowość", "type": "STANDARD", "eligible": True,
     "application": ("ALWAYS", None, None), "visibility": ("ALWAYS", None, None), "publication": ("ALWAYS", None, None),
     "stockReservationIsRequired": False},
    {"id": "ALLEGRO_DAYS", "name": "Allegro Days", "type": "SOURCING", "eligible": True,
     "application": ("WITHIN", -5, 9), "visibility": ("WITHIN", 10, 14), "publication": ("WITHIN", 10, 14),
     "stockReservationIsRequired": True},
]
ALLE_DISCOUNT = [
    ("ALLEOBNIZKA_{d}_PL", "AlleObniżka {d}", "DISCOUNT", (-20, 70), (-15, 12), (-1, 13), "allegro-pl"),
    ("ALLEOBNIZKA_{d}_PL", "AlleObniżka {d}", "SOURCING", (10, 100), (12, 40), (30, 44), "allegro-pl"),
    ("ALLEOBNIZKA_{d}_CZ", "AlleSleva {d}", "DISCOUNT", (-20, 70), (-15, 12), (-1, 13), "allegro-cz"),
]
FUNDRAISING = [
    ("Wielka Orkiestra Świątecznej Pomocy", ["34. Finał WOŚP", "Pomoc dla szpitali dziecięcych"]),
    ("Polska Akcja Humanitarna", ["Pajacyk - pomoc w dożywianiu dzieci", "Woda dla Sudanu Południowego"]),
    ("Caritas Polska", ["Tornister pełen uśmiechów", "Wigilijne Dzieło Pomocy Dzieciom"]),
    ("Fundacja Siepomaga", ["Zbiórka na leczenie SMA", "Pomoc po powodzi"]),
    ("Fundacja TVN nie jesteś sam", ["Zbiórka na sprzęt medyczny"]),
    ("Fundacja Dajemy Dzieciom Siłę", ["Telefon zaufania 116 111"]),
    ("Schronisko dla Bezdomnych Zwierząt", ["Karma dla schroniska", "Budy na zimę"]),
]
PROMOTION_PACKAGES = {
    "base": [("emphasized10d", "Wyróżnienie", "PT240H"), ("emphasized1d", "Wyróżnienie elastyczne", "PT24H")],
    "extra": [("departmentPage", "Strona działu", "PT240H"), ("promoPackage", "Pakiet Promo", "PT240H")],
}
# (pinned id: the spec's examples, name, type, publication, promotions, extensions)
CLASSIFIED_PACKAGES = [
    ("e76d443b-c088-4da5-95f7-cc9aaf73bf7b", "Standard", "BASE", "PT240H", [], []),
    ("6174be19-56f9-484b-b72c-43b0b00785e8", "Power", "BASE", "PT240H", [("emphasized", "PT240H")],
     [("autocentrumExport", "Autocentrum.pl")]),
    (None, "Premium", "BASE", "PT720H", [("emphasized", "PT720H"), ("departmentPage", "PT240H")],
     [("autocentrumExport", "Autocentrum.pl")]),
    ("bff60277-b92e-46b6-98a4-439f830ac0a1", "Podbicie", "EXTRA", None, [("bump", "PT24H")], []),
]
ADDITIONAL_SERVICES = [
    ("Pakowanie i personalizacja", [("GIFT_WRAP", "Pakowanie na prezent", "Opisz, jak zapakujesz produkt.", True,
                                     "50.00", None)]),
    ("Dostawa i montaż", [
        ("CARRY_IN", "Wniesienie", "Wniesienie towaru do mieszkania.", True, "500.00", "LARGE"),
        ("ASSEMBLY", "Montaż", "Montaż lub instalacja produktu u kupującego.", True, "1000.00", "LARGE"),
        ("SETUP", "Konfiguracja", "Uruchomienie i konfiguracja urządzenia u kupującego.", True, "300.00", None),
        ("OLD_EQUIPMENT_PICKUP", "Odbiór zużytego sprzętu", "Odbierzemy zużyty sprzęt przy dostawie.", False,
         "100.00", "LARGE"),
    ]),
    ("Gwarancje i ubezpieczenia", [("EXTENDED_WARRANTY", "Przedłużona gwarancja",
                                    "Dodatkowy rok ochrony po gwarancji producenta.", False, "2000.00", None)]),
]
SIZE_TABLE_TEMPLATES = [
    ("Odzież damska", ["Rozmiar", "Obwód klatki piersiowej (cm)", "Obwód talii (cm)", "Obwód bioder (cm)"],
     [["XS", "80-84", "62-66", "86-90"], ["S", "84-88", "66-70", "90-94"], ["M", "88-92", "70-74", "94-98"],
      ["L", "92-96", "74-78", "98-102"], ["XL", "96-100", "78-82", "102-106"]], ["A", "B", "C"]),
    ("Odzież męska", ["Rozmiar", "Obwód klatki piersiowej (cm)", "Obwód pasa (cm)"],
     [["S", "88-94", "76-82"], ["M", "94-100", "82-88"], ["L", "100-106", "88-94"], ["XL", "106-112", "94-100"],
      ["XXL", "112-118", "100-106"]], ["A", "B"]),
    ("Obuwie", ["Rozmiar EU", "Długość wkładki (cm)"],
     [[str(s), f"{22.5 + (s - 36) * 0.66:.1f}"] for s in range(36, 47)], ["A"]),
]
BILLING_TYPES = [
    ("SUC", "Prowizja od sprzedaży", "Sales commission"),
    ("LIS", "Opłata za wystawienie", "Listing fee"),
    ("FEA", "Opłata za wyróżnienie", "Featured offer fee"),
    ("DPG", "Opłata za stronę działu", "Department page fee"),
    ("HB4", "Opłata za dostawę Allegro Paczkomaty InPost", "Allegro Paczkomaty InPost delivery fee"),
    ("HB1", "Opłata za dostawę Allegro Kurier DPD", "Allegro Kurier DPD delivery fee"),
    ("ONE", "Opłata za dostawę Allegro One", "Allegro One delivery fee"),
    ("REF", "Zwrot kosztów", "Refund"),
    ("PAD", "Opłata za kampanię Ads", "Ads campaign fee"),
    ("FSF", "Opłata za magazynowanie One Fulfillment", "One Fulfillment storage fee"),
    ("FUL", "Opłata za obsługę zamówienia One Fulfillment", "One Fulfillment order handling fee"),
    ("SB2", "Opłata za Allegro Smart!", "Allegro Smart! fee"),
    ("CB2", "Zwrot prowizji", "Commission refund"),
    ("IHS", "Prowizja od sprzedaży na rynkach zagranicznych", "International sales commission"),
]
DEPOSITS = [
    ("Butelka plastikowa jednorazowa do 3 l", "0.50"), ("Puszka metalowa do 1 l", "0.50"),
    ("Butelka szklana wielokrotnego użytku do 1,5 l", "1.00"),
]
