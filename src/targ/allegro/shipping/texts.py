"""The texts of the Ship with Allegro errors, by key: (English, Polish). targ.allegro.messages files them under
`shipping.<key>`; the edge renders them in the request's language, a command in the language it was sent in. Where
the vendor's own wording is known it is used (its source beside it); the others are worded to match."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # #9279 (the Polish userMessage verbatim).
    "shipment_not_found": ("Requested shipment was not found", "Nie odnaleziono przewozu"),
    # #7793 (the Polish userMessage verbatim).
    "command_exists": ("An order with the submitted ID already exists in the system",
                       "Zlecenie o podanym ID już istnieje w systemie"),
    "command_id": ("The command id must be a UUID", "Identyfikator zlecenia musi być identyfikatorem UUID"),
    # #10176 (the vendor's userMessage is the English text).
    "order_not_found": ("Selected order can not be used", "Nie można użyć wybranego zamówienia"),
    "service_not_found": ("The delivery service {id} is not available for this account",
                          "Usługa dostawy {id} nie jest dostępna dla tego konta"),
    "credentials": ("For Allegro Standard methods credentialsId should be null",
                    "Dla metod Allegro Standard pole credentialsId powinno być puste"),
    # #11606, #12519 (both verbatim).
    "packages_limit": ("You have exceeded the allowable package limit for a single order. Different delivery "
                       "methods with the same carrier may have different limits.",
                       "Przekroczono dopuszczalny limit paczek w pojedynczym zleceniu. Różne metody dostawy u tego "
                       "samego przewoźnika, mogą mieć różne limity."),
    "package_type": ("The package type {type} is not supported by this delivery service",
                     "Typ paczki {type} nie jest obsługiwany przez tę usługę dostawy"),
    "packages_empty": ("At least one package is required", "Wymagana jest co najmniej jedna paczka"),
    "amount": ("The amount must be a decimal with at most two decimal places",
               "Kwota musi być liczbą z najwyżej dwoma miejscami po przecinku"),
    "positive": ("The value must be greater than zero", "Wartość musi być większa od zera"),
    # #11135 (the English texts).
    "weight": ("This weight exceeds the limit of {max} kg.", "Waga paczki przekracza limit {max} kg."),
    "dimensions": ("These dimensions exceed the limit of {limit} cm.", "Wymiary paczki przekraczają limit {limit} cm."),
    "girth": ("The length plus girth exceeds the limit of {max} cm.",
              "Suma długości i obwodu paczki przekracza limit {max} cm."),
    # #9423 (the Polish userMessage verbatim).
    "volumetric": ("The dimensions exceed the maximum dimensional weight.",
                   "Podane wymiary przesyłki przekraczają maksymalną wagę gabarytową."),
    "cod_not_available": ("Cash on delivery is not available for this delivery service",
                          "Pobranie nie jest dostępne dla tej usługi dostawy"),
    "cod_limit": ("Cash on delivery limit exceeded. Max value: {limit} {currency}",
                  "Przekroczono limit pobrania. Maksymalna wartość: {limit} {currency}"),
    "currency": ("This delivery service takes amounts in {currency}", "Ta usługa dostawy przyjmuje kwoty w {currency}"),
    # #10362 ("insurance limit exceeded").
    "insurance_limit": ("Insurance limit exceeded. Max value: {limit} {currency}",
                        "Przekroczono limit ubezpieczenia. Maksymalna wartość: {limit} {currency}"),
    "insurance_required": ("Insurance is required for this delivery service",
                           "Ta usługa dostawy wymaga ubezpieczenia przesyłki"),
    # #9287 (English), #11162 (the Polish userMessage verbatim).
    "insurance_below_cod": ("The insurance amount cannot be less than the COD amount",
                            "Wartość ubezpieczenia musi być większa lub równa wartości kwoty pobrania."),
    # #10362.
    "huf_amount": ("When HUF currency is used, the last digit must be 0 or 5",
                   "Dla waluty HUF ostatnia cyfra kwoty musi wynosić 0 lub 5"),
    "additional_service": ("The additional service {id} is not available for this delivery service",
                           "Usługa dodatkowa {id} nie jest dostępna dla tej usługi dostawy"),
    "additional_property": ("The additional property {id} cannot be set for this delivery service",
                            "Właściwości dodatkowej {id} nie można ustawić dla tej usługi dostawy"),
    "point_required": ("A pick up point is required for this delivery service",
                       "Ta usługa dostawy wymaga wskazania punktu odbioru"),
    "name_required": ("Name or company is required", "Wymagane jest imię i nazwisko lub nazwa firmy"),
    "phone": ("Invalid phone number", "Nieprawidłowy numer telefonu"),
    "postal_code": ("Invalid postal code", "Nieprawidłowy kod pocztowy"),
    "country": ("This delivery service delivers to {country} only", "Ta usługa dostawy doręcza tylko do {country}"),
    "already_cancelled": ("The shipment has already been cancelled", "Przesyłka została już anulowana"),
    # #7630 ("You cannot cancel a parcel with the Allegro carrier.").
    "not_cancellable": ("You cannot cancel a parcel with the {carrier} carrier.",
                        "Nie można anulować paczki przewoźnika {carrier}."),
    # By analogy with "Package status forbids pickup orders" (#12369).
    "cancel_status": ("Package status forbids cancellation", "Paczka jest w statusie, który nie pozwala na anulowanie"),
    # #12369 (the Polish userMessage verbatim); #9635 (the English one).
    "pickup_status": ("The parcel has a status that does not allow you to order pickup",
                      "Paczka jest w statusie, który nie pozwala na zamówienie podjazdu"),
    "pickup_not_available": ("A pickup cannot be ordered for this delivery service",
                             "Dla tej usługi dostawy nie można zamówić odbioru przez kuriera"),
    # #11524 ("Błąd zlecenia odbioru").
    "pickup_ordered": ("Pickup order error: a pickup has already been ordered for this shipment",
                       "Błąd zlecenia odbioru: odbiór tej przesyłki został już zamówiony"),
    "pickup_proposal": ("Invalid pickup proposal id", "Nieprawidłowy identyfikator propozycji odbioru"),
    "pickup_carriers": ("The shipments of one pickup must be carried by one carrier",
                        "Przesyłki jednego odbioru muszą należeć do jednego przewoźnika"),
    "pickup_not_found": ("Pickup not found", "Nie odnaleziono zlecenia odbioru"),
    "label_formats": ("Labels of shipments with different label formats cannot be joined in one file",
                      "Etykiet przesyłek o różnych formatach nie można połączyć w jednym pliku"),
    "shipment_cancelled": ("The shipment has been cancelled", "Przesyłka została anulowana"),
    "ready_date": ("readyDate must be a date (YYYY-MM-DD)", "readyDate musi być datą (RRRR-MM-DD)"),
}
