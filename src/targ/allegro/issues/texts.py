"""The texts of the post-purchase issues errors, by key: (English, Polish). targ.allegro.messages files them under
`issues.<key>`; the edge renders them in the request's language (English for any language but Polish)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "not_found": ("The dispute or claim was not found.", "Nie znaleziono dyskusji ani reklamacji."),
    "not_allowed": ("No access to the specified dispute or claim.",
                    "Brak dostępu do wskazanej dyskusji lub reklamacji."),
    "empty": ("The message needs a text or an attachment.", "Wiadomość musi zawierać treść lub załącznik."),
    "chat_inactive": ("New messages cannot be added in this dispute or claim any more.",
                      "W tej dyskusji lub reklamacji nie można już dodawać wiadomości."),
    "type_for_claims": ("This message type can be used in claims only.",
                        "Tego typu wiadomości można użyć tylko w reklamacji."),
    "type_for_disputes": ("This message type can be used in disputes only.",
                          "Tego typu wiadomości można użyć tylko w dyskusji."),
    "end_requested": ("The buyer has already been asked to close this dispute.",
                      "Prośba o zakończenie tej dyskusji została już wysłana."),
    "not_a_claim": ("The status can be changed for claims only.", "Status można zmienić tylko dla reklamacji."),
    "transition": ("A rejected claim can only be accepted, and an accepted one only accepted in another way.",
                   "Odrzuconą reklamację można tylko uznać, a uznaną tylko uznać w inny sposób."),
    "claim_closed": ("The claim has been closed.", "Reklamacja została zamknięta."),
    "partial_refund": ("A partial refund needs its amount, in the order's currency, above zero and at most what was "
                       "paid.", "Częściowy zwrot wymaga kwoty w walucie zamówienia, większej od zera i nie większej "
                       "niż zapłacono."),
    "attachment": ("The attachments could not be added to the message: each must be yours, uploaded and not sent "
                   "yet.", "Nie udało się dodać załączników do wiadomości: każdy musi być Twój, wgrany i jeszcze "
                   "niewysłany."),
    "one_attachment": ("A message in a dispute can carry one attachment.",
                       "Wiadomość w dyskusji może zawierać jeden załącznik."),
    "attachment_not_found": ("The attachment was not found.", "Nie znaleziono załącznika."),
    # The Polish text as the vendor answered it (#7645).
    "size": ("The file size exceeds the allowed 2097152 bytes.",
             "Rozmiar pliku przekracza dopuszczalną wartość 2097152 bajtów."),
    "file_name": ("The file must be a pdf, bmp, gif, jpeg, png or tiff file with a name of at most 255 characters.",
                  "Plik musi mieć format pdf, bmp, gif, jpeg, png lub tiff i nazwę nie dłuższą niż 255 znaków."),
    "upload": ("The attachment cannot be uploaded: it is unknown, not yours, or uploaded already.",
               "Nie można wgrać załącznika: nie istnieje, nie należy do Ciebie lub został już wgrany."),
    "unsupported_type": ("Unsupported file type. Allowed files: pdf, bmp, gif, jpeg, png, tiff.",
                         "Nieobsługiwany typ pliku. Dozwolone pliki: pdf, bmp, gif, jpeg, png, tiff."),
    "too_large": ("The file is larger than declared or than allowed.",
                  "Plik jest większy niż zadeklarowano lub niż dopuszczalny rozmiar."),
    "blank": ("The text must not be blank.", "Treść nie może być pusta."),
}
