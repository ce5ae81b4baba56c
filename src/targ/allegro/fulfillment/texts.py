"""The texts of fulfillment's errors, by key: (English, Polish). targ.allegro.messages files them under
`fulfillment.<key>`; the English text is also the error's `message`. Placeholders are filled from the error's
parameters when the error is rendered, in the request's language (Polish for any language but en-US)."""

from __future__ import annotations

# "Uzupełnij awizo przed wysłaniem" - the Polish userMessage of every COMMAND_FAILED entry of a submit command.
_COMPLETE_FIRST = "Uzupełnij awizo przed wysłaniem: {at}"

TEXTS: dict[str, tuple[str, str]] = {
    # --- the notice (asn.py, operations/asn.py, operations/labels.py) ---------------------------------------------
    "asn_not_found": ("Advance Ship Notice {id} not found.", "Nie znaleziono awizo {id}."),
    "asn_state": ("Advance Ship Notice {id} is {status}; this operation needs {wanted}.",
                  "Awizo {number} ma status {status}; ta operacja wymaga statusu {wanted}."),
    "if_match_missing": ("If-Match header is missing.", "Brak nagłówka If-Match."),
    "asn_modified": ("Advance Ship Notice {id} was modified (current version {version}, If-Match {given}). "
                     "Get it again, take the etag and apply your changes once more.",
                     "Awizo zostało zmienione przez kogoś innego. Pobierz je ponownie i wprowadź zmiany jeszcze raz."),
    "read_only": ("{field} is read-only and cannot be changed.", "Pole {field} jest tylko do odczytu."),
    "no_receiving": ("Advance Ship Notice {id} has no receiving state: it is {status}.",
                     "Magazyn nie rozpoczął jeszcze przyjęcia awizo {number}."),
    "no_labels": ("Advance Ship Notice {id} has no labels: they exist for notices labelled ONE_FULFILMENT with a "
                  "handling unit amount, shortly after each change.", "Awizo {number} nie ma jeszcze etykiet."),
    # --- the notice's content (content.py) ----------------------------------------------------------------------
    "volume": ("declaredVolumeInCc must be a positive number.", "Zadeklarowana objętość musi być liczbą dodatnią."),
    "no_items": ("An Advance Ship Notice needs at least one product item.",
                 "Awizo musi zawierać co najmniej jeden produkt."),
    "item_repeated": ("Product {product} appears more than once.",
                      "Produkt {product} występuje w awizo więcej niż raz."),
    "item_not_declared": ("Product {product} was not declared: a submitted Advance Ship Notice takes no new "
                          "products.", "Produkt {product} nie był zadeklarowany: do wysłanego awizo nie można "
                          "dodać nowych produktów."),
    "item_unavailable": ("Product {product} is not available for Advance Ship Notices: it must be linked to one of "
                         "your One Fulfillment offers.", "Produkt {product} nie jest dostępny do awizacji: musi być "
                         "powiązany z Twoją ofertą One Fulfillment."),
    "quantity": ("quantity must be a whole number from 1 to {max}.",
                 "Liczba sztuk musi być liczbą całkowitą od 1 do {max}."),
    "unit_type": ("unitType must be one of {allowed}.", "Typ nośnika musi być jednym z: {allowed}."),
    "labels_type": ("labelsType must be one of {allowed}.", "Sposób oznaczenia musi być jednym z: {allowed}."),
    "container_labels": ("A CONTAINER cannot be labelled ONE_FULFILMENT; use NONE.",
                         "Kontenera nie można oznaczyć jako ONE_FULFILMENT; użyj NONE."),
    "unit_amount": ("handlingUnit.amount must be a whole number of at least 1.",
                    "Liczba nośników musi być liczbą całkowitą większą od zera."),
    "shipping_method": ("shipping.method must be one of {allowed}.", "Metoda dostawy musi być jedną z: {allowed}."),
    "shipping_field_unused": ("shipping.{field} is not used with method {method}.",
                              "Pole shipping.{field} nie dotyczy metody dostawy {method}."),
    "arrival": ("{at} must be an RFC 3339 date-time with a zone.",
                "Przewidywany termin dostawy musi być datą i godziną w formacie ISO 8601."),
    "country": ("{at} must be an ISO 3166-1 alpha-2 code.", "Kod kraju musi mieć dwie wielkie litery."),
    "licence_plate": ("{at} must be a licence plate (1 to 20 characters).",
                      "Numer rejestracyjny musi mieć od 1 do 20 znaków."),
    "courier_object": ("shipping.courier must be an object.", "Dane kuriera muszą być obiektem."),
    "courier_id": ("courier.id must be one of {allowed}.", "Identyfikator kuriera musi być jednym z: {allowed}."),
    "courier_name": ("courier.name is required with courier.id OTHER.", "Dla kuriera OTHER podaj jego nazwę."),
    "tracking_numbers": ("trackingNumbers must be a list of non-empty strings.",
                         "Numery przesyłek muszą być niepustymi tekstami."),
    "third_party_object": ("shipping.thirdParty must be an object.", "Dane producenta muszą być obiektem."),
    "third_party_field": ("thirdParty.{field} must be a non-empty string.",
                          "Nazwa i numer zamówienia producenta muszą być niepustymi tekstami."),
    "submitted_shipping_field": ("shipping.{field} cannot be changed: the notice was submitted with method "
                                 "{method}.", "Pola shipping.{field} nie można zmienić: awizo wysłano z metodą "
                                 "dostawy {method}."),
    "frozen": ("{at} cannot be changed after the Advance Ship Notice was submitted.",
               "Pola {at} nie można zmienić po wysłaniu awizo."),
    # --- submit commands (operations/commands.py; what submitting needs: content.py) --------------------------
    "command_id_mismatch": ("id must be the command id of the path.",
                            "Identyfikator komendy w treści musi być taki sam jak w adresie."),
    "command_conflict": ("Command with the given id but with different content is already registered.",
                         "Komenda o tym identyfikatorze, ale innej treści, została już zarejestrowana."),
    "command_not_found": ("Command not found.", "Nie znaleziono komendy."),
    "submit_forbidden": ("You are not allowed to submit this Advance Ship Notice.", "Nie możesz wysłać tego awizo."),
    "submit_tax_rejected": ("Your tax id was not accepted: the warehouse takes no deliveries from you.",
                            "Twój numer NIP nie został zaakceptowany: magazyn nie przyjmie od Ciebie dostawy."),
    "submit_not_draft": ("Advance Ship Notice {id} is {status}; only a DRAFT can be submitted.",
                         "Awizo {number} ma status {status}; wysłać można tylko szkic."),
    "submit_unavailable": ("Product {product} is no longer available for Advance Ship Notices.", _COMPLETE_FIRST),
    "submit_no_items": ("An Advance Ship Notice needs at least one product item.", _COMPLETE_FIRST),
    "submit_required": ("{at} is required to submit.", _COMPLETE_FIRST),
    # --- account settings (account.py, operations/account.py) ---------------------------------------------------
    "tax_id_invalid": ("taxId must be a non-empty string (at most 32 characters).",
                       "Podaj numer identyfikacji podatkowej."),
    "tax_id_not_found": ("No tax id has been added yet; add one with POST.",
                         "Nie dodano jeszcze numeru identyfikacji podatkowej."),
    "tax_id_exists": ("A tax id has already been added; change it with PUT.",
                      "Numer identyfikacji podatkowej został już dodany; zmień go."),
    "removal_not_found": ("No removal preferences have been set yet.",
                          "Nie ustawiono jeszcze preferencji wycofania towaru."),
    "removal_address": ("address is required for the WITHDRAWAL operation.",
                        "Podaj adres, pod który mamy odesłać towar."),
    "created_at": ("Incorrect value for {name} parameter",
                   "Nieprawidłowa wartość parametru {name}. Najwcześniejsza dozwolona data to {earliest}."),
    # --- One Fulfillment orders (operations/parcels.py) ---------------------------------------------------------
    "order_not_found": ("One Fulfillment order {id} not found.", "Nie znaleziono zamówienia One Fulfillment {id}."),
}
