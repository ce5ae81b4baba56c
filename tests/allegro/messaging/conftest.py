from __future__ import annotations

from allegro_kit import offer, order, other, seller_accept  # noqa: F401 - fixtures: pytest finds them here
