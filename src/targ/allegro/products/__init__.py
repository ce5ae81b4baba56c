"""Products: the demo catalogue (catalog.py), product docs and views (model.py), category parameters
(parameters.py), search (search.py) and the product operations (operations.py). docs/offers.md describes them."""
