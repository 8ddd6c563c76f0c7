from django.contrib import admin
from django.urls import include, path, register_converter

from archive.core import converters, feeds, views
from search import health

# Path values are checked by the resolver: a malformed one is a 404 before any view or query runs.
register_converter(converters.PkConverter, "pk")
register_converter(converters.YearConverter, "year")
register_converter(converters.SlugConverter, "ascii_slug")
register_converter(converters.CountryCodeConverter, "country")

admin.site.site_header = "The archive: curation"
admin.site.site_title = "Archive admin"

urlpatterns = [
    path("", include("search.urls")),
    path("articles/<pk:pk>/", views.article_detail, name="article-detail"),
    path("people/", views.person_list, name="person-list"),
    path("people/<ascii_slug:slug>/", views.person_detail, name="person-detail"),
    path("people/<ascii_slug:slug>/feed/", feeds.person_feed, name="person-feed"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/<country:code>/", views.country_detail, name="country-detail"),
    path("countries/<country:code>/feed/", feeds.country_feed, name="country-feed"),
    path("countries/<country:a>/<country:b>/", views.country_pair, name="country-pair"),
    path("countries/<country:a>/<country:b>/feed/", feeds.pair_feed, name="pair-feed"),
    path("organisations/<ascii_slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("meetings/", views.meeting_list, name="meeting-archive"),
    path("meetings/feed/", feeds.meeting_feed, name="meeting-feed"),
    path("meetings/export.csv", views.meeting_export, {"fmt": "csv"}, name="meeting-export-csv"),
    path("meetings/export.json", views.meeting_export, {"fmt": "json"}, name="meeting-export-json"),
    path("meetings/export.jsonl", views.meeting_export, {"fmt": "jsonl"}, name="meeting-export-jsonl"),
    path("meetings/<year:year>/", views.meeting_list, name="meeting-year"),
    path("meetings/m/<pk:pk>/", views.meeting_detail, name="meeting-detail"),
    path("api/", include("archive.api.urls")),
    path("health/", health.health, name="health"),
    path("review/", include("archive.review.urls")),
    path("admin/", admin.site.urls),
]
