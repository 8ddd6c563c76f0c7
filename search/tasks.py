"""Thin Celery tasks: the work lives in search.indexing so commands and tests call it directly."""

from celery import shared_task

from . import indexing
from .layout import IndexBusy


@shared_task(
    name="search.tasks.index_articles",
    autoretry_for=(IndexBusy,),
    retry_backoff=True,
    max_retries=10,
    acks_late=True,
)
def index_articles(article_ids):
    return indexing.process_queue(article_ids)


@shared_task(name="search.tasks.process_pending")
def process_pending():
    return indexing.process_pending()
