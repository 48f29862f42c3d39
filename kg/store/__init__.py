"""The store of a build and the questions asked of it.

- :mod:`kg.store.database`: the embedded Oxigraph store in ``OUT/store``, filled as the Turtle streams out;
- :mod:`kg.store.sparql`: named queries (``kg/store/queries/*.rq``), parameters, result tables.
"""
