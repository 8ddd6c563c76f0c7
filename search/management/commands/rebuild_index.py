"""haystack's rebuild_index, made safe for the archive: never empties the live index.

haystack's own command runs clear_index then update_index, so searches find nothing (and, with a
crash, keep finding nothing) until the re-add finishes. For the archive's connection this runs the
atomic rebuild instead (search.indexing.rebuild: build beside the live index, swap, replay the
journal of concurrent changes); other connections keep haystack's behaviour.
"""

from haystack import connections
from haystack.management.commands import rebuild_index

from search import indexing
from search.backend import ArchiveWhooshBackend


def is_archive_connection(alias: str) -> bool:
    if alias != "default":  # indexing.rebuild() builds the default connection's index
        return False
    if not isinstance(connections[alias].get_backend(), ArchiveWhooshBackend):
        return False
    return indexing._articles() in connections[alias].get_unified_index().get_indexed_models()


class Command(rebuild_index.Command):
    help = "Rebuild the search index: the archive's by building beside the live index and swapping it in."

    def handle(self, **options):
        using = options.get("using") or list(connections.connections_info)
        others = [alias for alias in using if not is_archive_connection(alias)]
        if len(others) < len(using):
            count = indexing.rebuild()
            if options.get("verbosity", 1) >= 1:
                self.stdout.write(f"Indexed {count} articles in a new index and swapped it in.")
        if others:
            super().handle(**{**options, "using": others})
