"""The texts of the offer area's errors, (English, Polish): the One Fulfillment rules (onefulfillment.py) by rule code,
filed under `onefulfillment.<code>` by targ.allegro.messages, the English text also the error's `message`; and
offer images and attachments (`MEDIA`, below)."""

from __future__ import annotations

ONE_FULFILLMENT: dict[str, tuple[str, str]] = {
    "ProductRequired": ("A One Fulfillment offer must be linked to a product.",
                        "Oferta One Fulfillment musi być powiązana z produktem."),
    "BuyNowOnly": ("A One Fulfillment offer must be a Buy Now offer.",
                   "Oferta One Fulfillment musi być ofertą Kup Teraz."),
    "ConditionNew": ("A One Fulfillment offer must offer a new item (condition: new).",
                     "W ofercie One Fulfillment parametr „Stan” musi mieć wartość „Nowy”."),
    "EanRequired": ("A One Fulfillment offer needs an EAN (GTIN).", "Oferta One Fulfillment musi mieć numer EAN."),
    "ProductWithoutEan": ("The product has no EAN, so no One Fulfillment offer can be created for it.",
                          "Produkt nie ma numeru EAN, więc nie można wystawić dla niego oferty One Fulfillment."),
    "EanMismatch": ("The EAN of a One Fulfillment offer must be the product's EAN.",
                    "Numer EAN oferty One Fulfillment musi być numerem EAN produktu."),
    "InitialStock": ("A One Fulfillment offer is created with 0 units (stock.unit UNIT): its stock comes from the "
                     "warehouse.", "Ofertę One Fulfillment wystawisz z liczbą 0 sztuk: stan pochodzi z magazynu."),
    "HandlingTime": ("The handling time of a One Fulfillment offer must be 24 hours (PT24H).",
                     "Czas wysyłki oferty One Fulfillment musi wynosić 24 godziny."),
    "AdditionalInfo": ("A One Fulfillment offer cannot have additional delivery information.",
                       "Pole „dodatkowe informacje o dostawie” w ofercie One Fulfillment musi być puste."),
    # The vendor's own text (allegro-api#13230).
    "Location": ("In One Fulfillment, it is only possible to dispatch from the following address: Polska, "
                 "Mazowieckie, Adamów 50, 05-825.", "W One Fulfillment wysyłka jest możliwa tylko z adresu: Polska, "
                 "Mazowieckie, Adamów 50, 05-825."),
    "Category": ("One Fulfillment is not available in this category.",
                 "W tej kategorii One Fulfillment nie jest dostępny."),
    "Invoice": ("A One Fulfillment offer must offer a VAT invoice.",
                "Oferta One Fulfillment musi mieć opcję faktury VAT."),
    "VatRate": ("A One Fulfillment offer must declare its VAT rate.",
                "Oferta One Fulfillment musi mieć określoną stawkę VAT."),
    "OneOfferPerProduct": ("There already is a One Fulfillment offer for this product: only one is allowed per "
                           "product.", "Dla jednego produktu możesz utworzyć tylko jedną ofertę One Fulfillment."),
    "Republish": ("A One Fulfillment offer cannot be republished automatically.",
                  "Oferta One Fulfillment nie może mieć opcji wznawiania."),
    "PreSale": ("A One Fulfillment offer cannot be a pre-sale offer.",
                "Oferta One Fulfillment nie może być ofertą w przedsprzedaży."),
    "AdditionalServices": ("A One Fulfillment offer cannot have additional services.",
                           "Oferta One Fulfillment nie może mieć usług dodatkowych."),
    "StockChange": ("The quantity of a One Fulfillment offer follows the warehouse and cannot be changed.",
                    "Dla tego typu ofert nie jest możliwa zmiana liczby sztuk."),
    "ProductChange": ("The product data of a One Fulfillment offer cannot be changed.",
                      "Nie możesz zmieniać danych produktu w ofercie One Fulfillment."),
}


# Offer images and attachments (images.py, attachments.py), by key: (English, Polish). targ.allegro.messages files
# them under `offermedia.<key>`; languages other than these two get the English text.
MEDIA: dict[str, tuple[str, str]] = {
    # The vendor's texts: #8989, #9843 (2024; "Invalid image address." is also its message).
    "image_not_found": ("Invalid image address.", "Podany adres obrazka jest nieprawidłowy."),
    # #4740 (English, 2021), #2031 (Polish, 2019).
    "image_type": ("Unallowed image type.", "Niedozwolony typ zdjęcia."),
    # #10090 (English, 2024), #1234 (Polish, 2019).
    "pixel_count": ("Image pixel count is too high.", "Ilość pikseli w obrazie jest zbyt duża."),
    # #2940 (2020), spacing as the vendor writes it.
    "invalid_url": ("Invalid URL  '{url}'.", "Niepoprawny  adres URL:  '{url}'."),
    # The spec's 413 "Image is too big".
    "image_too_big": ("Image is too big.", "Zdjęcie jest zbyt duże."),
    # #11075 (2025): SAFETY_INFORMATION_MANUAL given in `attachments` rather than in a product's safety information.
    "safety_in_attachments": ("Invalid attachment type: Instructions with safety information",
                              "Nieprawidłowy typ załącznika: Instrukcja z informacją o bezpieczeństwie"),
    "attachment_not_found": ("Attachment {id} not found.", "Nie znaleziono załącznika {id}."),
    "attachment_not_uploaded": ("Attachment {id} has no file uploaded yet.",
                                "Do załącznika {id} nie przesłano jeszcze pliku."),
    "attachment_type_twice": ("An offer can have one attachment of each type: {type} is given more than once.",
                              "Oferta może mieć jeden załącznik każdego typu: {type} podano więcej niż raz."),
    "not_safety": ("Only SAFETY_INFORMATION_MANUAL attachments can be a product's safety information.",
                   "Informacją o bezpieczeństwie produktu mogą być tylko załączniki typu SAFETY_INFORMATION_MANUAL."),
    "safety_limit": ("A product can have at most {limit} safety information attachments.",
                     "Produkt może mieć najwyżej {limit} załączników z informacją o bezpieczeństwie."),
    "attachment_format": ("A {type} attachment must be one of: {allowed}.",
                          "Załącznik typu {type} musi mieć jeden z formatów: {allowed}."),
    "declaration": ("The attachment needs its {field}.", "Załącznik musi mieć pole {field}."),
}
