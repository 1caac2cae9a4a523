"""The session's end and the second factor's state for the layout (no database query)."""

from django.conf import settings

from . import sessie


def sessie_stand(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    stand = sessie.stand(request.session)
    if stand is None:
        return {}
    return {
        "sessie_einde": stand.einde,
        "sessie_seconden": sessie.resterend(request.session),
        "sessie_waarschuwing_seconden": settings.SESSIE_WAARSCHUWING_MINUTEN * 60,
    }
