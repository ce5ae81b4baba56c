"""The texts of the message center's errors, by key: (English, Polish). targ.allegro.messages files them under
`messaging.<key>`; the edge renders them in the request's language (English for any language but Polish)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # THREAD_NOT_FOUND: code, message and Polish userMessage as answered in allegro-api #13123.
    "thread_not_found": ("Thread does not exist", "Wątek nie istnieje"),
    "message_not_found": ("Message does not exist", "Wiadomość nie istnieje"),
    "attachment_not_found": ("Attachment does not exist", "Załącznik nie istnieje"),
    # ASSIGNING_ATTACHMENTS_TO_MESSAGE_FAILED: the Polish userMessage as answered in #9124.
    "assigning_failed": (
        "Attachments could not be linked to the message. The attachment may not have been uploaded yet.",
        "Nie udało się powiązać załączników z wiadomością. Możliwym jest, że załącznik nie został jeszcze wgrany.",
    ),
    "not_allowed": ("No access to the specified resource.", "Brak dostępu do wskazanego zasobu."),
    "unsupported_type": (
        "Unsupported file type. Allowed files: pdf, gif, bmp, tiff, jpeg, jpg, png.",
        "Nieobsługiwany typ pliku. Dozwolone pliki: pdf, gif, bmp, tiff, jpeg, jpg, png.",
    ),
    "too_large": ("The file exceeds the size limit.", "Plik przekracza dopuszczalny rozmiar."),
    "recipient": ("The recipient was not found.", "Nie znaleziono odbiorcy wiadomości."),
    "order": ("The order is not related to the recipient of the message.",
              "Zamówienie nie jest powiązane z odbiorcą wiadomości."),
    "blank": ("The message text must not be blank.", "Treść wiadomości nie może być pusta."),
    "before_offset": ("The before parameter cannot be used with offset.",
                      "Parametru before nie można użyć razem z offset."),
}
