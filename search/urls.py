from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("suggest/people/", views.people_suggest, name="people-suggest"),
    path("search/export.csv", views.export, {"fmt": "csv"}, name="search-export-csv"),
    path("search/export.json", views.export, {"fmt": "json"}, name="search-export-json"),
    path("search/feed/", views.feed, name="search-feed"),
]
