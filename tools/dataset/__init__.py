"""The Allegro reference dataset generator behind tools/make_dataset.py (docs/datasets.md).

One module per output file or part of one: ``categories`` (with ``parameters`` and ``tree``), ``delivery`` (with
``pickup_points``), ``compatibility``, ``reference`` (with ``tax``), and ``output`` (rendering, checking, writing).
The curated content lives in the modules that use it, or, for the long lists, in the ``*_table`` modules.
Everything drawn comes from one ``base.Draw``, consumed in the fixed order ``output.build`` calls the builders in:
moving a draw changes every id after it.
"""



