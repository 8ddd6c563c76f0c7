from django.apps import AppConfig


class ReviewConfig(AppConfig):
    """The review desk: curators confirm, reject or correct what extraction proposed, one article at a time."""

    name = "archive.review"
    label = "review"
    verbose_name = "Review desk"
