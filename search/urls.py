from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("suggest/people/", views.people_suggest, name="people-suggest"),
]
