"""The audit trail of bulk imports, written in one go per file.

Every audited record (archive.core.apps.AUDITED) gets a historical copy on each save. An import
saves thousands of records; one history insert after each of them made importing a 1,000-article
fixture about a third slower. Inside `batched_history()` the saves are collected instead, and
written with one bulk insert per model when the file is done: the same records, in the same
transaction, with no user (an import is nobody's review decision).
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager

from simple_history.models import HistoricalRecords


class BatchableHistoricalRecords(HistoricalRecords):
    """simple-history's records, which a running import may collect instead of writing one by one."""

    def post_save(self, instance, created, using=None, **kwargs):
        pending = getattr(self.context, "pending_history", None)
        if pending is None or kwargs.get("raw") or hasattr(instance, "skip_history_when_saving"):
            return super().post_save(instance, created, using=using, **kwargs)
        # The first save of the file decides created or changed; the copy is taken when the file is done.
        pending.setdefault((type(instance), instance.pk), (instance, created))
        return None

    def post_delete(self, instance, using=None, **kwargs):
        pending = getattr(self.context, "pending_history", None)
        if pending is not None:
            # Keep the order: what was saved before this delete is written before it.
            saved = pending.pop((type(instance), instance.pk), None)
            if saved is not None:
                self.create_historical_record(instance, "+" if saved[1] else "~", using=using)
        return super().post_delete(instance, using=using, **kwargs)


@contextmanager
def batched_history(reason: str = ""):
    """Collect the history of the saves inside, and write it in bulk at the end (not on an error)."""
    context = HistoricalRecords.context
    context.pending_history = {}
    try:
        yield
        groups = defaultdict(list)
        for (model, _pk), (instance, created) in context.pending_history.items():
            groups[model, created].append(instance)
        for (model, created), instances in groups.items():
            model.history.bulk_history_create(instances, update=not created, default_change_reason=reason)
    finally:
        del context.pending_history
