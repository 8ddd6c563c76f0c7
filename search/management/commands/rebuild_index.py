"""haystack's rebuild_index, made safe for the archive: never empties the live index.

haystack's own command runs clear_index then update_index, so searches find nothing (and, with a
crash, keep finding nothing) until the re-add finishes. For the connection the product searches
(`default`) this runs `search.indexing.rebuild` instead: on the archive's Whoosh, build beside the
live index, swap and replay the journal; on another engine, update in place and mend what raced it.
Other connections keep haystack's behaviour.
"""

from haystack import connections
from haystack.management.commands import rebuild_index

from search import indexing


def is_product_connection(alias: str) -> bool:
    # indexing.rebuild() builds the default connection's index, of the archive's articles.
    return alias == "default" and indexing._articles() in connections[alias].get_unified_index().get_indexed_models()


class Command(rebuild_index.Command):
    help = "Rebuild the search index without emptying it: the archive's is built beside the live one and swapped in."

    def handle(self, **options):
        using = options.get("using") or list(connections.connections_info)
        others = [alias for alias in using if not is_product_connection(alias)]
        if len(others) < len(using):
            count = indexing.rebuild()
            if options.get("verbosity", 1) >= 1:
                self.stdout.write(f"Rebuilt the search index from {count} articles.")
        if others:
            super().handle(**{**options, "using": others})
