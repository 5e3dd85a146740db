"""Every model, imported once so that migrations and metadata see the whole schema."""
from portal.accounts.models import User, UserRole
from portal.alerts.models import AlertDelivery, JobAlert
from portal.applications.models import (
    Application,
    ApplicationDraft,
    ApplicationNote,
    ApplicationStatusChange,
    EqualityResponse,
)
from portal.employers.models import Invitation, Organisation, Site
from portal.indexing.models import SearchChange
from portal.integrations.models import ApiToken, CsvImport
from portal.locations.models import Place
from portal.profiles.models import Qualification, SavedVacancy, SeekerProfile, WorkHistory
from portal.reference.models import JobRole, PayBand, RoleFamily, Sector
from portal.storage.models import StoredFile
from portal.vacancies.models import Vacancy

__all__ = [
    "AlertDelivery",
    "ApiToken",
    "Application",
    "ApplicationDraft",
    "ApplicationNote",
    "ApplicationStatusChange",
    "CsvImport",
    "EqualityResponse",
    "Invitation",
    "JobAlert",
    "JobRole",
    "Organisation",
    "PayBand",
    "Place",
    "Qualification",
    "RoleFamily",
    "SavedVacancy",
    "SearchChange",
    "Sector",
    "SeekerProfile",
    "Site",
    "StoredFile",
    "User",
    "UserRole",
    "Vacancy",
    "WorkHistory",
]
