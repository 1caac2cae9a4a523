from django.urls import path

from . import views_wijzigingen as v

urlpatterns = [
    path("wijzigingen/", v.index, name="wijzigingen"),
    path("wijzigingen/<int:school_pk>/", v.logboek, name="wijzigingen_school"),
    path("wijzigingen/<int:school_pk>/gezien/", v.gezien, name="wijzigingen_gezien"),
    path("wijzigingen/verzoek/<int:pk>/bevestigen/", v.bevestigen,
         name="wijziging_bevestigen"),
    path("wijzigingen/verzoek/<int:pk>/afwijzen/", v.afwijzen, name="wijziging_afwijzen"),
]
