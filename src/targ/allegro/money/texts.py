"""The texts of the money operations' errors, by key: (English, Polish). targ.allegro.messages files them under
`money.<key>`; the edge renders them in the request's language (English for any language but Polish). Sources in
docs/behaviour.md, "Payments, refunds and billing"."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # VALIDATION_ERROR for a refund above what is left, as answered in allegro-api #8840, #6042 (quantity) and
    # #12680 (value): the amount with a decimal comma and the currency.
    "quantity": ("Offer: {id} quantity exceeded, available: {available}, requested: {wanted}",
                 "Oferta: {id} ilość przekroczona, dostępna: {available}, żądana: {wanted}"),
    "value": ("Offer: {id} value exceeded, available: {available}, requested: {wanted}",
              "Oferta: {id} wartość przekroczona, dostępna: {available}, żądana: {wanted}"),
    "delivery": ("Delivery: value exceeded, available: {available}, requested: {wanted}",
                 "Dostawa: wartość przekroczona, dostępna: {available}, żądana: {wanted}"),
    "overpaid": ("Overpayment: value exceeded, available: {available}, requested: {wanted}",
                 "Nadpłata: wartość przekroczona, dostępna: {available}, żądana: {wanted}"),
    "surcharge": ("Surcharge: {id} value exceeded, available: {available}, requested: {wanted}",
                  "Dopłata: {id} wartość przekroczona, dostępna: {available}, żądana: {wanted}"),
    "services": ("Additional services: value exceeded, available: {available}, requested: {wanted}",
                 "Usługi dodatkowe: wartość przekroczona, dostępna: {available}, żądana: {wanted}"),
    "deposit": ("Deposit: {id} value exceeded, available: {available}, requested: {wanted}",
                "Kaucja: {id} wartość przekroczona, dostępna: {available}, żądana: {wanted}"),
    # A field in the wrong form: the vendor's words in #4391 (Polish) and #4755 (English).
    "format": ("Invalid parameter format", "Niewłaściwy format parametru"),
    "nothing": ("Specify what to refund: line items, delivery, overpayment, surcharges or additional services.",
                "Wskaż, co chcesz zwrócić: przedmioty, dostawę, nadpłatę, dopłaty lub usługi dodatkowe."),
    "line_item": ("Line item {id} does not belong to order {order}",
                  "Przedmiot {id} nie należy do zamówienia {order}"),
    "order": ("Payment {payment} does not belong to order {order}",
              "Płatność {payment} nie dotyczy zamówienia {order}"),
    "payment_not_found": ("Payment {payment} not found", "Nie znaleziono płatności {payment}"),
    "dates": ("occurredAt.gte cannot be later than occurredAt.lte",
              "Data occurredAt.gte nie może być późniejsza niż occurredAt.lte"),
    "marketplace": ("Unknown marketplace {marketplace}", "Nieznany serwis {marketplace}"),
    "too_many": ("The search result exceeds the limit of 10000 operations. Narrow down the criteria.",
                 "Wynik wyszukiwania przekracza limit 10000 operacji. Zawęź kryteria wyszukiwania."),
    # The fee preview and offer quotes (docs/behaviour.md, "Fee preview and offer quotes"). The vendor's words where
    # a thread quotes them: #8007 ("There is no price list for given category"), #6364 ("Only advertisements can
    # have packages."); the rest, and every Polish text but those, *decided*.
    "required": ("{field} is required", "Pole {field} jest wymagane"),
    "category": ("Category '{category}' not found", "Nie znaleziono kategorii '{category}'"),
    "no_price_list": ("There is no price list for given category", "Brak cennika dla wskazanej kategorii"),
    "packages": ("Only advertisements can have packages.", "Tylko ogłoszenia mogą mieć pakiety."),
    "package": ("Unknown classifieds package {package}", "Nieznany pakiet ogłoszeń {package}"),
    "currency": ("The price must be given in {currency}, the marketplace's currency, not {given}",
                 "Cena musi być podana w walucie serwisu ({currency}), nie w {given}"),
    "offer_ids": ("At most 20 offer ids can be given, got {count}",
                  "Można podać najwyżej 20 identyfikatorów ofert, podano {count}"),
}
