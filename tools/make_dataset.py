#!/usr/bin/env python3
"""Generate targ's Allegro reference dataset: what Allegro owns and sellers only read (docs/datasets.md).

Writes ``src/targ/data/allegro-categories.json``, ``allegro-delivery.json``, ``allegro-compatibility.json`` and
``allegro-reference.json``. The curated content (names, tree shape, parameter definitions, delivery methods, ...)
lives in this file; ``--seed`` draws everything a real service would assign arbitrarily (ids not pinned by the
spec's examples or the seeds, UUIDs, pickup point addresses and coordinates). Same seed, byte-identical files.
``--check`` rebuilds in memory and exits 1 when the committed files differ (like tools/compile_specs.py).

Times that must stay meaningful whatever the virtual clock says (category events, scheduled parameter changes,
campaign windows) are written as day offsets from the world's clock start; the server turns them into dates.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import random
import re
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "src" / "targ" / "data"
FORMAT = 1
# parent.id's default in the spec: the id of the tree's root, which is not a category itself.
ROOT_ID = "954b95b6-43cf-4104-8354-dea4d9b10ddf"
# When the reference data that supports If-Modified-Since last changed (HTTP-date semantics, UTC).
MODIFIED_AT = "2025-12-15T06:00:00Z"

Json = Any

# ---------------------------------------------------------------------------------------------------------------
# Parameters. key: (id or None = drawn from the seed, Polish name, English name, type, details)
# Dictionary values: "pl|en" or ("pl|en", explicit value-id suffix). The first value marked "*" is the
# ambiguous one ("inna"/"other"), which lets a seller type a custom value where customValuesEnabled.
# ---------------------------------------------------------------------------------------------------------------
PARAMETERS: dict[str, tuple[str | None, str, str, str, dict[str, Any]]] = {
    "condition": ("11323", "Stan", "Condition", "dictionary",
                  {"values": [("Nowy|New", 1), ("Używany|Used", 2), ("Uszkodzony|Damaged", 238066)]}),
    "ean": ("225693", "EAN (GTIN)", "EAN (GTIN)", "string",
            {"describes": True, "maxLength": 35, "values": 10}),
    "mpn": ("224017", "Kod producenta", "Manufacturer code", "string", {"describes": True, "maxLength": 35}),
    "weight": ("17448", "Waga produktu z opakowaniem jednostkowym", "Weight with unit packaging", "float",
               {"unit": "kg", "min": 0.001, "max": 1000, "precision": 3}),
    "brand": (None, "Marka", "Brand", "dictionary",
              {"describes": True, "custom": True,
               "values": ["*inna|other", "Apple", "Samsung", "Xiaomi", "Sony", "LG", "Philips", "Bosch", "Lenovo",
                          "HP", "Dell", "Asus", "Acer", "Canon", "JBL", "Logitech", "Anker", "Baseus"]}),
    "colour": (None, "Kolor", "Colour", "dictionary",
               {"variants": True, "values": ["czarny|black", "biały|white", "szary|grey", "srebrny|silver",
                                             "niebieski|blue", "czerwony|red", "zielony|green", "różowy|pink",
                                             "złoty|gold", "wielokolorowy|multicoloured"]}),
    "screen": (None, "Przekątna ekranu", "Screen size", "float",
               {"describes": True, "unit": "\"", "min": 0.5, "max": 120, "precision": 1}),
    "phone_model": (None, "Model telefonu", "Phone model", "string", {"describes": True, "maxLength": 50}),
    "storage": (None, "Wbudowana pamięć", "Built-in memory", "dictionary",
                {"describes": True, "variants": True,
                 "values": ["16 GB", "32 GB", "64 GB", "128 GB", "256 GB", "512 GB", "1 TB"]}),
    "cpu_kind": ("202870", "Rodzaj procesora", "Processor type", "dictionary",
                 {"describes": True, "values": ["wielordzeniowy|multi-core", "jednordzeniowy|single-core",
                                                "brak procesora|no processor"]}),
    "cpu_cores": ("202877", "Liczba rdzeni procesora", "Number of processor cores", "integer",
                  {"describes": True, "variants": True, "dependsOn": "cpu_kind", "min": 0, "max": 1000000}),
    "ram": (None, "Wielkość pamięci RAM", "RAM size", "dictionary",
            {"describes": True, "variants": True, "values": ["4 GB", "8 GB", "16 GB", "32 GB", "64 GB"]}),
    "os": (None, "System operacyjny", "Operating system", "dictionary",
           {"describes": True, "multiple": True,
            "values": ["Windows 11 Home", "Windows 11 Pro", "macOS", "Linux", "bez systemu|no system"]}),
    "title": ("223545", "Tytuł", "Title", "string", {"describes": True, "maxLength": 200}),
    "author": ("223489", "Autor", "Author", "string", {"describes": True, "maxLength": 100, "values": 10}),
    "cover": ("75", "Okładka", "Cover", "dictionary",
              {"describes": True, "values": ["twarda|hardcover", "miękka|paperback",
                                             "miękka ze skrzydełkami|paperback with flaps"]}),
    "year": ("74", "Rok wydania", "Year of publication", "integer", {"describes": True, "min": 1500, "max": 2030}),
    "language": ("24648", "Język publikacji", "Language of publication", "dictionary",
                 {"describes": True, "multiple": True,
                  "values": ["polski|Polish", "angielski|English", "niemiecki|German", "francuski|French",
                             "hiszpański|Spanish"]}),
    "height_cm": ("223333", "Wysokość produktu", "Product height", "float",
                  {"describes": True, "unit": "cm", "min": 0.1, "max": 1000, "precision": 1}),
    "isbn": ("245669", "ISBN", "ISBN", "string", {"describes": True, "maxLength": 17}),
    "publisher": ("223541", "Wydawnictwo", "Publisher", "dictionary",
                  {"describes": True, "custom": True,
                   "values": ["*inne|other", ("Zysk i S-ka", 303061), "Rebis", "Znak", "Wydawnictwo Literackie",
                              "Prószyński i S-ka", "Albatros", "Muza", "SQN", "Mag"]}),
    "pages": (None, "Liczba stron", "Number of pages", "integer", {"describes": True, "min": 1, "max": 10000}),
    "size": (None, "Rozmiar", "Size", "dictionary",
             {"variants": True, "values": ["XS", "S", "M", "L", "XL", "XXL", "3XL"]}),
    "material": (None, "Materiał dominujący", "Dominant material", "dictionary",
                 {"describes": True, "values": ["bawełna|cotton", "poliester|polyester", "wiskoza|viscose",
                                                "len|linen", "wełna|wool", "elastan|elastane"]}),
    "shoe_size": (None, "Rozmiar obuwia", "Shoe size", "dictionary",
                  {"variants": True, "values": [str(n) for n in range(35, 47)]}),
    "age": (None, "Wiek dziecka", "Child's age", "dictionary",
            {"describes": True, "multiple": True,
             "values": ["0+ miesięcy|0+ months", "12+ miesięcy|12+ months", "3+ lat|3+ years",
                        "6+ lat|6+ years", "8+ lat|8+ years", "12+ lat|12+ years"]}),
    "pieces": (None, "Liczba elementów", "Number of pieces", "integer", {"describes": True, "min": 1, "max": 100000}),
    "width_cm": (None, "Szerokość mebla", "Furniture width", "float",
                 {"describes": True, "unit": "cm", "min": 1, "max": 1000, "precision": 1}),
    "depth_cm": (None, "Głębokość mebla", "Furniture depth", "float",
                 {"describes": True, "unit": "cm", "min": 1, "max": 1000, "precision": 1}),
    "furniture_material": (None, "Materiał wykonania", "Material", "dictionary",
                           {"describes": True, "multiple": True,
                            "values": ["drewno|wood", "płyta MDF|MDF board", "metal|metal", "szkło|glass",
                                       "tworzywo sztuczne|plastic"]}),
    "part_number": (None, "Numer katalogowy części", "Part catalogue number", "string",
                    {"describes": True, "maxLength": 60, "values": 30}),
    "side": (None, "Strona zabudowy", "Mounting side", "dictionary",
             {"multiple": True, "values": ["lewa|left", "prawa|right", "przód|front", "tył|rear"]}),
    "gvo": (None, "Jakość części (zgodnie z GVO)", "Part quality (according to GVO)", "dictionary",
            {"values": ["O - oryginał z logo producenta|O - original with the car maker's logo",
                        "Q - oryginał bez logo producenta|Q - original without the car maker's logo",
                        "P - zamiennik o porównywalnej jakości|P - replacement of matching quality",
                        "N - niesprawdzona jakość|N - unverified quality"]}),
    "car_make": (None, "Marka pojazdu", "Vehicle make", "dictionary",
                 {"values": ["*inna|other", "Audi", "BMW", "Ford", "Opel", "Škoda", "Toyota", "Volkswagen"]}),
    "car_model": (None, "Model pojazdu", "Vehicle model", "string", {"maxLength": 50}),
    "production_year": (None, "Rok produkcji", "Year of production", "integer", {"min": 1900, "max": 2027}),
    "mileage": (None, "Przebieg", "Mileage", "integer", {"unit": "km", "min": 0, "max": 10000000}),
    "fuel": (None, "Rodzaj paliwa", "Fuel type", "dictionary",
             {"values": ["benzyna|petrol", "diesel|diesel", "benzyna+LPG|petrol+LPG", "hybryda|hybrid",
                         "elektryczny|electric"]}),
    "engine": (None, "Pojemność silnika", "Engine capacity", "integer", {"unit": "cm3", "min": 50, "max": 10000}),
    "power": (None, "Moc", "Power", "integer", {"unit": "KM", "min": 1, "max": 2000}),
    "area": (None, "Powierzchnia", "Area", "float", {"unit": "m²", "min": 1, "max": 100000, "precision": 2}),
    "rooms": (None, "Liczba pokoi", "Number of rooms", "integer", {"min": 1, "max": 100}),
    "market": (None, "Rynek", "Market", "dictionary", {"values": ["pierwotny|primary", "wtórny|secondary"]}),
    "net_weight": (None, "Waga netto", "Net weight", "float",
                   {"describes": True, "unit": "g", "min": 1, "max": 100000, "precision": 0}),
    "origin": (None, "Kraj pochodzenia", "Country of origin", "dictionary",
               {"describes": True, "values": ["Polska|Poland", "Niemcy|Germany", "Włochy|Italy",
                                              "Hiszpania|Spain", "USA|USA", "Chiny|China", "inny|other"]}),
    "volume": (None, "Pojemność", "Capacity", "float",
               {"describes": True, "unit": "ml", "min": 1, "max": 10000, "precision": 0}),
    "ink_colour": (None, "Kolor tuszu", "Ink colour", "dictionary",
                   {"describes": True, "values": ["czarny|black", "cyjan|cyan", "magenta|magenta", "żółty|yellow",
                                                  "zestaw|set"]}),
    "ink_kind": (None, "Rodzaj", "Kind", "dictionary",
                 {"describes": True, "values": ["oryginał|original", "zamiennik|replacement"]}),
    "battery": (None, "Pojemność akumulatora", "Battery capacity", "integer",
                {"describes": True, "unit": "mAh", "min": 100, "max": 100000}),
}

# Parameter sets a category line names with {set}. (parameter key, required, requiredForProduct)
SETS: dict[str, list[tuple[str, bool, bool]]] = {
    "base": [("condition", True, False), ("ean", False, False), ("mpn", False, False), ("weight", False, False)],
    "brand": [("brand", False, True)],
    "phone": [("phone_model", True, True), ("storage", True, True), ("colour", True, False),
              ("screen", False, True), ("ram", False, True)],
    "computer": [("cpu_kind", True, True), ("cpu_cores", False, False), ("ram", True, True), ("os", False, True),
                 ("screen", False, True)],
    "battery": [("battery", True, True), ("colour", False, False)],
    "book": [("title", True, True), ("author", True, True), ("cover", True, True), ("year", False, True),
             ("language", False, True), ("height_cm", False, False), ("isbn", False, True),
             ("publisher", True, True), ("pages", False, False)],
    "fashion": [("size", True, False), ("colour", True, False), ("material", False, True)],
    "shoes": [("shoe_size", True, False)],
    "toy": [("age", True, True), ("pieces", False, True)],
    "furniture": [("width_cm", True, True), ("height_cm", False, True), ("depth_cm", False, True),
                  ("furniture_material", False, True)],
    "carpart": [("part_number", True, True), ("side", False, False), ("gvo", True, False)],
    "car": [("car_make", True, False), ("car_model", True, False), ("production_year", True, False),
            ("mileage", True, False), ("fuel", True, False), ("engine", False, False), ("power", False, False)],
    "realestate": [("area", True, False), ("rooms", True, False), ("market", True, False)],
    "food": [("net_weight", True, True), ("origin", False, True)],
    "cosmetics": [("volume", True, True)],
    "ink": [("ink_colour", True, True), ("ink_kind", True, True)],
}

# ---------------------------------------------------------------------------------------------------------------
# The category tree (Allegro's assortment tree, the one sellers list offers in). One category a line, indented by
# two spaces per level: "Polish | English  #pinned-id  [flags]  {parameter sets}  ~extra,matching,keywords".
# Pinned ids come from the spec's examples, the seeds and the vendor's public threads; the rest are drawn.
# Flags: adv = advertisement (classifieds) category, priceopt = advertisement price optional, noproduct =
# productCreationEnabled false, nocolour = variantsByColorPatternAllowed false, comments =
# sellerCanRequirePurchaseComments, noof = not allowed for One Fulfillment (inherited), tax=<profile> (inherited),
# compat=<itemsType> (compatibility list supported: listed as such, and inherited by the subtree).
# ---------------------------------------------------------------------------------------------------------------
TREE = """
Dom i Ogród | Home and Garden  #5  {base}
  Meble | Furniture  [noof]  {furniture}
    Salon | Living room
      Sofy i kanapy | Sofas and couches  ~sofa,kanapa,narożnik
      Stoliki kawowe | Coffee tables  ~stolik
      Regały | Bookcases  ~regał
    Kuchnia | Kitchen  #1510
      Stoły kuchenne | Kitchen tables  ~stół
      Szafki kuchenne | Kitchen cabinets  ~szafka
      Krzesła kuchenne | Kitchen chairs  ~krzesło
    Sypialnia | Bedroom
      Łóżka | Beds  ~łóżko
      Materace | Mattresses  ~materac
      Szafy | Wardrobes  ~szafa
  Wyposażenie | Furnishings
    Dekoracje i ozdoby | Decorations
      Świece i świeczniki | Candles and candlesticks  ~świeca,świeczka
      Ramki na zdjęcia | Photo frames  [comments]  ~ramka,grawer
    Oświetlenie | Lighting
      Lampy biurkowe | Desk lamps  ~lampka,lampa,led,usb
      Lampy sufitowe | Ceiling lamps  ~żyrandol,plafon
      Żarówki | Light bulbs  ~żarówka
    Naczynia | Tableware
      Kubki | Mugs  ~kubek,ceramiczny,porcelanowy
      Talerze | Plates  ~talerz
      Sztućce | Cutlery  ~widelec,łyżka,nóż
  Ogród | Garden
    Narzędzia ogrodowe | Garden tools
      Sekatory | Pruning shears  ~sekator
      Łopaty i szpadle | Shovels and spades  ~łopata,szpadel
    Meble ogrodowe | Garden furniture  [noof]  {furniture}
      Krzesła ogrodowe | Garden chairs  ~krzesło
      Stoły ogrodowe | Garden tables  ~stół
    Architektura ogrodowa | Garden architecture  [noof]
      Place zabaw | Playgrounds  #86342  ~huśtawka,zjeżdżalnia,piaskownica
      Altany | Gazebos  ~altana,pawilon
    Nasiona i cebulki | Seeds and bulbs  [noof]  ~nasiona,cebulki
  Narzędzia | Tools
    Elektronarzędzia | Power tools  {brand}
      Wiertarki | Drills  ~wiertarka
      Wkrętarki | Cordless screwdrivers  ~wkrętarka
      Szlifierki | Grinders  ~szlifierka
    Narzędzia ręczne | Hand tools
      Młotki | Hammers  ~młotek
      Klucze | Wrenches  ~klucz
  Budownictwo i Akcesoria | Construction and accessories
    Farby i lakiery | Paints and varnishes  [noof]  ~farba,lakier
    Płytki | Tiles  [noof]  ~płytka,glazura,terakota
Dziecko | Kids  #11763  {base}
  Zabawki | Toys  #11818  {toy}
    Klocki | Building blocks
      Klocki LEGO | LEGO bricks  ~lego
      Klocki konstrukcyjne | Construction blocks  ~klocki
    Lalki i akcesoria | Dolls and accessories  ~lalka
    Gry planszowe | Board games  ~gra,planszowa,planszówka
    Pojazdy | Toy vehicles  ~autko,samochodzik
  Wózki dziecięce | Prams  [noof]
    Wózki głębokie | Carrycot prams  ~gondola
    Wózki spacerowe | Strollers  ~spacerówka
  Karmienie | Feeding
    Butelki do karmienia | Feeding bottles  ~butelka
    Smoczki | Pacifiers  ~smoczek
  Odzież dziecięca | Kids' clothing  {fashion}
    Body | Bodysuits
    Kurtki dziecięce | Kids' jackets  ~kurtka
Elektronika | Electronics  {base,brand}
  Telefony i Akcesoria | Phones and Accessories  #4
    Smartfony i telefony komórkowe | Smartphones and Cell Phones  #165  {phone}  ~smartfon,telefon,iphone,galaxy,redmi
    Akcesoria GSM | Phone accessories
      Etui i pokrowce | Cases and covers  ~etui,case,pokrowiec
      Ładowarki | Chargers  ~ładowarka,zasilacz
      Powerbanki | Power banks  {battery}  ~powerbank,mah
      Szkła i folie ochronne | Screen protectors  ~szkło,hartowane,folia
    Smartwatche | Smartwatches  ~smartwatch,zegarek
  Komputery | Computers  #709
    Laptopy | Laptops  #491  {computer}  ~laptop,notebook,macbook
    Komputery stacjonarne | Desktop computers  {computer}  ~komputer,pc
    Tablety | Tablets  ~tablet,ipad
    Podzespoły komputerowe | Computer components
      Procesory | Processors  {computer}  ~procesor,cpu,ryzen,intel
      Karty graficzne | Graphics cards  ~karta,graficzna,gpu,rtx
      Pamięć RAM | RAM memory  ~ram,ddr4,ddr5
      Dyski SSD | SSD drives  ~ssd,dysk
    Drukarki i skanery | Printers and scanners
      Drukarki | Printers  ~drukarka
      Tusze | Inks  #9108  [compat=PRINTER]  {ink}  ~tusz,atrament,cartridge
      Tonery | Toners  ~toner
    Pozostałe | Other  #12
  RTV i AGD | TV and Home Appliances
    Telewizory | TVs  ~telewizor,tv,smart
    Audio | Audio
      Słuchawki | Headphones  ~słuchawki,douszne,nauszne
      Głośniki przenośne | Portable speakers  ~głośnik,bluetooth
      Soundbary | Soundbars  ~soundbar
    AGD duże | Large appliances  [noof]
      Lodówki | Refrigerators  ~lodówka
      Pralki | Washing machines  ~pralka
      Zmywarki | Dishwashers  ~zmywarka
    AGD małe | Small appliances
      Ekspresy do kawy | Coffee machines  ~ekspres,kawy
      Czajniki elektryczne | Electric kettles  ~czajnik
      Odkurzacze | Vacuum cleaners  ~odkurzacz
  Fotografia | Photography
    Aparaty cyfrowe | Digital cameras  ~aparat,lustrzanka,bezlusterkowiec
    Obiektywy | Lenses  ~obiektyw
  Konsole i automaty | Consoles and arcade machines
    Konsole PlayStation | PlayStation consoles  ~playstation,ps5,ps4
    Konsole Xbox | Xbox consoles  ~xbox
    Gry na konsole | Console games  ~gra
Firma i usługi | Business and Services
  Usługi | Services  [adv,priceopt,noproduct,nocolour,noof,tax=services]
    Usługi remontowe | Renovation services  ~remont,malowanie,glazurnik
    Usługi transportowe | Transport services  ~transport,przeprowadzka
  Wyposażenie biura | Office equipment  {base}
    Artykuły biurowe | Office supplies  ~długopis,zszywacz,segregator
    Papier do drukarek | Printer paper  ~papier,ksero
  Przemysł | Industry  {base}
    BHP | Occupational safety  ~rękawice,kask,odzież,robocza
Kolekcje i sztuka | Collections and Art  [tax=collectibles]  {base}
  Monety | Coins  ~moneta
  Znaczki | Stamps  ~znaczek
  Antyki | Antiques  [noof]  ~antyk
  Sztuka | Art  [noof]
    Obrazy | Paintings  ~obraz
    Rzeźby | Sculptures  ~rzeźba
Kultura i rozrywka | Culture and Entertainment  {base}
  Książki i Komiksy | Books and Comics  [tax=books]  {book}
    Literatura piękna | Fiction
      Fantastyka | Fantasy  #79155  ~fantasy,sci-fi,gra,tron,martin
      Kryminał, sensacja, thriller | Crime and thriller  ~kryminał,thriller
      Literatura obyczajowa | Contemporary fiction  ~powieść,obyczajowa
    Poradniki | Guides  ~poradnik
    Podręczniki szkolne | School textbooks  #66820
      Szkoła podstawowa | Primary school  ~podręcznik
      Szkoła średnia | Secondary school  #111777  ~podręcznik,liceum,technikum
    Komiksy | Comics  ~komiks,manga
  Muzyka | Music  #1  ~płyta,cd,winyl
  Filmy | Films
    Filmy DVD | DVD films  ~dvd
    Filmy Blu-ray | Blu-ray films  ~blu-ray
  Instrumenty | Musical instruments
    Gitary | Guitars  ~gitara
    Instrumenty klawiszowe | Keyboard instruments  ~keyboard,pianino
Moda | Fashion  {base,fashion}
  Odzież, Obuwie, Dodatki | Clothing, Shoes, Accessories
    Odzież damska | Women's clothing
      Sukienki | Dresses  ~sukienka
      Bluzki | Blouses  ~bluzka
      T-shirty damskie | Women's T-shirts  #76104  ~t-shirt,koszulka
    Odzież męska | Men's clothing
      Koszule | Shirts  ~koszula
      T-shirty męskie | Men's T-shirts  ~t-shirt,koszulka
      Spodnie męskie | Men's trousers  ~spodnie,jeansy
    Obuwie | Shoes  {shoes}
      Obuwie damskie | Women's shoes  ~buty,szpilki,botki
      Obuwie męskie | Men's shoes  ~buty,półbuty,sneakersy
  Bielizna | Underwear  ~bielizna,biustonosz,bokserki
  Biżuteria i zegarki | Jewellery and watches
    Zegarki | Watches  ~zegarek
    Pierścionki | Rings  ~pierścionek
  Torebki | Handbags  ~torebka,torba
Motoryzacja | Automotive  #3  {base}
  Samochody | Cars  [adv,noproduct,noof]  {car}
    Samochody osobowe | Passenger cars  ~samochód,auto,osobowy,bmw,audi,volkswagen,toyota,opel,skoda,ford,x3
    Samochody dostawcze | Vans  ~dostawczy,bus,van
  Części samochodowe | Car parts  #620  [compat=CAR]  {carpart}
    Części karoserii | Body parts
      Zderzaki | Bumpers  [noof]  ~zderzak
      Lusterka zewnętrzne | Exterior mirrors  ~lusterko
    Układ hamulcowy | Braking system
      Klocki hamulcowe | Brake pads  ~klocki,hamulcowe
      Tarcze hamulcowe | Brake discs  ~tarcze,hamulcowe
    Filtry | Filters
      Filtry oleju | Oil filters  ~filtr,oleju
      Filtry powietrza | Air filters  ~filtr,powietrza
    Oświetlenie samochodowe | Car lighting
      Żarówki samochodowe | Car bulbs  ~żarówka,h7,h4
    Pióra wycieraczek | Wiper blades  #257358  [compat=CAR]  ~wycieraczki,pióra
  Części motocyklowe | Motorcycle parts  #158  [compat=MOTORCYCLE_EXPLODED]  {carpart}  ~motocykl
  Opony i felgi | Tyres and rims  [noof]
    Opony samochodowe | Car tyres
      Opony letnie | Summer tyres  ~opony,letnie
      Opony zimowe | Winter tyres  ~opony,zimowe
      Opony całoroczne | All-season tyres  ~opony,całoroczne,wielosezonowe
    Felgi | Rims  ~felgi,alufelgi
  Elektronika samochodowa | Car electronics
    Nawigacje i akcesoria GPS | Navigation and GPS accessories  #257399
      Akcesoria i oprogramowanie | Accessories and software  #257973  ~nawigacja,gps,mapy
    Wideorejestratory | Dash cams  ~wideorejestrator,kamera
  Chemia samochodowa | Car chemicals  [noof]
    Oleje silnikowe | Engine oils  ~olej,silnikowy
    Płyny do spryskiwaczy | Washer fluids  ~płyn,spryskiwaczy
Nieruchomości | Real Estate  #20782  [adv,noproduct,nocolour,noof,tax=services]  {realestate}
  Mieszkania | Flats
    Mieszkania na sprzedaż | Flats for sale  ~mieszkanie,sprzedam
    Mieszkania na wynajem | Flats for rent  ~mieszkanie,wynajmę,wynajem
  Domy | Houses  ~dom
  Działki | Plots  ~działka
Supermarket | Supermarket  #258832  {base}
  Produkty spożywcze | Food  #73973  [noof,tax=food]  {food}
    Bakalie, orzechy, pestki | Dried fruit, nuts and seeds  #112640
      Orzechy włoskie | Walnuts  #261230  ~orzechy,włoskie
      Migdały | Almonds  ~migdały
    Kawa | Coffee
      Kawa ziarnista | Coffee beans  ~kawa,ziarnista
      Kawa mielona | Ground coffee  ~kawa,mielona
    Herbata | Tea  ~herbata
    Słodycze | Sweets  ~czekolada,cukierki,baton
  Chemia domowa | Household chemicals
    Środki czystości | Cleaning agents  ~płyn,czyszczenia
    Proszki do prania | Laundry detergents  ~proszek,prania,kapsułki
  Artykuły dla zwierząt | Pet supplies
    Karma dla psów | Dog food  [tax=food]  ~karma,pies,psa
    Karma dla kotów | Cat food  [tax=food]  ~karma,kot,kota
    Akcesoria dla zwierząt | Pet accessories  ~smycz,obroża,legowisko
Uroda | Beauty  #1429  {base,cosmetics}
  Makijaż | Make-up
    Pomadki | Lipsticks  ~pomadka,szminka
    Tusze do rzęs | Mascaras  ~tusz,rzęs,maskara
  Pielęgnacja | Care
    Kremy do twarzy | Face creams  ~krem
    Balsamy do ciała | Body lotions  ~balsam
  Perfumy | Perfumes  [noof]
    Perfumy damskie | Women's perfumes  ~perfumy,woda,toaletowa
    Perfumy męskie | Men's perfumes  ~perfumy,woda,toaletowa
Zdrowie | Health  #121882  {base}
  Domowa apteczka | Home first aid kit  [noof,tax=pharmacy]
    Leki bez recepty | Over-the-counter medicines  ~lek,tabletki
    Witaminy i minerały | Vitamins and minerals  ~witamina,suplement
  Sprzęt medyczny | Medical equipment
    Ciśnieniomierze | Blood pressure monitors  ~ciśnieniomierz
    Termometry | Thermometers  ~termometr
Sport i turystyka | Sport and Leisure  #3919  {base}
  Rowery i akcesoria | Bicycles and accessories
    Rowery | Bicycles  [noof]
      Rowery górskie MTB | Mountain bikes  ~rower,mtb,górski
      Rowery miejskie | City bikes  ~rower,miejski
    Akcesoria rowerowe | Bicycle accessories
      Kaski rowerowe | Bicycle helmets  ~kask
      Oświetlenie rowerowe | Bicycle lights  ~lampka,rowerowa
  Siłownia i fitness | Gym and fitness
    Hantle | Dumbbells  ~hantle,hantla
    Maty do ćwiczeń | Exercise mats  ~mata
  Turystyka | Tourism
    Namioty | Tents  ~namiot
    Plecaki | Backpacks  ~plecak
    Śpiwory | Sleeping bags  ~śpiwór
  Sporty zimowe | Winter sports
    Narty | Skis  [noof]  ~narty
    Łyżwy | Ice skates  ~łyżwy
"""

_LINE = re.compile(
    r"^(?P<indent> *)(?P<pl>[^|]+?) \| (?P<en>.+?)(?:  #(?P<id>\d+))?(?:  \[(?P<flags>[^\]]+)\])?"
    r"(?:  \{(?P<sets>[^}]+)\})?(?:  ~(?P<kw>\S+))?$"
)


@dataclass
class Node:
    pl: str
    en: str
    pinned: str | None
    flags: dict[str, str]
    sets: list[str]
    keywords: list[str]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    id: str = ""

    def inherited(self, flag: str) -> str | None:
        node: Node | None = self
        while node is not None:
            if flag in node.flags:
                return node.flags[flag]
            node = node.parent
        return None


def parse_tree(text: str) -> list[Node]:
    roots: list[Node] = []
    stack: list[Node] = []
    for line in text.strip("\n").splitlines():
        m = _LINE.match(line)
        if m is None:
            raise ValueError(f"bad tree line: {line!r}")
        depth = len(m["indent"]) // 2
        flags = {}
        for flag in (m["flags"] or "").split(","):
            if flag:
                key, _, value = flag.partition("=")
                flags[key] = value or "yes"
        node = Node(m["pl"], m["en"], m["id"], flags, (m["sets"] or "").split(",") if m["sets"] else [],
                    (m["kw"] or "").split(",") if m["kw"] else [])
        del stack[depth:]
        if stack:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        else:
            roots.append(node)
        stack.append(node)
    return roots


def walk(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        out.extend(walk(node.children))
    return out


class Draw:
    """Everything arbitrary comes from here, in a fixed order, so one seed gives one dataset."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.taken: set[str] = set()

    def number(self, low: int, high: int) -> str:
        while True:
            value = str(self.rng.randint(low, high))
            if value not in self.taken:
                self.taken.add(value)
                return value

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))


def split_label(text: str) -> tuple[str, str]:
    pl, _, en = text.partition("|")
    return pl, en or pl


# ---------------------------------------------------------------------------------------------------------------
# Categories and parameters
# ---------------------------------------------------------------------------------------------------------------
def build_parameters(draw: Draw) -> tuple[list[Json], dict[str, str]]:
    ids: dict[str, str] = {}
    for key, (pinned, *_rest) in PARAMETERS.items():
        if pinned:
            draw.taken.add(pinned)
            ids[key] = pinned
    for key, (pinned, *_rest) in PARAMETERS.items():
        if not pinned:
            ids[key] = draw.number(200000, 260000)
    out = []
    for key, (_pinned, pl, en, kind, spec) in PARAMETERS.items():
        pid = ids[key]
        param: dict[str, Any] = {"id": pid, "name": pl, "nameEn": en, "type": kind, "unit": spec.get("unit"),
                                 "options": {
                                     "variantsAllowed": bool(spec.get("variants")),
                                     "variantsEqual": False,
                                     "ambiguousValueId": None,
                                     "dependsOnParameterId": ids[spec["dependsOn"]] if "dependsOn" in spec else None,
                                     "describesProduct": bool(spec.get("describes")),
                                     "customValuesEnabled": bool(spec.get("custom")),
                                 }}
        if kind == "dictionary":
            entries = []
            counter = 0
            for value in spec["values"]:
                label, suffix = value if isinstance(value, tuple) else (value, None)
                ambiguous = label.startswith("*")
                pl_value, en_value = split_label(label.lstrip("*"))
                if suffix is None:
                    counter += 1
                    suffix = counter
                value_id = f"{pid}_{suffix}"
                if ambiguous:
                    param["options"]["ambiguousValueId"] = value_id
                entries.append({"id": value_id, "value": pl_value, "valueEn": en_value, "dependsOnValueIds": []})
            param["dictionary"] = entries
            param["restrictions"] = {"multipleChoices": bool(spec.get("multiple"))}
        elif kind == "string":
            param["restrictions"] = {"minLength": 1, "maxLength": spec.get("maxLength", 40),
                                     "allowedNumberOfValues": spec.get("values", 1)}
        else:
            restrictions: dict[str, Any] = {"min": spec["min"], "max": spec["max"], "range": False}
            if kind == "float":
                restrictions["precision"] = spec["precision"]
            param["restrictions"] = restrictions
        out.append(param)
    return out, ids


# The spec's example: the number of cores is required for multi-core processors, shown for single-core ones too.
CONDITIONS: dict[str, dict[str, Any]] = {
    "cpu_cores": {"requiredIf": {"cpu_kind": [1]}, "displayedIf": {"cpu_kind": [1, 2]}},
}


DEFAULT_OPTIONS = {
    "variantsByColorPatternAllowed": True, "advertisement": False, "advertisementPriceOptional": False,
    "offersWithProductPublicationEnabled": True, "productCreationEnabled": True, "customParametersEnabled": True,
    "sellerCanRequirePurchaseComments": False,
}


def parameter_refs(sets: list[str], ids: dict[str, str]) -> list[Json]:
    refs = []
    for name in sets:
        for key, required, for_product in SETS[name]:
            ref: dict[str, Any] = {"id": ids[key], "required": required, "requiredForProduct": for_product}
            for condition, targets in CONDITIONS.get(key, {}).items():
                (target, suffixes), = targets.items()
                with_value = [{"id": ids[target], "oneOfValueIds": [f"{ids[target]}_{s}" for s in suffixes]}]
                ref[condition] = ({"parametersWithValue": with_value, "parametersWithoutValue": []}
                                  if condition == "requiredIf" else {"parametersWithValue": with_value})
            refs.append(ref)
    return refs


def category_options(node: Node) -> dict[str, bool]:
    """CategoryDto.options, in the vendor's key order."""
    adv = node.inherited("adv") is not None
    return {
        "variantsByColorPatternAllowed": node.inherited("nocolour") is None,
        "advertisement": adv,
        "advertisementPriceOptional": node.inherited("priceopt") is not None,
        "offersWithProductPublicationEnabled": not adv,
        "productCreationEnabled": node.inherited("noproduct") is None,
        "customParametersEnabled": not adv,
        "sellerCanRequirePurchaseComments": node.inherited("comments") is not None,
    }


def build_categories(draw: Draw, ids: dict[str, str]) -> tuple[list[Json], list[Node]]:
    roots = parse_tree(TREE)
    nodes = walk(roots)
    for node in nodes:
        if node.pinned:
            if node.pinned in draw.taken:
                raise ValueError(f"category id {node.pinned} used twice")
            draw.taken.add(node.pinned)
            node.id = node.pinned
    for node in nodes:
        if not node.id:
            node.id = draw.number(1000, 330000)
    out = []
    for node in nodes:
        options = category_options(node)
        category: dict[str, Any] = {
            "id": node.id,
            "name": node.pl,
            "nameEn": node.en,
            "parent": node.parent.id if node.parent else None,
            "leaf": not node.children,
            # Only the options that differ from DEFAULT_OPTIONS (written once at the top of the file).
            "options": {k: v for k, v in options.items() if DEFAULT_OPTIONS[k] != v},
            "parameters": parameter_refs(node.sets, ids),
            "oneFulfillment": node.inherited("noof") is None,
            "tax": node.inherited("tax") or "goods",
        }
        if "compat" in node.flags:
            category["compatibility"] = node.flags["compat"]
        if node.keywords:
            category["keywords"] = node.keywords
        out.append(category)
    return out, nodes


def find(nodes: list[Node], name: str) -> Node:
    return next(n for n in nodes if n.pl == name)


def event_id(n: int) -> str:
    """Opaque event ids like the spec's `MTEzMjQzODU3NA` (base64 of a growing number)."""
    return base64.b64encode(str(n).encode()).decode().rstrip("=")


def build_category_events(draw: Draw, nodes: list[Node]) -> list[Json]:
    """The tree's recent history (the last 3 months before the clock start), consistent with today's tree."""

    def snapshot(node: Node, name: str | None = None) -> Json:
        snap: dict[str, Any] = {"id": node.id, "name": name or node.pl}
        if node.parent:
            snap["parent"] = {"id": node.parent.id}
        snap["leaf"] = not node.children
        return snap

    history: list[tuple[int, str, Json, Json | None]] = [
        (-80, "CATEGORY_CREATED", snapshot(find(nodes, "Smartwatche")), None),
        (-71, "CATEGORY_RENAMED", snapshot(find(nodes, "Nawigacje i akcesoria GPS")), None),
        (-64, "CATEGORY_CREATED", snapshot(find(nodes, "Soundbary")), None),
        (-50, "CATEGORY_MOVED", snapshot(find(nodes, "Powerbanki")), None),
        (-43, "CATEGORY_DELETED", {"id": draw.number(1000, 330000), "name": "Krzesła", "leaf": True},
         {"id": find(nodes, "Krzesła kuchenne").id}),
        (-35, "CATEGORY_CREATED", snapshot(find(nodes, "Wideorejestratory")), None),
        (-28, "CATEGORY_DELETED", {"id": draw.number(1000, 330000), "name": "Gadżety - kubki", "leaf": True},
         {"id": find(nodes, "Kubki").id}),
        (-21, "CATEGORY_RENAMED", snapshot(find(nodes, "Kryminał, sensacja, thriller")), None),
        (-14, "CATEGORY_MOVED", snapshot(find(nodes, "Dyski SSD")), None),
        (-9, "CATEGORY_CREATED", snapshot(find(nodes, "Opony całoroczne")), None),
        (-3, "CATEGORY_DELETED", {"id": draw.number(1000, 330000), "name": "Nawigacje samochodowe", "leaf": True},
         {"id": find(nodes, "Akcesoria i oprogramowanie").id}),
    ]
    base = 1132438574
    events = []
    for n, (days, kind, category, redirect) in enumerate(history):
        event: dict[str, Any] = {"id": event_id(base + n * 7919), "day": days, "minute": draw.rng.randint(0, 1439),
                                 "type": kind, "category": category}
        if redirect is not None:
            event["redirectCategory"] = redirect
        events.append(event)
    return events


# Parameters that become required (REQUIREMENT_CHANGE): (category, parameter key, days announced, days effective)
SCHEDULED = [
    ("Klocki hamulcowe", "mpn", -9, 21),
    ("Smartfony i telefony komórkowe", "screen", -5, 45),
    ("T-shirty damskie", "material", -2, 10),
    ("Fantastyka", "isbn", -20, 60),
]


def build_scheduled_changes(nodes: list[Node], ids: dict[str, str]) -> list[Json]:
    return [{"category": find(nodes, cat).id, "parameter": ids[key], "scheduledAtDay": at, "scheduledForDay": on,
             "type": "REQUIREMENT_CHANGE"} for cat, key, at, on in SCHEDULED]


def build_categories_file(draw: Draw) -> Json:
    parameters, ids = build_parameters(draw)
    categories, nodes = build_categories(draw, ids)
    return {
        "format": FORMAT,
        "seed": draw.seed,
        "root": ROOT_ID,
        "defaultOptions": DEFAULT_OPTIONS,
        "categories": categories,
        "parameters": parameters,
        "scheduledChanges": build_scheduled_changes(nodes, ids),
        "events": build_category_events(draw, nodes),
    }


# ---------------------------------------------------------------------------------------------------------------
# Delivery: carriers, delivery methods, Allegro pickup points
# ---------------------------------------------------------------------------------------------------------------
# GET /order/carriers: the spec example's ids and names, the One Fulfillment courier ids (allegro-behaviour.md §6)
# and the carriers Polish, Czech, Slovak and Hungarian sellers ship with. OTHER (custom carriers) has no name.
# X_PRESS_COURIERS was removed on 2024-12-09 and is accepted as an alias of ALLEGRO.
CARRIERS = [
    ("ALLEGRO", "Allegro"), ("AMBRO_EXPRESS", "Ambro Express"), ("CAINIAO", "Cainiao"),
    ("CZECH_POST", "Česká pošta"), ("DB_SCHENKER", "DB Schenker"), ("DHL", "DHL"), ("DPD", "DPD"),
    ("DPD_SK", "DPD Slovakia"), ("FEDEX", "FedEx"), ("FOXPOST", "Foxpost"), ("GEIS", "Geis"), ("GLS", "GLS"),
    ("INPOST", "InPost"), ("MAGYAR_POSTA", "Magyar Posta"), ("ORLEN", "ORLEN Paczka"), ("PACKETA", "Packeta"),
    ("POCZTA_POLSKA", "Poczta Polska"), ("PPL", "PPL"), ("RABEN", "Raben"), ("SLOVAK_POST", "Slovenská pošta"),
    ("SUUS", "Rohlig Suus"), ("UPS", "UPS"), ("YUN_EXPRESS", "Yun Express"), ("OTHER", None),
]
CARRIER_ALIASES = {"X_PRESS_COURIERS": "ALLEGRO"}

# Delivery methods: (pinned id or None, name, marketplace, payment policy, Allegro-endorsed, carrier,
#                    max weight kg or None, dispatch hours from-to, max first-item rate)
DELIVERY_METHODS = [
    ("2488f7b7-5d1c-4d65-b85c-4cbcf253fd93", "Allegro Paczkomaty InPost", "allegro-pl", "IN_ADVANCE", True,
     "INPOST", "25.000", (24, 48), "100.00"),
    (None, "Allegro Paczkomaty InPost pobranie", "allegro-pl", "CASH_ON_DELIVERY", True, "INPOST", "25.000",
     (24, 48), "100.00"),
    (None, "Allegro Kurier24 InPost", "allegro-pl", "IN_ADVANCE", True, "INPOST", "30.000", (24, 48), "100.00"),
    (None, "Allegro Kurier24 InPost pobranie", "allegro-pl", "CASH_ON_DELIVERY", True, "INPOST", "30.000",
     (24, 48), "100.00"),
    (None, "Allegro One Box, One Kurier", "allegro-pl", "IN_ADVANCE", True, "ALLEGRO", "25.000", (24, 48),
     "100.00"),
    (None, "Allegro One Punkt, One Kurier", "allegro-pl", "IN_ADVANCE", True, "ALLEGRO", "25.000", (24, 48),
     "100.00"),
    (None, "Allegro One Kurier", "allegro-pl", "IN_ADVANCE", True, "ALLEGRO", "25.000", (24, 48), "100.00"),
    (None, "Allegro Kurier DPD", "allegro-pl", "IN_ADVANCE", True, "DPD", "31.500", (24, 48), "100.00"),
    (None, "Allegro Kurier DPD pobranie", "allegro-pl", "CASH_ON_DELIVERY", True, "DPD", "31.500", (24, 48),
     "100.00"),
    (None, "Allegro Odbiór w Punkcie DPD Pickup", "allegro-pl", "IN_ADVANCE", True, "DPD", "20.000", (24, 72),
     "100.00"),
    ("025cb739-ef8e-45c4-9e7b-ce4e7fece8be", "Allegro Odbiór w Punkcie ORLEN Paczka", "allegro-pl", "IN_ADVANCE",
     True, "ORLEN", "25.000", (24, 72), "100.00"),
    (None, "Allegro Automat ORLEN Paczka", "allegro-pl", "IN_ADVANCE", True, "ORLEN", "25.000", (24, 72),
     "100.00"),
    (None, "Allegro Kurier Pocztex", "allegro-pl", "IN_ADVANCE", True, "POCZTA_POLSKA", "30.000", (24, 48),
     "100.00"),
    (None, "Allegro Odbiór w Punkcie Pocztex", "allegro-pl", "IN_ADVANCE", True, "POCZTA_POLSKA", "20.000",
     (24, 72), "100.00"),
    (None, "Allegro Kurier UPS", "allegro-pl", "IN_ADVANCE", True, "UPS", "30.000", (24, 48), "100.00"),
    (None, "Allegro Odbiór w Punkcie UPS", "allegro-pl", "IN_ADVANCE", True, "UPS", "20.000", (24, 72), "100.00"),
    (None, "Allegro Kurier DHL", "allegro-pl", "IN_ADVANCE", True, "DHL", "31.500", (24, 48), "100.00"),
    ("758fcd59-fbfa-4453-ae07-4800d72c2ca5", "List polecony priorytetowy", "allegro-pl", "IN_ADVANCE", False,
     "POCZTA_POLSKA", "30.000", (24, 48), "100000000.00"),
    (None, "List polecony ekonomiczny", "allegro-pl", "IN_ADVANCE", False, "POCZTA_POLSKA", "2.000", (48, 96),
     "100000000.00"),
    (None, "Paczka pocztowa ekonomiczna", "allegro-pl", "IN_ADVANCE", False, "POCZTA_POLSKA", "20.000", (48, 96),
     "100000000.00"),
    (None, "Przesyłka kurierska", "allegro-pl", "IN_ADVANCE", False, None, "31.500", (24, 48), "100000000.00"),
    (None, "Przesyłka kurierska pobraniowa", "allegro-pl", "CASH_ON_DELIVERY", False, None, "31.500", (24, 48),
     "100000000.00"),
    (None, "Przesyłka kurierska paletowa", "allegro-pl", "IN_ADVANCE", False, None, "1000.000", (48, 120),
     "100000000.00"),
    (None, "Odbiór osobisty po przedpłacie", "allegro-pl", "IN_ADVANCE", False, None, None, (0, 24),
     "100000000.00"),
    (None, "Odbiór osobisty", "allegro-pl", "CASH_ON_DELIVERY", False, None, None, (0, 24), "100000000.00"),
    (None, "Przesyłka elektroniczna (e-mail)", "allegro-pl", "IN_ADVANCE", False, None, None, (0, 24),
     "100000000.00"),
    (None, "Allegro Zásilkovna - Výdejní místa", "allegro-cz", "IN_ADVANCE", True, "PACKETA", "10.000", (24, 72),
     "2500.00"),
    (None, "Allegro Zásilkovna Z-BOX", "allegro-cz", "IN_ADVANCE", True, "PACKETA", "10.000", (24, 72), "2500.00"),
    (None, "Allegro PPL Kurýr", "allegro-cz", "IN_ADVANCE", True, "PPL", "31.500", (24, 48), "2500.00"),
    (None, "Česká pošta - Balík Do ruky", "allegro-cz", "IN_ADVANCE", False, "CZECH_POST", "30.000", (24, 72),
     "2500000.00"),
    (None, "Allegro Packeta - Výdajné miesta", "allegro-sk", "IN_ADVANCE", True, "PACKETA", "10.000", (24, 72),
     "100.00"),
    (None, "Allegro DPD Kuriér", "allegro-sk", "IN_ADVANCE", True, "DPD_SK", "31.500", (24, 48), "100.00"),
    (None, "Slovenská pošta - Balík", "allegro-sk", "IN_ADVANCE", False, "SLOVAK_POST", "30.000", (24, 72),
     "100000.00"),
    (None, "Allegro Packeta - Átvételi pontok", "allegro-hu", "IN_ADVANCE", True, "PACKETA", "10.000", (24, 72),
     "40000.00"),
    (None, "Allegro Foxpost automata", "allegro-hu", "IN_ADVANCE", True, "FOXPOST", "25.000", (24, 72),
     "40000.00"),
    (None, "GLS futárszolgálat", "allegro-hu", "IN_ADVANCE", False, "GLS", "40.000", (24, 48), "40000000.00"),
    # What One Fulfillment ships abroad with ("One Fulfillment International" shipping rates).
    (None, "Allegro International One Kurier CZ", "allegro-cz", "IN_ADVANCE", True, "ALLEGRO", "25.000", (48, 96),
     "2500.00"),
    (None, "Allegro International One Kurier SK", "allegro-sk", "IN_ADVANCE", True, "ALLEGRO", "25.000", (48, 96),
     "100.00"),
    (None, "Allegro International One Kurier HU", "allegro-hu", "IN_ADVANCE", True, "ALLEGRO", "25.000", (48, 96),
     "40000.00"),
]
COUNTRIES = {"allegro-pl": ("PL", "PLN"), "allegro-cz": ("CZ", "CZK"), "allegro-sk": ("SK", "EUR"),
             "allegro-hu": ("HU", "HUF")}


def delivery_method_id(name: str) -> str:
    """Ids the spec and the vendor's threads do not pin are derived from the name, so that other parts of targ
    (the One Fulfillment shipping rates every such seller starts with) can name a method without reading this."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"targ:allegro:delivery-method:{name}"))


def build_delivery_methods() -> list[Json]:
    out = []
    for pinned, name, marketplace, policy, endorsed, carrier, max_kg, hours, max_rate in DELIVERY_METHODS:
        country, currency = COUNTRIES[marketplace]
        rate = {"min": "0.00", "max": max_rate, "currency": currency}
        out.append({
            "id": pinned or delivery_method_id(name),
            "name": name,
            "marketplaces": [marketplace],
            "paymentPolicy": policy,
            "allegroEndorsed": endorsed,
            "dispatchCountry": None,
            "destinationCountry": country,
            "shippingRatesConstraints": {
                "allowed": True,
                "maxQuantityPerPackage": {"max": 999999},
                "maxPackageWeight": ({"supported": True, "min": "0.001", "max": max_kg, "unit": "KILOGRAM"}
                                     if max_kg else {"supported": False, "min": None, "max": None, "unit": None}),
                "firstItemRate": rate,
                "nextItemRate": dict(rate),
                "shippingTime": {"default": {"from": f"PT{hours[0]}H", "to": f"PT{hours[1]}H"},
                                 "customizable": not endorsed},
            },
            "carrier": carrier,
        })
    return out


# Cities with Allegro pickup points: (city, post code prefix, latitude, longitude, streets)
CITIES = [
    ("Warszawa", "00", 52.2297, 21.0122, ["Marszałkowska", "Puławska", "Grójecka", "Targowa", "Górczewska"]),
    ("Kraków", "30", 50.0647, 19.9450, ["Dietla", "Karmelicka", "Wielicka", "Kalwaryjska"]),
    ("Poznań", "60", 52.4095, 16.9319, ["Solna", "Głogowska", "Garbary", "Dąbrowskiego"]),
    ("Wrocław", "50", 51.1079, 17.0385, ["Legnicka", "Świdnicka", "Kazimierza Wielkiego"]),
    ("Gdańsk", "80", 54.3520, 18.6466, ["Grunwaldzka", "Długa", "Kartuska"]),
    ("Łódź", "90", 51.7592, 19.4560, ["Piotrkowska", "Zgierska", "Kopcińskiego"]),
    ("Katowice", "40", 50.2649, 19.0238, ["Mariacka", "Chorzowska", "Mikołowska"]),
    ("Lublin", "20", 51.2465, 22.5684, ["Krakowskie Przedmieście", "Lipowa"]),
    ("Szczecin", "70", 53.4285, 14.5528, ["Wojska Polskiego", "Jagiellońska"]),
    ("Białystok", "15", 53.1325, 23.1688, ["Lipowa", "Sienkiewicza"]),
]
PUDO_NAMES = ["Kiosk Kolporter", "Sklep Groszek", "Księgarnia Elipsa", "Sklep Lewiatan", "Kwiaciarnia Storczyk",
              "Sklep Papierniczy Ołówek", "Salon Prasowy"]
DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]


def build_pickup_points(draw: Draw) -> list[Json]:
    rng = draw.rng
    points = []
    for city, prefix, lat, lon, streets in CITIES:
        for n in range(8 if city in ("Warszawa", "Kraków") else 5):
            apm = n % 2 == 0
            street = streets[n % len(streets)]
            number = rng.randint(1, 180)
            if apm:
                name = f"Allegro One Box, {city}, {street} {number}"
                opening = [{"dayOfWeek": d, "from": "00:00", "to": "23:59"} for d in DAYS]
                carriers = ["ALLEGRO_ONE_KURIER"]
                payments = [{"method": "CARD"}]
                description = "Automat paczkowy dostępny całą dobę"
            else:
                shop = rng.choice(PUDO_NAMES)
                name = f"Allegro One Punkt, {shop}"
                close = rng.choice(["18:00", "19:00", "20:00", "21:00"])
                opening = [{"dayOfWeek": d, "from": "08:00" if d != "SATURDAY" else "09:00",
                            "to": close if d != "SATURDAY" else "14:00"} for d in DAYS[:6]]
                carriers = sorted({"ALLEGRO_ONE_KURIER", *rng.sample(["DPD", "UPS"], rng.randint(0, 2))})
                payments = [{"method": "CASH"}, {"method": "CARD"}]
                description = f"{shop}, wejście od ulicy {street}"
            points.append({
                "id": draw.number(1000000000, 1999999999),
                "name": name,
                "type": "APM" if apm else "PUDO",
                "services": [{"type": "PICKUP"}, {"type": "DROPOFF"}] if apm or rng.random() < 0.7
                else [{"type": "PICKUP"}],
                "restrictions": [{"type": "OVERLOADED"}] if rng.random() < 0.1 else [],
                "description": description,
                "payments": payments,
                "address": {
                    "postCode": f"{prefix}-{rng.randint(1, 999):03d}",
                    "city": city,
                    "street": f"{street} {number}",
                    "countryCode": "PL",
                    "coordinates": {"lat": round(lat + rng.uniform(-0.05, 0.05), 6),
                                    "lon": round(lon + rng.uniform(-0.08, 0.08), 6)},
                },
                "opening": opening,
                "carriers": carriers,
            })
    return points


def build_delivery_file(draw: Draw) -> Json:
    return {
        "format": FORMAT,
        "seed": draw.seed,
        "carriers": [{"id": cid, "name": name} if name else {"id": cid} for cid, name in CARRIERS],
        "carrierAliases": CARRIER_ALIASES,
        "deliveryMethods": build_delivery_methods(),
        "pickupPointsModifiedAt": MODIFIED_AT,
        "pickupPoints": build_pickup_points(draw),
    }


# ---------------------------------------------------------------------------------------------------------------
# Compatibility lists (vehicles and printers a part fits)
# ---------------------------------------------------------------------------------------------------------------
# (make, model, body, from, to, engine, kW, HP, engine code, body type) – version years are the model's.
VEHICLES = [
    ("AUDI", "A4 B8 (8K2)", "2007/11-2015/12", "2.0 TDI", 105, 143, "CAGA", "sedan"),
    ("AUDI", "A6 (4G2, 4GC, C7)", "2014/09-2018/09", "3.0 TDI quattro", 240, 326, "CVUB", "sedan"),
    ("AUDI", "Q5 (8RB)", "2008/11-2017/05", "2.0 TFSI quattro", 155, 211, "CDNC", "SUV"),
    ("BMW", "3 (E90)", "2005/01-2011/12", "320 d", 120, 163, "N47 D20 A", "sedan"),
    ("BMW", "X3 (F25)", "2010/09-2017/08", "xDrive 20 d", 135, 184, "N47 D20 C", "SUV"),
    ("BMW", "5 (G30, F90)", "2016/11-2023/10", "520 d", 140, 190, "B47 D20 A", "sedan"),
    ("CITROËN", "C6 (TD_)", "2005/09-2011/12", "2.7 HDi", 150, 204, "UHZ", "sedan"),
    ("CITROËN", "C4 II (B7)", "2009/11-2018/12", "1.6 HDi", 68, 92, "9HP", "hatchback"),
    ("FORD", "FOCUS III", "2010/07-2018/08", "1.0 EcoBoost", 92, 125, "M1DA", "hatchback"),
    ("FORD", "MONDEO V", "2014/09-2022/03", "2.0 TDCi", 110, 150, "T7CF", "kombi"),
    ("OPEL", "ASTRA J (P10)", "2009/09-2015/10", "1.4 Turbo", 103, 140, "A 14 NET", "hatchback"),
    ("OPEL", "CORSA E (X15)", "2014/09-2019/07", "1.2", 51, 70, "B 12 XEL", "hatchback"),
    ("SKODA", "OCTAVIA III (5E3, NL3, NR3)", "2012/11-2020/12", "1.6 TDI", 81, 110, "CLHA", "liftback"),
    ("SKODA", "FABIA III (NJ3)", "2014/08-2021/12", "1.0 TSI", 70, 95, "CHZB", "hatchback"),
    ("TOYOTA", "COROLLA (_E21_)", "2018/07-2024/12", "1.8 Hybrid", 90, 122, "2ZR-FXE", "hatchback"),
    ("TOYOTA", "YARIS (_P13_)", "2010/12-2020/12", "1.33 Dual VVT-i", 73, 99, "1NR-FE", "hatchback"),
    ("VW", "GOLF VII (5G1, BQ1, BE1, BE2)", "2012/08-2020/08", "1.6 TDI", 81, 110, "CXXB", "hatchback"),
    ("VW", "PASSAT B8 Variant (3G5, CB5)", "2014/08-2023/12", "2.0 TDI", 110, 150, "CRLB", "kombi"),
    ("VW", "TIGUAN (AD1, AX1)", "2015/09-2024/03", "2.0 TDI 4motion", 140, 190, "DFHA", "SUV"),
]
CAR_GROUPS = ["ABARTH", "AC", "ACURA", "ALFA ROMEO", "AUDI", "BMW", "CITROËN", "DACIA", "FIAT", "FORD", "HONDA",
              "HYUNDAI", "KIA", "MAZDA", "MERCEDES-BENZ", "NISSAN", "OPEL", "PEUGEOT", "RENAULT", "SEAT", "SKODA",
              "TOYOTA", "VOLVO", "VW"]
# Motorcycle exploded views: (make, model, years, engine, kW)
MOTORCYCLES = [
    ("HONDA", "CBF 600 S (PC43)", "2004/01-2013/12", "600", 57),
    ("HONDA", "CB 500 F (PC45)", "2013/01-2015/12", "500", 35),
    ("KAWASAKI", "Z 650 (ER650H)", "2017/01-2019/12", "650", 50),
    ("SUZUKI", "SV 650 (WVBY)", "2016/01-2023/12", "650", 56),
    ("YAMAHA", "MT-07 (RM04)", "2014/01-2017/12", "690", 55),
    ("YAMAHA", "YZF-R125 (RE06)", "2008/01-2013/12", "125", 11),
]
SUPPORTED_COMPATIBILITY = {
    "CAR": {"inputType": "ID", "validationRules": {"maxRows": 2000}},
    "MOTORCYCLE_EXPLODED": {"inputType": "ID", "validationRules": {"maxRows": 2000}},
    "PRINTER": {"inputType": "TEXT", "validationRules": {"maxRows": 200, "maxCharactersPerLine": 100}},
}


def group_id(text: str) -> str:
    """Allegro's group ids are the MD5 of the group's text (the spec's example: ABARTH, AC, ACURA)."""
    return hashlib.md5(text.encode()).hexdigest()


def build_compatibility_file(draw: Draw, categories: list[Json]) -> Json:
    supported = []
    for cat in categories:
        kind = cat.get("compatibility")
        if kind:
            supported.append({"categoryId": cat["id"], "name": cat["name"], "itemsType": kind,
                              **SUPPORTED_COMPATIBILITY[kind]})
    products = []
    for make, model, years, engine, kw, hp, code, body in VEHICLES:
        text = f"{make} {model} {years} {engine} {hp}KM/{kw}kW"
        first, last = years.split("-")
        attributes = [("BRAND", make), ("MODEL", model), ("TYPE", engine), ("BODY", body),
                      ("MODEL_FROM", first), ("MODEL_TO", last), ("VERSION_FROM", first), ("VERSION_TO", last),
                      ("POWER_KW", str(kw)), ("POWER_HP", str(hp)), ("ENGINE_CODE", code),
                      ("K_TYP_NR", draw.number(10000, 140000))]
        products.append({"type": "CAR", "id": draw.uuid(), "text": text, "group": {"id": group_id(make)},
                         "attributes": [{"id": k, "values": [v]} for k, v in attributes]})
    for make, model, years, engine, kw in MOTORCYCLES:
        first, last = years.split("-")
        attributes = [("BRAND", make), ("MODEL", model), ("CAPACITY", engine), ("POWER_KW", str(kw)),
                      ("MODEL_FROM", first), ("MODEL_TO", last)]
        products.append({"type": "MOTORCYCLE_EXPLODED", "id": draw.uuid(), "text": f"{make} {model} {years}",
                         "group": {"id": group_id(make)},
                         "attributes": [{"id": k, "values": [v]} for k, v in attributes]})
    moto_makes = sorted({m[0] for m in MOTORCYCLES})
    return {
        "format": FORMAT,
        "seed": draw.seed,
        "modifiedAt": MODIFIED_AT,
        "supportedCategories": supported,
        "groups": {"CAR": [{"id": group_id(t), "text": t} for t in CAR_GROUPS],
                   "MOTORCYCLE_EXPLODED": [{"id": group_id(t), "text": t} for t in moto_makes]},
        "products": products,
    }


# ---------------------------------------------------------------------------------------------------------------
# Everything else Allegro owns: marketplaces, tax settings, campaigns, packages, services, templates, types
# ---------------------------------------------------------------------------------------------------------------
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


def rate(label: str, value: str, exempt: bool = False) -> Json:
    return {"label": label, "value": value, "exemptionRequired": exempt}


EXEMPT = {"PL": rate("zw.", "EXEMPT", True), "CZ": rate("osvobozeno", "EXEMPT", True),
          "SK": rate("oslobodené", "EXEMPT", True), "HU": rate("adómentes", "EXEMPT", True)}
STANDARD_RATES = {
    "PL": [rate("23%", "23.00"), rate("8%", "8.00"), rate("5%", "5.00"), rate("0%", "0.00")],
    "CZ": [rate("21%", "21.00"), rate("12%", "12.00"), rate("0%", "0.00")],
    "SK": [rate("23%", "23.00"), rate("19%", "19.00"), rate("5%", "5.00")],
    "HU": [rate("27%", "27.00"), rate("18%", "18.00"), rate("5%", "5.00")],
}
# The rates goods with a reduced rate may carry (the reduced one, or the standard one for what does not qualify).
REDUCED = {
    "books": {"PL": ["5.00", "23.00"], "CZ": ["0.00", "21.00"], "SK": ["5.00", "23.00"], "HU": ["5.00", "27.00"]},
    "food": {"PL": ["5.00", "8.00", "23.00"], "CZ": ["12.00", "21.00"], "SK": ["5.00", "19.00", "23.00"],
             "HU": ["5.00", "18.00", "27.00"]},
    "pharmacy": {"PL": ["8.00", "23.00"], "CZ": ["12.00", "21.00"], "SK": ["5.00", "23.00"], "HU": ["5.00", "27.00"]},
}


def tax_profile(subjects: list[str], reduced: str | None = None, exemptions: tuple[str, ...] = ()) -> Json:
    labels = {"GOODS": "Towar", "SERVICES": "Usługa"}
    exemption_labels = {"MARGIN_SCHEME": "Procedura marży", "MONEY_EQUIVALENT": "Ekwiwalent pieniężny"}
    rates = {}
    for country, values in STANDARD_RATES.items():
        chosen = [v for v in values if reduced is None or v["value"] in REDUCED[reduced][country]]
        rates[country] = [*chosen, EXEMPT[country]]
    return {"subjects": [{"label": labels[s], "value": s} for s in subjects], "rates": rates,
            "exemptions": [{"label": exemption_labels[e], "value": e} for e in exemptions]}


TAX_PROFILES = {
    "goods": tax_profile(["GOODS"], exemptions=("MONEY_EQUIVALENT",)),
    "books": tax_profile(["GOODS"], reduced="books"),
    "food": tax_profile(["GOODS"], reduced="food"),
    "pharmacy": tax_profile(["GOODS"], reduced="pharmacy"),
    "collectibles": tax_profile(["GOODS"], exemptions=("MARGIN_SCHEME", "MONEY_EQUIVALENT")),
    "services": tax_profile(["SERVICES"], exemptions=("MONEY_EQUIVALENT",)),
}

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


def window(spec: tuple[str, int | None, int | None]) -> Json:
    kind, start, end = spec
    out: dict[str, Any] = {"type": kind}
    if start is not None:
        out["fromDay"] = start
    if end is not None:
        out["toDay"] = end
    return out


def build_reference_file(draw: Draw) -> Json:
    badges = []
    for c in BADGE_CAMPAIGNS:
        refusal = [{"code": c["refusal"][0], "messages": [{"text": c["refusal"][1], "link": None}]}] \
            if "refusal" in c else []
        badges.append({"id": c["id"], "name": c["name"], "marketplace": {"id": "allegro-pl"}, "type": c["type"],
                       "eligibility": {"eligible": c["eligible"], "refusalReasons": refusal},
                       "application": window(c["application"]), "visibility": window(c["visibility"]),
                       "publication": window(c["publication"]),
                       "regulationsLink": f"https://allegro.pl/regulamin/kampania-{c['id'].lower()}",
                       "stockReservationIsRequired": c["stockReservationIsRequired"]})
    alle = [{"id": cid, "name": name, "type": kind, "visibility": {"type": "WITHIN", "fromDay": v[0], "toDay": v[1]},
             "application": {"type": "WITHIN", "fromDay": a[0], "toDay": a[1]},
             "publication": {"type": "WITHIN", "fromDay": p[0], "toDay": p[1]}, "marketplace": {"id": mp}}
            for cid, name, kind, v, a, p, mp in ALLE_DISCOUNT]
    fundraising = [{"id": draw.uuid(), "name": name, "organization": {"name": org}}
                   for org, names in FUNDRAISING for name in names]
    packages = {
        "basePackages": [{"id": i, "name": n, "cycleDuration": d} for i, n, d in PROMOTION_PACKAGES["base"]],
        "extraPackages": [{"id": i, "name": n, "cycleDuration": d} for i, n, d in PROMOTION_PACKAGES["extra"]],
    }
    classified = []
    for pinned, name, kind, duration, promotions, extensions in CLASSIFIED_PACKAGES:
        package: dict[str, Any] = {"id": pinned or draw.uuid(), "name": name, "type": kind,
                                   "extensions": [{"name": n, "description": d} for n, d in extensions],
                                   "promotions": [{"name": n, "duration": d} for n, d in promotions]}
        if duration:
            package["publication"] = {"duration": duration}
        classified.append(package)
    services = [{"name": group, "definitions": [
        {"id": sid, "name": name, "description": {"hint": hint, "editable": editable, "default": None},
         "maxPrice": {"amount": price, "currency": "PLN"},
         "availableConstraints": [{"type": constraint, "availableDeliveryMethods": None}] if constraint else None,
         "updatedAt": None}
        for sid, name, hint, editable, price, constraint in definitions]} for group, definitions in ADDITIONAL_SERVICES]
    templates = [{"id": draw.uuid(), "name": name,
                  "image": {"captions": [{"index": c, "value": h} for c, h in zip(captions, headers[1:], strict=False)],
                            "url": f"https://a.allegroimg.com/original/size-tables/{group_id(name)}.png"},
                  "headers": [{"name": h} for h in headers], "values": [{"cells": row} for row in rows]}
                 for name, headers, rows, captions in SIZE_TABLE_TEMPLATES]
    return {
        "format": FORMAT,
        "seed": draw.seed,
        "marketplaces": MARKETPLACES,
        "taxProfiles": TAX_PROFILES,
        "badgeCampaigns": badges,
        "alleDiscountCampaigns": alle,
        "fundraisingCampaigns": fundraising,
        "promotionPackages": packages,
        "classifiedPackages": classified,
        "additionalServices": services,
        "sizeTableTemplates": templates,
        "billingTypes": [{"id": i, "description": pl, "descriptionEn": en} for i, pl, en in BILLING_TYPES],
        "depositTypes": [{"id": draw.uuid(), "name": name, "marketplaceId": "allegro-pl",
                          "price": {"amount": amount, "currency": "PLN"}} for name, amount in DEPOSITS],
    }


# ---------------------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------------------
def render(data: dict[str, Json]) -> bytes:
    """JSON with one list element per line: small, and a changed record is a one-line diff."""
    parts = []
    for key, value in data.items():
        if isinstance(value, list):
            body = ",\n".join("  " + json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"{json.dumps(key)}: [\n{body}\n]")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode()


def build(seed: int) -> dict[Path, bytes]:
    draw = Draw(seed)
    categories = build_categories_file(draw)
    files = {
        "allegro-categories.json": categories,
        "allegro-delivery.json": build_delivery_file(draw),
        "allegro-compatibility.json": build_compatibility_file(draw, categories["categories"]),
        "allegro-reference.json": build_reference_file(draw),
    }
    return {DATA_DIR / name: render(data) for name, data in files.items()}


def check(outputs: dict[Path, bytes]) -> int:
    stale = [p for p, content in outputs.items() if not p.exists() or p.read_bytes() != content]
    for path in stale:
        print(f"{path.relative_to(REPO_ROOT)} differs from a fresh build", file=sys.stderr)
    if stale:
        print("run: python tools/make_dataset.py --seed 0", file=sys.stderr)
    return 1 if stale else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0, help="seed for everything drawn (default 0)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ")
    args = parser.parse_args(argv)
    outputs = build(args.seed)
    if args.check:
        return check(outputs)
    for path, content in outputs.items():
        path.write_bytes(content)
        print(f"wrote {path.relative_to(REPO_ROOT)} ({len(content)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
