"""The zorg pages; included under /zorg/ with the namespace 'zorg'."""

app_name = "zorg"

urlpatterns: list = []
