"""The language an article is written in, for texts that do not say.

One detector serves the import and extraction: it lives with extraction, which also needs to know
which languages it can read.
"""

from archive.extraction.language import detect_language

__all__ = ["detect_language"]
