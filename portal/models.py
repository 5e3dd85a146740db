"""Every model, imported once so that migrations and metadata see the whole schema."""
from portal.accounts.models import User, UserRole
from portal.employers.models import Invitation, Organisation, Site
from portal.indexing.models import SearchChange
from portal.locations.models import Place
from portal.reference.models import JobRole, PayBand, RoleFamily, Sector
from portal.vacancies.models import Vacancy

__all__ = [
    "Invitation",
    "JobRole",
    "Organisation",
    "PayBand",
    "Place",
    "RoleFamily",
    "SearchChange",
    "Sector",
    "Site",
    "User",
    "UserRole",
    "Vacancy",
]
