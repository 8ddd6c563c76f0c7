from . import accounts, articles, facts, meetings, people, places  # noqa: F401  (registers the ModelAdmins)
