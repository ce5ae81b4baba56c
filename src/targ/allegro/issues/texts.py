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
    "attachment": ("The attachment was not found.", "Nie znaleziono załącznika."),
    "blank": ("The text must not be blank.", "Treść nie może być pusta."),
}
