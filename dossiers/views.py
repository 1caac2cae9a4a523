from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def start(request):
    return HttpResponse("start")


@login_required
def leerling_detail(request, pk):
    return HttpResponse("leerling")
