"""RDF: the graph as triples (the public contract in docs/DESIGN.md) and the formats it is written in.

- :mod:`kg.rdf.triples`: records -> triples, the one mapping used by builds, tests and evaluation;
- :mod:`kg.rdf.turtle`: deterministic Turtle (byte-identical for the same input);
- :mod:`kg.store.formats`: N-Triples, JSON-LD and TriG of a build (``kg export``);
- :mod:`kg.rdf.read`: a build's Turtle read back into the networkx graph (the viewer's input).
"""
