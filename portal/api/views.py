"""Routes of the API: the public read routes and the employers' write routes."""
from portal.api import public_views, vacancy_writes  # noqa: F401
