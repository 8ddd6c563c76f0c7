from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "archive.imports"
    label = "imports"
    verbose_name = "Import"
