"""What Allegro says in which language: the languages of its `Accept-Language` enum, the message catalogue, and the
language an answer's names are given in.

* `text(key, language, params)` - the one way a message key and its parameters become text: errors carry keys
  (targ.allegro.errors) and the edge renders them in the request's language. The catalogue holds the edge's own
  messages (below) and the domain's (targ.allegro.fulfillment.texts, targ.allegro.offers.texts).
* `localised(item, field)` - a name from the vendor's dataset (`name` / `nameEn`) in the language of the answer
  being built: the edge sets it from Accept-Language for each request (`use`), so no code below the edge is handed
  a language.

The vendor answers in Polish when no Accept-Language is sent.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from targ.allegro.bidding.texts import TEXTS as BIDDING
from targ.allegro.fulfillment.texts import TEXTS as FULFILLMENT
from targ.allegro.issues.texts import TEXTS as ISSUES
from targ.allegro.messaging.texts import TEXTS as MESSAGING
from targ.allegro.money.texts import TEXTS as MONEY
from targ.allegro.offers.texts import MEDIA as OFFER_MEDIA
from targ.allegro.offers.texts import ONE_FULFILLMENT
from targ.allegro.ratings.texts import TEXTS as RATINGS
from targ.allegro.shipping.texts import TEXTS as SHIPPING
from targ.http.media import accepted

LANGUAGES = ("pl-PL", "en-US", "uk-UA", "sk-SK", "cs-CZ", "hu-HU")
DEFAULT = "pl-PL"
ENGLISH = "en-US"

_INVALID_DATA = {
    "pl-PL": "Żądanie zawiera nieprawidłowe dane. Skontaktuj się z autorem aplikacji.",
    "en-US": "Request contains invalid data. Contact the application author.",
    "uk-UA": "Запит містить недійсні дані. Зверніться до автора програми.",
    "sk-SK": "Požiadavka obsahuje neplatné údaje. Kontaktujte autora aplikácie.",
    "cs-CZ": "Požadavek obsahuje neplatná data. Kontaktujte autora aplikace.",
    "hu-HU": "A kérés érvénytelen adatokat tartalmaz. Lépjen kapcsolatba az alkalmazás szerzőjével.",
}

_EDGE: dict[str, dict[str, str]] = {
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


@dataclass(frozen=True, slots=True)
class Entry:
    """One message: its text by language, and the language whose text the other languages get."""

    texts: Mapping[str, str]
    otherwise: str


def _catalogue() -> dict[str, Entry]:
    # The edge's messages fall back to English; the domain's, written in English and Polish, to Polish (the vendor's
    # default language).
    out = {key: Entry(texts, ENGLISH) for key, texts in _EDGE.items()}
    for prefix, table in (("fulfillment", FULFILLMENT), ("onefulfillment", ONE_FULFILLMENT), ("money", MONEY)):
        out.update({f"{prefix}.{key}": Entry({ENGLISH: en, DEFAULT: pl}, DEFAULT) for key, (en, pl) in table.items()})
    # The message center's, ratings', issues', bidding's, shipping's and offer media texts were written
    # English-first: other languages get English.
    for prefix, table in (("messaging", MESSAGING), ("ratings", RATINGS), ("issues", ISSUES), ("bidding", BIDDING),
                          ("shipping", SHIPPING), ("offermedia", OFFER_MEDIA)):
        out.update({f"{prefix}.{key}": Entry({ENGLISH: en, DEFAULT: pl}, ENGLISH) for key, (en, pl) in table.items()})
    return out


CATALOGUE = _catalogue()


def language_of(header: str | None) -> str:
    """The first supported language of an Accept-Language header; Polish when absent or unsupported."""
    if not header:
        return DEFAULT
    for tag in accepted(header):
        for lang in LANGUAGES:
            if tag.lower() == lang.lower() or tag.lower() == lang[:2].lower():
                return lang
    return DEFAULT


def text(key: str, language: str, params: Mapping[str, object] | None = None) -> str:
    """The message `key` in `language`, its placeholders filled from `params`. An unknown key is a bug (KeyError)."""
    entry = CATALOGUE[key]
    template = entry.texts.get(language) or entry.texts.get(entry.otherwise) or entry.texts[DEFAULT]
    return template.format(**(params or {}))


def problem_key(kind: str) -> str:
    """The message of a request-validation problem of this kind (targ.spec.validate.Problem.kind)."""
    return "range" if kind in _RANGE_KINDS else kind if kind in _EDGE else "other"


# --- the language of the answer being built --------------------------------------------------------------------------
_answering: ContextVar[str] = ContextVar("targ.allegro.language", default=DEFAULT)


def use(language: str) -> None:
    """The edge, for each request: names in the answer are given in `language` (Polish outside requests)."""
    _answering.set(language)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Names in `language` for a part of an answer (an operation whose own parameter picks the language)."""
    token = _answering.set(language)
    try:
        yield
    finally:
        _answering.reset(token)


def answering() -> str:
    """The language of the answer being built (an offer's title is shown in it where translated: the public search)."""
    return _answering.get()


def localised(item: Mapping[str, Any], field: str) -> Any:
    """`item[field]` in the answer's language: the dataset carries Polish names with English translations
    (`<field>En`); other languages get the Polish ones."""
    if _answering.get() == ENGLISH:
        return item.get(field + "En", item[field])
    return item[field]
