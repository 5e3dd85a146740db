"""Routes of the skills passport, one module per audience."""
from portal.passport import admin_views, employer_views, holder_views, public_views  # noqa: F401
