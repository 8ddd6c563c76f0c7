from django.urls import path, register_converter

from . import queue, views


class FactKindConverter:
    """The kinds of fact the desk decides about; any other word in their place is a 404."""

    regex = "|".join(queue.KINDS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FactKindConverter, "fact_kind")

app_name = "review"
urlpatterns = [
    path("", views.queue_page, name="queue"),
    path("articles/<pk:pk>/", views.article_page, name="article"),
    path("articles/<pk:pk>/next/", views.next_article, name="next"),
    path("articles/<pk:pk>/accept-all/", views.accept_all, name="accept-all"),
    path("articles/<pk:pk>/meetings/add/", views.add_meeting, name="add-meeting"),
    path("articles/<pk:pk>/people/add/", views.add_person, name="add-person"),
    path("articles/<pk:pk>/<fact_kind:kind>/<pk:fact>/decide/", views.decide, name="decide"),
    path("articles/<pk:pk>/<fact_kind:kind>/<pk:fact>/correct/", views.correct, name="correct"),
    path("articles/<pk:pk>/participation/<pk:fact>/roles/add/", views.add_role, name="add-role"),
]
