"""/api/: mounted by archive/urls.py, whose path converters (pk, country) these routes use."""

from django.urls import path

from . import views


def _resource(prefix, viewset, lookup, name):
    """A list and its details, named as DRF's routers would; plain `path()`s checked by the site's converters."""
    return [
        path(f"{prefix}/", viewset.as_view({"get": "list"}), name=f"api-{name}-list"),
        path(f"{prefix}/{lookup}/", viewset.as_view({"get": "retrieve"}), name=f"api-{name}-detail"),
    ]


urlpatterns = [
    path("", views.root, name="api-root"),
    *_resource("articles", views.ArticleViewSet, "<pk:pk>", "article"),
    *_resource("meetings", views.MeetingViewSet, "<pk:pk>", "meeting"),
    *_resource("people", views.PersonViewSet, "<pk:pk>", "person"),
    *_resource("countries", views.CountryViewSet, "<country:code>", "country"),
    path("search/", views.search, name="api-search"),
    path("schema/", views.SchemaView.as_view(), name="api-schema"),
    path("docs/", views.DocsView.as_view(), name="api-docs"),
]
