"""The texts of the bidding errors, by key: (English, Polish). targ.allegro.messages files them under `bidding.<key>`;
the edge renders them in the request's language (English for any language but Polish)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "not_found": ("Auction {offer} not found.", "Nie znaleziono licytacji {offer}."),
    "no_bid": ("You have not bid in auction {offer}.", "Nie licytujesz w ofercie {offer}."),
    "ended": ("The auction {offer} has ended.", "Licytacja {offer} została zakończona."),
    "own": ("You cannot bid in your own auction.", "Nie możesz licytować we własnej ofercie."),
    "too_low": ("The bid is too low: the lowest maximum you can bid now is {amount} {currency}.",
                "Zbyt niska oferta: najniższa kwota, jaką możesz teraz zaoferować, to {amount} {currency}."),
    "currency": ("Bids in this auction are made in {currency}.", "W tej licytacji oferty składa się w {currency}."),
    "amount": ("The amount must be a positive number with at most 2 decimal places.",
               "Kwota musi być liczbą dodatnią z co najwyżej 2 miejscami po przecinku."),
}
