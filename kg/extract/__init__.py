"""The extraction stage (the spaCy pipeline and its rule components)."""
import os


def ner_enabled() -> bool:
    """Whether the statistical NER joins the pipeline by default (``PARKKG_NER=1``); cheap to call (no spaCy)."""
    return os.environ.get("PARKKG_NER", "0") == "1"
