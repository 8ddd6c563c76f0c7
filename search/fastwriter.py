"""A Whoosh segment writer whose flush reads document lengths once per field instead of once per posting.

Whoosh 2.7's flush asks the per-document reader for the field length of every posting, a seek and a
read on a temporary file each time: a third of a rebuild's time. The lengths column of a new
segment is small (one byte per document), so we read it into a list once. Same bytes on disk.
"""

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter


class _CachedLengths:
    def __init__(self, reader):
        self._reader = reader
        self._columns = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        column = self._columns.get(fieldname)
        if column is None:
            source = self._reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            column = self._columns[fieldname] = list(source) if source is not None else []
        if not column:
            return default
        lbyte = column[docnum]
        return byte_to_length(lbyte) if lbyte else None  # what W3PerDocReader returns for an empty field

    def close(self):
        self._reader.close()


class _UnboundedPool(PostingPool):
    """Keeps every posting in memory: no per-posting size accounting, no spill files.

    Only for the rebuild, whose segments are bounded (indexing.SEGMENT_DOCS documents).
    """

    def add(self, item):
        self.fieldnames.add(item[0])
        self.current.append(item)


class ArchiveSegmentWriter(SegmentWriter):
    def __init__(self, ix, unbounded_pool=False, **kwargs):
        super().__init__(ix, **kwargs)
        if unbounded_pool:
            self.pool = _UnboundedPool(self._tempstorage, self.newsegment)

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = _CachedLengths(self.per_document_reader()) if self.codec.length_stats else None
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if lengths:
            lengths.close()


def writer(ix, **kwargs):
    """Like ix.writer(procs=1), with the faster flush."""
    return ArchiveSegmentWriter(ix, **kwargs)


def bulk_writer(ix, limitmb=256):
    """For a rebuild: no compound file (one fewer copy of every byte) and the unbounded pool."""
    return ArchiveSegmentWriter(ix, limitmb=limitmb, compound=False, unbounded_pool=True)
