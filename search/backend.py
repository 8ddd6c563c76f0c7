# Placeholder until the search issue lands: the stock engine.
from haystack.backends.whoosh_backend import WhooshEngine as ArchiveWhooshEngine  # noqa: F401
