"""allegro-compatibility.json: the vehicles and printers a part can be listed as fitting, and where."""

from __future__ import annotations

import hashlib

from .base import FORMAT, MODIFIED_AT, Draw, Json

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
