from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only JSON API at /api/: articles, meetings, people, countries and the search, with its schema."""

    name = "archive.api"
    label = "api"
    verbose_name = "JSON API"
