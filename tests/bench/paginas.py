"""Benchmark of the main pages against a bare view, on a database filled by
`manage.py schaal_genereren` (see README.md beside this file).

Each page is requested in process with Django's test client, interleaved with a bare view
(login required, one query, 50 dossier entries in a small template), so the ratio holds on a
noisy machine. Printed per page: queries, median milliseconds, the ratio to the bare view in
the same run, and the size of the HTML. `--label 1x` writes the results to
tests/bench/resultaten/<label>.json; `--vergelijk 1x 10x` prints both with 10x/1x.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("CONN_MAX_AGE", "600")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.decorators import login_required  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import Context, Template  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path, reverse  # noqa: E402

RESULTATEN = Path(__file__).resolve().parent / "resultaten"
KAAL = Template("<ul>{% for s in stukken %}<li>{{ s.titel }} {{ s.datum }}</li>{% endfor %}</ul>")


@login_required
def kaal(request):
    from dossiers.models import Dossierstuk

    stukken = list(Dossierstuk.objects.only("titel", "datum").order_by("-pk")[:50])
    return HttpResponse(KAAL.render(Context({"stukken": stukken})))


# The project's URLs plus the bare view, for this process only.
urlpatterns = [path("bench/kaal/", kaal), path("", include("config.urls"))]
settings.ROOT_URLCONF = __name__
settings.ALLOWED_HOSTS = ["*"]


def _paginas():
    """(name, username, url) of every main page, for the school that schaal_genereren made."""
    from dossiers.models import Groep, Leerling
    from dossiers.schaal import KORTE_NAAM
    from statuut.models import School

    school = School.objects.get(korte_naam=KORTE_NAAM)
    mentor = get_user_model().objects.get(username="schaal-mentor")
    groep = (Groep.objects.filter(mentoren__user=mentor).order_by("-schooljaar__begin").first())
    leerling = Leerling.objects.filter(plaatsingen__groep=groep).order_by("pk").first()
    paginas = [
        ("startpagina (zorgcoördinator)", "zorgcoordinator", reverse("start")),
        ("startpagina (directeur)", "directeur", reverse("start")),
        ("startpagina (teamleider)", "teamleider", reverse("start")),
        ("startpagina (mentor)", "mentor", reverse("start")),
        ("zorg werklijst", "zorgcoordinator",
         reverse("zorg:werklijst", args=[school.pk])),
        ("uitgaande post", "administratie", reverse("uitgaande_post")),
        ("inzagelog, gezocht op lezer", "directeur", reverse("inzagelog") + "?lezer=schaal-mentor"),
        ("leerlingpagina (mentor)", "mentor", reverse("leerling", args=[leerling.pk])),
        ("dossierpagina (mentor)", "mentor", reverse("dossier", args=[leerling.pk])),
        ("klachtenoverzicht (directeur)", "directeur", reverse("klachten:overzicht")),
        ("beheer: leerlingen (beheerder)", "beheerder", "/beheer/dossiers/leerling/"),
        ("beheer: termijnen (beheerder)", "beheerder", "/beheer/statuut/termijn/"),
        ("verzuimoverzicht (mentor)", "mentor", reverse("verzuim:overzicht")),
        ("verzuimoverzicht (directeur)", "directeur", reverse("verzuim:overzicht")),
        ("verzuim per groep (teamleider)", "teamleider", reverse("verzuim:afdeling")),
        ("verzuimgrafiek (teamleider)", "teamleider", reverse("verzuim:grafiek")),
        ("leerplichtmeldingen (administratie)", "administratie", reverse("verzuim:leerplicht")),
        ("verlofaanvragen (directeur)", "directeur", reverse("verzuim:verlof")),
        # Issue 14: the quick registration with one pupil chosen (their earlier measures)
        # and the teamleider's open uitstuurmeldingen.
        ("maatregel registreren (mentor)", "mentor",
         reverse("gedrag:registreren") + f"?leerling={leerling.pk}"),
        ("open uitstuurmeldingen (teamleider)", "teamleider", reverse("uitsturen:overzicht")),
    ]
    return paginas


def _meet(client: Client, url: str) -> tuple[float, int, int, int]:
    with CaptureQueriesContext(connection) as queries:
        begin = time.perf_counter()
        response = client.get(url)
        duur = time.perf_counter() - begin
    return duur, len(queries), len(response.content), response.status_code


def meten(herhalingen: int) -> list[dict]:
    User = get_user_model()
    clients: dict[str, Client] = {}
    uitkomsten = []
    for naam, wie, url in _paginas():
        if wie not in clients:
            clients[wie] = Client(SERVER_NAME="127.0.0.1")
            clients[wie].force_login(User.objects.get(username=f"schaal-{wie}"))
        client = clients[wie]
        for _ in range(2):  # warm up: caches, persistent connection, templates
            _meet(client, url)
            _meet(client, "/bench/kaal/")
        pagina, kale = [], []
        for _ in range(herhalingen):
            duur, queries, grootte, status = _meet(client, url)
            pagina.append(duur)
            kale.append(_meet(client, "/bench/kaal/")[0])
        mediaan, kaal_mediaan = statistics.median(pagina), statistics.median(kale)
        uitkomsten.append({"pagina": naam, "status": status, "queries": queries,
                           "ms": round(mediaan * 1000, 1),
                           "x_kaal": round(mediaan / kaal_mediaan, 1),
                           "kb": round(grootte / 1024, 1)})
        print(f"{naam:<36} {status:>3} {queries:>5} q {mediaan * 1000:>9.1f} ms "
              f"{mediaan / kaal_mediaan:>7.1f}x kaal {grootte / 1024:>9.1f} KB", flush=True)
    return uitkomsten


def vergelijken(labels: list[str]) -> str:
    reeksen = [{r["pagina"]: r for r in json.loads((RESULTATEN / f"{lb}.json").read_text())}
               for lb in labels]
    kop = ["pagina", *[f"queries {lb}" for lb in labels], *[f"ms {lb}" for lb in labels],
           *[f"x kaal {lb}" for lb in labels], *[f"KB {lb}" for lb in labels]]
    if len(labels) == 2:
        kop.append(f"{labels[1]} / {labels[0]}")
    regels = ["| " + " | ".join(kop) + " |", "|" + " --- |" * len(kop)]
    for naam in reeksen[0]:
        rij = [r.get(naam, {}) for r in reeksen]
        cellen = [naam, *[str(r.get("queries", "")) for r in rij],
                  *[str(r.get("ms", "")) for r in rij], *[str(r.get("x_kaal", "")) for r in rij],
                  *[str(r.get("kb", "")) for r in rij]]
        if len(labels) == 2 and rij[0] and rij[1]:
            cellen.append(f"{rij[1]['x_kaal'] / rij[0]['x_kaal']:.1f}")
        regels.append("| " + " | ".join(cellen) + " |")
    return "\n".join(regels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", help="name of this run, e.g. 1x or 10x")
    parser.add_argument("--herhalingen", type=int, default=9)
    parser.add_argument("--vergelijk", nargs="+", metavar="LABEL")
    args = parser.parse_args()
    if args.vergelijk:
        print(vergelijken(args.vergelijk))
        return
    if connection.vendor != "postgresql":
        sys.exit("Meet op PostgreSQL: zet DATABASE_URL (zie tests/bench/README.md).")
    uitkomsten = meten(args.herhalingen)
    if args.label:
        RESULTATEN.mkdir(exist_ok=True)
        (RESULTATEN / f"{args.label}.json").write_text(json.dumps(uitkomsten, indent=1))


if __name__ == "__main__":
    main()
