"""ParkKG: knowledge graphs of Chinese news about high-tech zones and industrial parks.

Data flows one way, one module per stage::

    files -> kg.ingest (Article: clean text + offset map)
          -> kg.extract (spaCy pipeline -> DocExtraction records)
          -> kg.graph (networkx MultiDiGraph, node = IRI)
          -> kg.rdf (records -> triples -> Turtle) -> kg.store (SPARQL) / kg.view (HTML)

The module map is in docs/DESIGN.md ("Layout").
"""

__version__ = "0.1.0"
