"""Settings-like collections of the Allegro API (shipping rates, after-sales conditions, contacts, tags, bundles,
promotions, ...), served by one engine derived from the spec bundle (docs/resources.md).

* engine.py: binds a declared resource's operations (list, create, read, replace/patch/upsert, delete);
* operations.py: the resources, each bound to its operations;
* hooks/: what the vendor documents beyond CRUD, per resource;
* model.py, context.py: declarations and the per-request context; paging.py, references.py, shape.py, docpath.py:
  list paging, reference integrity, schema projection, dotted paths into documents.
"""

# targ.allegro.sellers and targ.allegro.oauth import each other; entering through oauth is the order that resolves,
# so importing this package on its own (tests do) works too.
import targ.allegro.oauth  # noqa: F401
