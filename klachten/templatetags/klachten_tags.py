from django import template

from statuut.hulp import artikelverwijzing

register = template.Library()


@register.filter
def artikel(nummer: str) -> str:
    """'12 klachten 2' -> 'art. 12 klachten 2'; 'bijlage B 16' stays as it is."""
    return artikelverwijzing(nummer, kort=True)
