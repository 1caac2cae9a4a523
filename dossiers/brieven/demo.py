"""Demo letter settings for a school (called by the seed_demo command; idempotent)."""

from ..models import Briefinstellingen

_DEMO = {
    "echnaton": {
        "telefoon": "030 123 45 67", "website": "www.echnaton-demo.nl",
        "ondertekenaar_naam": "drs. H. Amenhotep", "ondertekenaar_functie": "rector",
    },
    "noordgouw": {
        "telefoon": "050 765 43 21", "website": "www.noordgouw-demo.nl",
        "ondertekenaar_naam": "mevr. dr. A. Groen", "ondertekenaar_functie": "directeur",
    },
    "wijzer": {
        "telefoon": "040 246 80 00", "website": "www.wijzer-demo.nl",
        "ondertekenaar_naam": "J. de Wit", "ondertekenaar_functie": "schoolleider",
    },
}


def demo_briefinstellingen(school) -> Briefinstellingen:
    """Realistic letterhead, signatory and party addresses for `school`; run again, it
    updates the same row."""
    eigen = _DEMO.get(school.korte_naam, {
        "telefoon": "030 000 00 00", "website": f"www.{school.korte_naam}-demo.nl",
        "ondertekenaar_naam": "De directie", "ondertekenaar_functie": "",
    })
    plaats = school.postcode_plaats or "Utrecht"
    instellingen, _ = Briefinstellingen.objects.update_or_create(school=school, defaults={
        **eigen,
        # The board's name comes from the school's Bestuur row (letterhead, bevoegd gezag),
        # never from a setting that could name another board.
        "briefhoofd": "",
        "email": f"administratie@{school.korte_naam}-demo.nl",
        "voettekst": (f"{school.naam} · BRIN {school.brin} · {plaats} · "
                      "Vermeld bij correspondentie de naam van de leerling."),
        "inspectie_adres": "Inspectie van het Onderwijs\nPostbus 2730\n3500 GS Utrecht",
        "inspectie_email": "",
        "bevoegd_gezag_adres": "t.a.v. het College van Bestuur\nPostbus 100\n3500 AC Utrecht",
        "bevoegd_gezag_email": "bestuur@voorbeeldscholen.example",
        "leerplicht_adres": "Gemeente, afdeling Leerplicht\nPostbus 16200\n3500 CE Utrecht",
        "leerplicht_email": "leerplicht@gemeente.example",
    })
    return instellingen
