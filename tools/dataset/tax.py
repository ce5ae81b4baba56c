"""Tax settings by profile: the VAT rates and exemptions each marketplace country offers for a kind of category."""

from __future__ import annotations

from .base import Json


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
