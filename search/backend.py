"""The haystack engine for the archive: stock Whoosh plus folding, keyword facet fields and a cheap match-all.

Why not the stock backend: it stems and comma-joins facet values, walks every term for `*`, and writes
without waiting for the index lock. See search/README.md.
"""

from __future__ import annotations

import functools
import re

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend, WhooshSearchQuery
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from whoosh import fields as wf
from whoosh.analysis import Filter, StopFilter, Token, Tokenizer
from whoosh.lang.porter import stem
from whoosh.query import Every

from archive.core.text import fold

MATCH_ALL = "*:*"


@functools.lru_cache(maxsize=200_000)
def fold_token(text: str) -> str:
    # Tokens repeat a lot in news text; caching keeps fold() (NFKD, transliteration) off the indexing hot path.
    return fold(text).replace(" ", "")


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


class ArchiveAnalyzer(Tokenizer):
    """Tokenise, fold (case, diacritics, Cyrillic to Latin), drop stop words, stem: in one pass.

    Equivalent to RegexTokenizer | FoldingFilter | StopFilter | StemFilter, but one generator and one
    cache lookup per word instead of four chained generators, which doubles the indexing rate.
    """

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
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            # Wildcard and prefix text: fold only, a stemmed prefix would miss.
            t.original = value
            t.text = fold_token(value)
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
                t.stopped, t.text = False, term
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


class ArchiveText(wf.TEXT):
    """TEXT that accepts postings analysed elsewhere, so a rebuild can analyse in a second process."""

    def index(self, value, **kwargs):
        if isinstance(value, Postings):
            return value
        return super().index(value, **kwargs)


def archive_analyzer():
    return ArchiveAnalyzer()


class ArchiveWhooshBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        schema_fields = {
            ID: wf.ID(stored=True, unique=True),
            DJANGO_CT: wf.ID(stored=True),
            # Stored only: nothing searches by it, and a unique term per document costs at every flush.
            DJANGO_ID: wf.STORED(),
        }
        content_field_name = ""
        for field in fields.values():
            name = field.index_fieldname
            if field.document:
                content_field_name = name
                # Not stored and not sortable: snippets come from the database, and a text column costs gigabytes.
                schema_fields[name] = ArchiveText(stored=False, analyzer=archive_analyzer())
            elif getattr(field, "is_facet_keyword", False):
                # Codes, slugs and primary keys: one token each, never lower-cased or stemmed.
                schema_fields[name] = wf.KEYWORD(stored=True, lowercase=False, scorable=False)
            else:
                # published and version are read back, never searched: stored only, no trie terms.
                schema_fields[name] = wf.STORED()
        return content_field_name, wf.Schema(**schema_fields)

    def setup(self):
        # The stock setup() would create a plain directory; ours is a symlink to a generation.
        from search.indexing import ensure_layout

        ensure_layout(self)
        super().setup()

    def update(self, index, iterable, commit=True):
        # Route haystack's own writes (update_index, manual calls) through the locked writer too.
        from search.indexing import write_documents

        write_documents(self, [index.full_prepare(obj) for obj in iterable], [])

    def remove(self, obj_or_string, commit=True):
        from haystack.utils import get_identifier

        from search.indexing import write_documents

        write_documents(self, [], [get_identifier(obj_or_string)])

    def clear(self, models=None, commit=True):
        # The stock clear() rmtree()s the path, which is a symlink to the live generation here.
        from search.indexing import clear_index

        clear_index(self)

    def search(self, query_string, **kwargs):
        if query_string == MATCH_ALL:
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
    def build_query(self):
        built = super().build_query()
        return MATCH_ALL if built in ("", "*") else built

    def matching_all_fragment(self):
        return MATCH_ALL


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
    query = ArchiveWhooshQuery
