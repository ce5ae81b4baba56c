"""The one name for a JSON object as targ holds it: a decoded request body, a stored document, a rendered answer.

Loose on purpose: documents whose shape is fixed have a `TypedDict` next to their model (`orders/documents.py`,
`offers/documents.py`, Voucherify's `orders/documents.py`); everything else is a `Json`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Json = dict[str, Any]
# A JSON object handed out for reading only (`SharedDoc.data`, a peeked document): changing it is a type error.
JsonView = Mapping[str, Any]
