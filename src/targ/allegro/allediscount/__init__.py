"""AlleDiscount (AlleObniżka), `/sale/alle-discount/*`: Allegro's campaigns in which a seller lowers an offer's
price and Allegro adds a further reduction of its own. campaigns.py reads the dataset's campaigns (the list operation
is targ.allegro.catalog's) with their terms, eligibility.py computes which offers a campaign lists and whether they
meet its conditions, participations.py keeps the submitted offers (and the campaign price orders use), commands.py
the submit and withdraw commands; operations/ binds the API, one module per resource. Vendor behaviours and their
sources: docs/behaviour.md, "AlleDiscount (issue 19)"; docs/allediscount.md."""
