from . import articles, meetings, people, places  # noqa: F401  (registers the ModelAdmins)
