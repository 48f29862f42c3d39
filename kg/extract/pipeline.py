"""The spaCy ``zh`` pipeline: registered components and the article -> records step.

Pipeline (``make_nlp``): the char segmenter (no model), then optionally the trained statistical ``ner``
(``kg/models/ner``), then

- ``parkkg_entities``: gazetteers + name rules + person/role patterns + the statistical mentions, resolved into
  the article's entities (aliases, short forms, Fortune 500). Writes ``doc.ents`` (outermost mentions) and
  ``doc._.entities`` / ``doc._.mentions``;
- ``parkkg_relations``: relation rules over sentences and names. Writes ``doc._.relations``, and the honour
  lists the text puts firms on (``kg.extract.lists``) on the entities' ``lists``.

Custom attributes hold plain values (dataclasses of offsets and strings), declared once here.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import replace
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.entities import Cand, EntityFinder, split_sentences
from kg.extract.gazetteer import Gazetteer
from kg.extract.lists import find_lists
from kg.extract.relations import RelationFinder
from kg.extract.resolve import Resolver
from kg.extract.script import Restorer, restore_names, simplified
from kg.records import Article, DocExtraction, EntityClass, EntityRecord, Mention, RelationRecord

log = logging.getLogger(__name__)

for _attr in ("entities", "mentions", "inner", "sentences", "relations", "pairs"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)

# statistical labels -> our classes (ORG is typed by the name rules when they can)
NER_LABELS = {"PER": EntityClass.PERSON, "LOC": EntityClass.PLACE, "GPE": EntityClass.PLACE,
              "COMPANY": EntityClass.COMPANY, "GOV": EntityClass.GOVERNMENT_BODY, "ORG": EntityClass.COMPANY}


def doc_text(doc: Doc) -> str:
    """The article's text, rebuilt from the char tokens once per document (``doc.text`` joins ~N token objects on
    every access: a fifth of the extraction time when the components asked for it three times)."""
    text = doc.user_data.get("parkkg_text")
    if text is None:
        text = doc.user_data["parkkg_text"] = doc.text
    return text


@Language.factory("parkkg_entities", assigns=["doc.ents", "doc._.entities", "doc._.mentions", "doc._.inner",
                                               "doc._.sentences"], requires=[], default_config={})
def make_entities(nlp: Language, name: str) -> "EntitiesComponent":
    return EntitiesComponent()


@Language.factory("parkkg_relations", assigns=["doc._.relations", "doc._.pairs"],
                  requires=["doc._.entities", "doc._.mentions", "doc._.inner", "doc._.sentences"], default_config={})
def make_relations(nlp: Language, name: str) -> "RelationsComponent":
    return RelationsComponent()


# ASCII clause punctuation in Chinese text (pages and exports passed through NFKC write 公司,2020年): the rules
# read the full-width marks, so the text they see has them; a mark between two ASCII letters or digits (1,000;
# 10:30; ABB,GE) stays. One character for one: offsets, and the evidence sliced from the article, are unchanged.
_ASCII_CLAUSE = re.compile(r"(?<![0-9A-Za-z])[,;:!?]|[,;:!?](?![0-9A-Za-z])")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}


def cjk_punctuation(text: str) -> str:
    """``text`` with the ASCII clause marks next to Chinese written full-width, character for character."""
    return _ASCII_CLAUSE.sub(lambda m: _FULL_WIDTH[m.group()], text)


class EntitiesComponent:
    def __init__(self) -> None:
        self.finder = EntityFinder(Gazetteer.load())
        self.resolver = Resolver(self.finder)

    def predict(self, doc: Doc):
        # an article in traditional characters is read in simplified ones, one character for one (offsets hold);
        # the relations component, the last one, gives the names back in the article's characters
        text = doc.user_data["parkkg_simple"] = simplified(doc_text(doc))
        cands = self.finder.find(text)
        for ent in doc.ents:  # statistical mentions, if a trained ner ran before us
            cls = NER_LABELS.get(ent.label_)
            name = text[ent.start_char:ent.end_char]
            if cls is not None and self._plausible(name, cls):
                cands.append(Cand(ent.start_char, ent.end_char, cls, "ner", -1, text=name))
        ents, mentions, inner = self.resolver.resolve(text, cands)
        return ents, mentions, inner, split_sentences(text)

    def _plausible(self, name: str, cls: EntityClass) -> bool:
        """Statistical mentions are kept only where the rules can vouch for their shape.

        Places come from the gazetteer alone; a person needs a surname and a clean right edge; an organisation
        at least three characters and not a common phrase.
        """
        from kg.extract import lexicon as L
        from kg.extract import word_classes as words

        if cls is EntityClass.PLACE or not name or not all("\u4e00" <= c <= "\u9fff" for c in name):
            return False
        if cls is EntityClass.PERSON:
            return (2 <= len(name) <= 4 and (name[0] in self.finder.gaz.surnames or name[:2] in self.finder.gaz.surnames)
                    and name[-1] not in L.PERSON_NEXT)
        if len(name) < 3 or words.is_generic_phrase(name) or self.finder.gaz.place(name):
            return False
        for k in (3, 2):  # a place followed by a common word (万州区双方) is not an organisation
            if self.finder.gaz.place(name[:k]) and words.is_generic_phrase(name[k:]):
                return False
        return True

    def set_annotations(self, doc: Doc, result) -> None:
        ents, mentions, inner, sentences = result
        doc._.entities, doc._.mentions, doc._.inner, doc._.sentences = ents, mentions, inner, sentences
        ent_of = {id(c): e for e in ents for c in e.mentions}
        spans = []
        last_end = -1
        for m in mentions:
            if id(m) not in ent_of or m.start < last_end:
                continue
            span = doc.char_span(m.start, m.end, label=ent_of[id(m)].cls.value)
            if span is not None:  # None when offsets fall inside a token (cannot happen with char tokens)
                spans.append(span)
                last_end = m.end
        doc.ents = spans

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc


class RelationsComponent:
    """Rule relations, then the learned classifier's decisions for the kinds it was trained on.

    ``model``: the :class:`kg.extract.learned.RelationModel` in use (the shipped one by default; ``None``: rules
    only). ``keep_pairs``: also leave every candidate pair with its features on ``doc._.pairs`` (training).
    """

    def __init__(self) -> None:
        from kg.extract.learned import RelationModel

        self.finder = RelationFinder(Gazetteer.load())
        self.model = RelationModel.load()
        self.keep_pairs = False

    def __call__(self, doc: Doc) -> Doc:
        from kg.extract.learned import candidates, decide
        from kg.extract.relations import bare_administrations, dedupe, firms_own_parks, without_own_park_hosts
        from kg.extract.signing import signing_partners

        original = doc_text(doc)
        text = doc.user_data.get("parkkg_simple") or simplified(original)    # see EntitiesComponent.predict
        own_parks = firms_own_parks(doc._.entities, self.finder.gaz)
        rels = self.finder.find(text, doc._.sentences, doc._.entities, doc._.mentions, doc._.inner, own_parks)
        ent_of = {id(c): e for e in doc._.entities for c in e.mentions}
        rels = dedupe(rels + signing_partners(text, doc._.sentences, doc._.entities, doc._.mentions, ent_of))
        if self.model is not None or self.keep_pairs:
            pairs = candidates(text, doc._.sentences, doc._.entities, doc._.mentions, ent_of, rels,
                               compatible=self.finder.compatible, own_parks=own_parks)
            if self.keep_pairs:
                doc._.pairs = pairs
            if self.model is not None:
                rels = decide(rels, pairs, self.model, doc._.entities, text)
                rels = without_own_park_hosts(rels, own_parks)    # the model's consequences too
        rels, doc._.entities = bare_administrations(rels, doc._.entities)
        doc._.relations = rels
        find_lists(text, doc._.sentences, doc._.entities, doc._.mentions)   # sets Ent.lists
        if text is not original:
            restore = Restorer(text, original)
            restore_names(doc._.entities, restore)
            doc._.relations = [replace(r, role=restore(r.role)) if r.role else r for r in doc._.relations]
        return doc


def make_nlp(use_ner: bool = True) -> Language:
    """A blank Chinese pipeline (char segmenter) with our components."""
    nlp = spacy.blank("zh")  # char segmentation: needs no model
    if use_ner:
        try:
            from kg.ner import add_to  # the trained statistical NER, when it ships

            add_to(nlp)
        except Exception as e:  # a missing or unloadable model degrades to rules + gazetteers
            log.warning("statistical NER not used (%s); rules and gazetteers only", e)
    nlp.add_pipe("parkkg_entities")
    nlp.add_pipe("parkkg_relations")
    return nlp


class Extractor:
    """Article -> DocExtraction. One instance per process (the pipeline is loaded once)."""

    def __init__(self, use_ner: bool | None = None):
        # Measured on the dev articles, the trained NER (PD test F1 0.893) lowers entity/relation F1
        # (0.951/0.950 and 0.923/0.881 against 0.975/0.974 and 0.992/0.961 without it) and costs ~90 % of the
        # run time (15,600 against 150,000+ chars/s), so rules + gazetteers are the default. PARKKG_NER=1 turns it on.
        if use_ner is None:
            from kg.extract import ner_enabled

            use_ner = ner_enabled()
        self.nlp = make_nlp(use_ner=use_ner)

    def extract(self, article: Article) -> DocExtraction:
        return self._records(article, self._doc(cjk_punctuation(article.text)))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[DocExtraction]:
        for article in articles:     # the components work a document at a time: nothing to gain from batches
            yield self.extract(article)

    def _doc(self, text: str) -> Doc:
        """``nlp(text)``, with the text handed to the components (they need not rebuild it from the tokens)."""
        doc = self.nlp.make_doc(text)
        doc.user_data["parkkg_text"] = text
        for _name, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    @staticmethod
    def _records(article: Article, doc: Doc) -> DocExtraction:
        text = article.text
        entities = []
        for e in doc._.entities:
            mentions = tuple(Mention(m.text, m.start, m.end, *article.raw_span(m.start, m.end))
                             for m in sorted(e.mentions, key=lambda c: c.start))
            label = e.label
            aliases = tuple(n for n in dict.fromkeys(e.names) if n != label)
            entities.append(EntityRecord(
                key=f"e{e.idx}", cls=e.cls, name=label, aliases=aliases, fortune500=e.f500,
                name_en=e.fortune.name_en if e.fortune else "", mentions=mentions,
                fortune_rank=e.fortune.rank if e.fortune else 0, lists=tuple(getattr(e, "lists", ())),
                place_code=e.place.code if e.place else ""))
        relations = []
        for r in doc._.relations:
            if r.sent is not None:
                s, t = r.sent.start, r.sent.end
                while s < t and text[s].isspace():
                    s += 1
                while t > s and text[t - 1].isspace():
                    t -= 1
                raw_s, raw_e = article.raw_span(s, t)
                evidence = text[s:t]
            else:
                raw_s = raw_e = 0
                evidence = ""
            relations.append(RelationRecord(kind=r.kind, head=f"e{r.head}", tail=f"e{r.tail}", evidence=evidence,
                                            sent_start=raw_s, sent_end=raw_e, role=r.role, implied=r.implied,
                                            cue=r.cue))
        # persons are told apart by their employer (two 张伟 in different firms are two people)
        employer = {r.head: r.tail for r in relations if r.kind.value == "worksFor"}
        names = {en.key: en.name for en in entities}
        entities = [EntityRecord(**{**en.__dict__, "context": names.get(employer.get(en.key, ""), "")})
                    if en.cls is EntityClass.PERSON else en for en in entities]
        return DocExtraction(doc_id=article.doc_id, source=article.source, title=article.title, url=article.url,
                             date=article.date, n_chars=len(article.raw), entities=tuple(entities),
                             relations=tuple(relations),
                             content_hash=hashlib.sha256(article.raw.encode("utf-8")).hexdigest())
