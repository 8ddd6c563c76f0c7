from django.contrib import admin
from django.urls import include, path

from archive.core import views

admin.site.site_header = "The archive: curation"
admin.site.site_title = "Archive admin"

urlpatterns = [
    path("", include("search.urls")),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/<str:code>/", views.country_detail, name="country-detail"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("meetings/", views.MeetingArchive.as_view(), name="meeting-archive"),
    path("meetings/<int:year>/", views.MeetingYear.as_view(), name="meeting-year"),
    path("meetings/m/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("admin/", admin.site.urls),
]
