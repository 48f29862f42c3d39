"""The store of a build and the questions asked of it.

- :mod:`kg.store.database`: the embedded Oxigraph store in ``OUT/store``, filled as the Turtle streams out;
- :mod:`kg.store.sparql`: named queries (``kg/store/queries/*.rq``), parameters, result tables;
- :mod:`kg.store.formats`: the graph as N-Triples, JSON-LD, TriG (``kg export``);
- :mod:`kg.store.tables`: the graph as tables (CSV, an Excel workbook) and GraphML (``kg export``).
"""
