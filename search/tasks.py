"""Thin Celery tasks: the work lives in search.indexing so commands and tests call it directly."""

from celery import shared_task
from django.conf import settings

from . import indexing
from .layout import IndexBusy


@shared_task(
    name="search.tasks.index_articles",
    autoretry_for=(IndexBusy,),
    retry_backoff=True,
    max_retries=10,
    acks_late=True,
    bind=True,
)
def index_articles(self, article_ids):
    # In a worker, gather the saves right behind this one into its commit; run in-process (no broker),
    # the request that saved must not wait.
    gather = 0 if self.request.is_eager else settings.SEARCH_GATHER_MS / 1000
    return indexing.process_queue(article_ids, gather=gather)


@shared_task(name="search.tasks.process_pending")
def process_pending():
    return indexing.process_pending()
