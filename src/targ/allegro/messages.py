"""userMessage texts in the languages of Allegro's `Accept-Language` enum.

The vendor answers in Polish when no Accept-Language is sent. Messages for the edge's generic errors are kept here;
domain errors pass their own English/Polish texts through `localise`.
"""

from __future__ import annotations

from targ.http.media import accepted

LANGUAGES = ("pl-PL", "en-US", "uk-UA", "sk-SK", "cs-CZ", "hu-HU")
DEFAULT = "pl-PL"

_INVALID_DATA = {
    "pl-PL": "Żądanie zawiera nieprawidłowe dane. Skontaktuj się z autorem aplikacji.",
    "en-US": "Request contains invalid data. Contact the application author.",
    "uk-UA": "Запит містить недійсні дані. Зверніться до автора програми.",
    "sk-SK": "Požiadavka obsahuje neplatné údaje. Kontaktujte autora aplikácie.",
    "cs-CZ": "Požadavek obsahuje neplatná data. Kontaktujte autora aplikace.",
    "hu-HU": "A kérés érvénytelen adatokat tartalmaz. Lépjen kapcsolatba az alkalmazás szerzőjével.",
}

MESSAGES: dict[str, dict[str, str]] = {
    "invalid_data": _INVALID_DATA,
    "not_found": {
        "pl-PL": "Nie znaleziono zasobu. Skontaktuj się z autorem aplikacji.",
        "en-US": "Feature unavailable. Contact the application author.",
    },
    "method_not_allowed": {
        "pl-PL": "Metoda niedozwolona dla tego zasobu. Skontaktuj się z autorem aplikacji.",
        "en-US": "Method not allowed for this resource. Contact the application author.",
    },
    "too_large": {
        "pl-PL": "Żądanie jest zbyt duże. Skontaktuj się z autorem aplikacji.",
        "en-US": "The request is too large. Contact the application author.",
    },
    "internal": {
        "pl-PL": "Błąd wewnętrzny serwera. Spróbuj ponownie za kilka minut.",
        "en-US": "Internal server error. Please try again in a few minutes.",
    },
    "required": {"pl-PL": "Pole {field} jest wymagane.", "en-US": "The field {field} is required."},
    "type": {"pl-PL": "Pole {field} ma nieprawidłowy typ.", "en-US": "The field {field} has an invalid type."},
    "enum": {"pl-PL": "Pole {field} ma niedozwoloną wartość.",
             "en-US": "The field {field} has a value that is not allowed."},
    "format": {"pl-PL": "Pole {field} ma nieprawidłowy format.", "en-US": "The field {field} has an invalid format."},
    "range": {"pl-PL": "Wartość pola {field} jest poza dozwolonym zakresem.",
              "en-US": "The value of {field} is out of the allowed range."},
    # JsonMappingException's userMessage as the vendor words it (#3809 in Polish; #5601, and a 2026 sandbox answer
    # quoted in openlinker-project/openlinker#387, in English).
    "not_readable": {"pl-PL": "Żądanie zawiera błędne dane. Skontaktuj się z autorem aplikacji.",
                     "en-US": "Request contains invalid data. Contact the application author."},
    # UnknownJSONProperty's (#10209, #10293 in Polish; #11589, #11878 in English, 2025 wording).
    "unknown_properties": {
        "pl-PL": "Przesłane dane zawierają nieobsługiwane właściwości. Skontaktuj się z dostawcą oprogramowania.",
        "en-US": "The uploaded data includes unsupported properties. Contact your app creator.",
    },
    "other": {"pl-PL": "Pole {field} ma nieprawidłową wartość.", "en-US": "The field {field} has an invalid value."},
}

_RANGE_KINDS = {"minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "pattern"}


def language_of(header: str | None) -> str:
    """The first supported language of an Accept-Language header; Polish when absent or unsupported."""
    if not header:
        return DEFAULT
    for tag in accepted(header):
        for lang in LANGUAGES:
            if tag.lower() == lang.lower() or tag.lower() == lang[:2].lower():
                return lang
    return DEFAULT


def text(key: str, language: str, **values: str) -> str:
    table = MESSAGES.get(key) or MESSAGES["other"]
    template = table.get(language) or (table["pl-PL"] if language == "pl-PL" else table.get("en-US")) or table["pl-PL"]
    return template.format(**values)


def problem_message(kind: str, field: str, language: str) -> str:
    key = "range" if kind in _RANGE_KINDS else kind if kind in MESSAGES else "other"
    return text(key, language, field=field or "body")
