"""The klachten pages; included under /klachten/ with the namespace 'klachten'."""

app_name = "klachten"

urlpatterns: list = []
