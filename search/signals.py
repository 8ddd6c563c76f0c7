# Placeholder until the search issue lands: no automatic indexing.
from haystack.signals import BaseSignalProcessor as QueuedSignalProcessor  # noqa: F401
