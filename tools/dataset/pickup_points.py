"""Allegro pickup points (One Box lockers and One Punkt shops) in Polish cities, placed and opened by the seed."""

from __future__ import annotations

from .base import Draw, Json

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
