"""The helpers of `statuut.hulp` for templates: `{{ n|aantal:eenheid }}` says "1 schooldag",
never "1 schooldagen"."""

from django import template

from statuut import hulp

register = template.Library()


@register.filter
def aantal(n, eenheid: str) -> str:
    return hulp.aantal_tekst(n, eenheid) if n is not None and eenheid else ""
