from django.db import models


class IndexQueue(models.Model):
    """An article whose search document must be refreshed, written in the transaction that changed it.

    Rows survive a broker or worker outage; the task deletes them only after the index commit, and
    `search.tasks.process_pending` sweeps whatever is left. Several rows per article are fine.
    """

    article_id = models.BigIntegerField(db_index=True)  # not a foreign key: a deleted article must stay queued
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "search index queue entry"
        verbose_name_plural = "search index queue"

    def __str__(self):
        return f"article {self.article_id}"
