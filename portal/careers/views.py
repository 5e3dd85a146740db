"""The careers routes, one module for each part, registered on the careers blueprint."""
from portal.careers import admin_views, pathway_views, quiz_views, role_views  # noqa: F401
