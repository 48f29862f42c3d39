"""Measuring extraction against hand-annotated gold (developer tooling, used by ``kg evaluate`` and
``kg train-relations``).

- :mod:`kg.evaluation.gold`: the gold format, aligning a graph's entities and relations with the gold, micro
  P/R/F1 per class and kind (the same figures as the eval kit's ``score_set.py``);
- :mod:`kg.evaluation.relation_training`: fitting and cross-validating (by article) the learned relation
  classifier of :mod:`kg.extract.learned`.
"""
