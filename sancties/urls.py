"""The sancties pages; included under /sancties/ with the namespace 'sancties'."""

app_name = "sancties"

urlpatterns: list = []
