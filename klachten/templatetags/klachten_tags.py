from django import template

register = template.Library()


@register.filter
def artikel(nummer: str) -> str:
    """'12 klachten 2' -> 'art. 12 klachten 2'; 'bijlage B 16' stays as it is."""
    if not nummer:
        return ""
    return f"art. {nummer}" if nummer[0].isdigit() else nummer
