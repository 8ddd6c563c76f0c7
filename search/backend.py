"""The haystack engine for the archive: stock Whoosh plus folding, keyword facet fields and a cheap match-all.

Why not the stock backend: it stems and comma-joins facet values, walks every term for `*`, and writes
without waiting for the index lock. See search/README.md.
"""

from __future__ import annotations

import functools
import os
import re

from haystack import connections
from haystack.backends.whoosh_backend import (
    WhooshEngine,
    WhooshHtmlFormatter,
    WhooshSearchBackend,
    WhooshSearchQuery,
)
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier, get_model_ct
from whoosh import columns, formats
from whoosh import fields as wf
from whoosh.analysis import Filter, StopFilter, Token, Tokenizer
from whoosh.highlight import ContextFragmenter
from whoosh.highlight import highlight as whoosh_highlight
from whoosh.lang.porter import stem
from whoosh.query import Every

from archive.core.text import fold

MATCH_ALL = "*:*"


@functools.lru_cache(maxsize=200_000)
def fold_token(text: str) -> str:
    # Tokens repeat a lot in news text; caching keeps fold() (NFKD, transliteration) off the indexing hot path.
    folded = fold(text).replace(" ", "")
    # fold() is not idempotent for a few letters (Æ -> æ -> ae): fold again until stable, so Æ and æ meet
    # and folding the document text before the analyzer (fold_words) changes nothing.
    for _ in range(3):
        again = fold(folded).replace(" ", "")
        if again == folded:
            break
        folded = again
    return folded


def fold_words(text: str) -> str:
    """Each word of the text folded in place; what ArchiveAnalyzer does to a word, minus stemming."""
    return _WORD.sub(lambda m: fold_token(m.group(0)), text or "")


class FoldingFilter(Filter):
    """Vučić, VUCIC and Вучић all become `vucic`. Kept for composing other analyzers; see ArchiveAnalyzer."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold_token(t.text)
            if t.text:
                yield t


_WORD = re.compile(r"\w+(\.?\w+)*")
_STOP = StopFilter().stops
_terms: dict[str, str] = {}  # raw word -> folded, stemmed term ("" for a stop word)


def _term(word: str) -> str:
    term = _terms.get(word)
    if term is None:
        folded = fold_token(word)
        term = "" if (folded in _STOP or len(folded) < 2) else stem(folded)
        if len(_terms) > 500_000:  # bounded: a crawl of random tokens must not grow a process forever
            _terms.clear()
        _terms[word] = term
    return term


def term_spans(text: str):
    """(term, start, end) for each indexed word of `text`, what ArchiveAnalyzer yields with chars=True,
    without a Token per word: snippets scan every result's body with it."""
    for match in _WORD.finditer(text):
        term = _term(match.group(0))
        if term:
            yield term, match.start(), match.end()


class ArchiveAnalyzer(Tokenizer):
    """Tokenise, fold (case, diacritics, Cyrillic to Latin), drop stop words, stem: in one pass.

    Equivalent to RegexTokenizer | FoldingFilter | StopFilter | StemFilter, but one generator and one
    cache lookup per word instead of four chained generators, which doubles the indexing rate.
    """

    is_morph = True  # it stems: with spelling on, Whoosh indexes the unstemmed words (no_morph) apart

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        no_morph=False,
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            # Wildcard and prefix text: fold only, a stemmed prefix would miss.
            t.original = value
            # A lone `*` stays `*` (Whoosh makes it Every()); folding it to "" matched nothing. Elsewhere
            # wildcard characters fold away with the rest (the engine relies on it: `*kalo` searches `kalo`).
            t.text = value if not value.strip("*?") else fold_token(value)
            t.boost, t.stopped = 1.0, False
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        pos = start_pos
        for match in _WORD.finditer(value):
            word = match.group(0)
            term = _term(word)
            if not term:
                if removestops:
                    continue
                t.stopped, t.text = True, fold_token(word)
            else:
                t.stopped, t.text = False, fold_token(word) if no_morph else term
            t.boost = 1.0
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = pos
            pos += 1
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            yield t


class Postings(tuple):
    """The output of a field's index() for one document, computed in the rebuild's reader process."""


# Word pairs ("shingles", as Elasticsearch's `index_phrases` writes them) make a phrase of common
# words one posting list: without them a phrase walks the positions of every document holding both
# words, in Python (1.4 s at 100k articles). Which pairs: search/phrases.py. They live in a field of
# their own, so the words' lexicon, which wildcards and the spelling corrector walk, stays words. The
# joiner alone marks each document written with pairs, so a segment from before them is recognised.
PAIRS_FIELD = "text_pairs"
PAIR_JOINER = " "  # no term contains it: the analyser splits words on everything but \w
PAIRS_MARKER = PAIR_JOINER


# Numeric columns the facet tables read whole per segment (facets._read_segment), instead of every
# document's stored fields.
ARTICLE_COLUMN = "article_num"
PUBLISHED_COLUMN = "published_num"


def pair_term(first: str, second: str) -> str:
    return f"{first}{PAIR_JOINER}{second}"


class ArchiveText(wf.TEXT):
    """TEXT that accepts postings analysed elsewhere, so a rebuild can analyse in a second process."""

    def index(self, value, **kwargs):
        if isinstance(value, Postings):
            return value
        return super().index(value, **kwargs)

    def index_with_sequence(self, value: str) -> tuple[Postings, list[str]]:
        """The words' postings (the bytes Whoosh's Positions format writes) and the terms in order."""
        fmt = self.format
        positions: dict[str, list[int]] = {}
        sequence = []
        for token in self.analyzer(value, positions=True, mode="index"):
            positions.setdefault(token.text, []).append(token.pos)
            sequence.append(token.text)
        words = [(w.encode(), len(p), len(p) * fmt.field_boost, fmt.encode(p)) for w, p in positions.items()]
        return Postings(words), sequence


class WordPairs(wf.FieldType):
    """Pairs of consecutive common terms of the document text (search/phrases.py writes them)."""

    def __init__(self):
        super().__init__(format=formats.Existence(), analyzer=archive_analyzer(), scorable=False, stored=False)

    def index(self, value, **kwargs):
        if not isinstance(value, Postings):
            raise TypeError("text_pairs takes postings from search.phrases.pair_postings, not text")
        return value


def archive_analyzer():
    return ArchiveAnalyzer()


class ArchiveWhooshBackend(WhooshSearchBackend):
    """haystack's Whoosh backend with the archive's analyzer, keyword facet fields and locked writes.

    Fields keep haystack's Whoosh types (so filters, ranges, sorting, date facets and highlighting
    behave as haystack documents them), except where the index declares otherwise: the document field
    is analysed by ArchiveAnalyzer and stored only if the index says `stored=True`; FacetField values
    are keyword tokens; fields marked `is_stored_only` (published, version) are read back, never searched.
    """

    def build_schema(self, fields):
        content_field_name, stock = super().build_schema(fields)
        names = [ID, DJANGO_CT, DJANGO_ID, *(field.index_fieldname for field in fields.values())]
        schema_fields = {name: stock[name] for name in names}  # without the spell_ subfields Schema adds
        for field in fields.values():
            name = field.index_fieldname
            if field.document:
                # Not sortable, and stored only if the index asks: the archive's snippets come from the
                # database, and a stored text column costs gigabytes.
                schema_fields[name] = ArchiveText(
                    stored=field.stored, analyzer=archive_analyzer(), field_boost=field.boost
                )
                schema_fields[name].spelling = self.include_spelling
                schema_fields[PAIRS_FIELD] = WordPairs()
                schema_fields[ARTICLE_COLUMN] = wf.COLUMN(columns.NumericColumn("q"))
                schema_fields[PUBLISHED_COLUMN] = wf.COLUMN(columns.NumericColumn("i"))
            elif getattr(field, "is_facet_keyword", False):
                # Codes, slugs and primary keys: one token each, never lower-cased or stemmed; stored
                # comma-joined like haystack's MultiValueField, so SearchResult can split them.
                schema_fields[name] = wf.KEYWORD(stored=True, commas=True, lowercase=False, scorable=False)
            elif getattr(field, "is_stored_only", False):
                schema_fields[name] = wf.STORED()
        return content_field_name, wf.Schema(**schema_fields)

    def setup(self):
        # The stock setup() would create a plain directory; ours is a symlink to a generation.
        from search.indexing import ensure_layout

        self.__dict__.pop("_archive_schema", None)  # the unified index may have changed (tests do)
        if self.use_file_storage:
            ensure_layout(self)
        super().setup()
        self._generation = os.path.realpath(self.path) if self.use_file_storage else None
        for index in connections[self.connection_alias].get_unified_index().get_indexes().values():
            if getattr(index, "fold_text", False):
                index.fold_text = False  # ArchiveAnalyzer folds; the same terms either way (tested)

    def _follow_swap(self):
        """After a rebuild swapped the symlink, reopen: the new generation's TOC numbers restart."""
        if not self.setup_complete or self.use_file_storage and os.path.realpath(self.path) != self._generation:
            self.setup()

    def update(self, index, iterable, commit=True):
        # Route haystack's own writes (update_index, manual calls) through the locked writer too.
        from search.indexing import write_documents

        docs = []
        for obj in iterable:
            try:
                docs.append(index.full_prepare(obj))
            except SkipDocument:
                self.log.debug("Indexing for object `%s` skipped", obj)
        write_documents(self, docs, [])

    def remove(self, obj_or_string, commit=True):
        from search.indexing import write_documents

        write_documents(self, [], [get_identifier(obj_or_string)])

    def clear(self, models=None, commit=True):
        # The stock clear() rmtree()s the path, which is a symlink to the live generation here.
        from search.indexing import clear_index

        clear_index(self, [get_model_ct(model) for model in models] if models is not None else None)

    def delete_index(self):
        # A fresh empty generation swapped in under the lock, with the current schema.
        from search.indexing import reset_index

        reset_index(self)
        self.setup()

    def _process_results(self, raw_page, highlight=False, query_string="", **kwargs):
        results = super()._process_results(raw_page, highlight=False, query_string=query_string, **kwargs)
        if highlight:
            self._highlight(results["results"], query_string)
        return results

    def _highlight(self, results, query_string):
        """haystack's `highlighted`, with the archive's analyzer (Vucic marks Vučić), Whoosh's escaping
        formatter, and the text read from the database when the index does not store it."""
        from search.highlight import SCAN_CHARS

        analyzer = archive_analyzer()
        terms = [t.text for t in analyzer(query_string)]
        unified = connections[self.connection_alias].get_unified_index()
        missing = [r for r in results if getattr(r, self.content_field_name, None) is None]
        texts = {}
        for model in {r.model for r in missing}:
            index = unified.get_index(model)
            field = index.fields[self.content_field_name]
            pks = [r.pk for r in missing if r.model is model]
            for obj in index.read_queryset(using=self.connection_alias).filter(pk__in=pks):
                texts[(model, str(obj.pk))] = field.prepare(obj)  # as written, not folded
        for result in results:
            text = getattr(result, self.content_field_name, None)
            if text is None:
                text = texts.get((result.model, str(result.pk)), "")
            fragment = whoosh_highlight(
                text[:SCAN_CHARS], terms, analyzer, ContextFragmenter(), WhooshHtmlFormatter("em")
            )
            result.highlighted = {self.content_field_name: [fragment]}

    def more_like_this(self, model_instance, *args, **kwargs):
        self._follow_swap()
        return super().more_like_this(model_instance, *args, **kwargs)

    def search(self, query_string, **kwargs):
        self._follow_swap()
        if query_string in (MATCH_ALL, "*"):
            # Whoosh turns `*` into Every('text'), a walk over every term (haystack #1575).
            return self._search_every(**kwargs)
        return super().search(query_string, **kwargs)

    def _search_every(self, **kwargs):
        if not self.setup_complete:
            self.setup()
        original = self.parser.parse

        def parse(text, *args, **kw):
            return Every() if text == MATCH_ALL else original(text, *args, **kw)

        self.parser.parse = parse
        try:
            return super().search(MATCH_ALL, **kwargs)
        finally:
            self.parser.parse = original


class ArchiveWhooshQuery(WhooshSearchQuery):
    """haystack's query class; match-all stays haystack's `*`, which the backend runs as Every()."""


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
    query = ArchiveWhooshQuery
