from django.apps import AppConfig

# The audit trail (django-simple-history): the records curators decide about keep a historical copy on every
# save and delete, with the user of the admin request that made the change (HistoryRequestMiddleware).
# Registered here rather than in the model modules, so that the list of audited records is in one place.
AUDITED = [
    "Article",
    "ArticleCountry",
    "ArticlePerson",
    "ArticleOrganisation",
    "Meeting",
    "Participation",
    "Person",
    "PersonRole",
]


class CoreConfig(AppConfig):
    name = "archive.core"
    label = "core"
    verbose_name = "Archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import simple_history

        # Records that a bulk import may write in one go per file (see archive/imports/history.py).
        from archive.imports.history import BatchableHistoricalRecords

        for name in AUDITED:
            model = self.get_model(name)
            if not hasattr(model, "history"):
                simple_history.register(model, records_class=BatchableHistoricalRecords)
