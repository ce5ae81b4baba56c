"""The texts of the seller's ratings errors, by key: (English, Polish). targ.allegro.messages files them under
`ratings.<key>`; the edge renders them in the request's language (English for any language but Polish)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "not_found": ("Rating not found.", "Nie znaleziono oceny."),
    "blank": ("The text must not be blank.", "Treść nie może być pusta."),
    "answered": ("This rating has already been answered.", "Na tę ocenę udzielono już odpowiedzi."),
    "positive": ("Only a \"not recommended\" rating can be asked to be removed.",
                  "Można poprosić o usunięcie tylko oceny „Nie polecam”."),
    "requested": ("Removal of this rating has already been requested.",
                  "Prośba o usunięcie tej oceny została już wysłana."),
    "too_late": ("The time to request removal of this rating has passed.",
                  "Minął czas na wysłanie prośby o usunięcie oceny."),
}
