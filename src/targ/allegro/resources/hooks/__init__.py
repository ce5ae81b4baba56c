"""Per-resource behaviour the vendor documents beyond plain CRUD: `Hooks` subclasses and extra operations."""
