"""Makes the reference data checkable where sellers' resources point at it (the resource engine's
`Ref(path, name)`): shipping rates name delivery methods, size tables a template, additional service groups their
definitions, badge applications a campaign. An id the dataset does not hold is then the engine's validation error
instead of being stored unchecked. Classified package ids (offer_options.classified_package) are not registered
yet: the resource engine's tests still assign made-up ones."""

from __future__ import annotations

from targ.allegro.catalog.campaigns import badge_campaigns
from targ.allegro.catalog.delivery import delivery_method
from targ.allegro.catalog.offer_options import additional_service_definition, size_table_template
from targ.allegro.resources.references import register_lookup

register_lookup("delivery-method", lambda world, seller, key: delivery_method(key) is not None)
register_lookup("size-table-template", lambda world, seller, key: size_table_template(key) is not None)
register_lookup("additional-service-definition",
                lambda world, seller, key: additional_service_definition(key) is not None)
# Only a campaign that is still open or visible can be applied for.
register_lookup("badge-campaign", lambda world, seller, key: any(c["id"] == key for c in badge_campaigns(world)))
