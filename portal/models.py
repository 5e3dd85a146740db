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
from portal.audit.models import AuditEvent
from portal.employers.models import Invitation, Organisation, Site
from portal.indexing.models import SearchChange
from portal.integrations.models import ApiToken, CsvImport
from portal.locations.models import Place
from portal.mail.models import OutboxMessage
from portal.passport.models import (
    AuditEntry,
    Competence,
    CompetenceLevel,
    Credential,
    Employment,
    ExpiryReminder,
    OrganisationRefresher,
    PassportShare,
    PassportView,
    RecordAcceptance,
    RoleRequirement,
    TrainingRecord,
)
from portal.profiles.models import Qualification, SavedVacancy, SeekerProfile, WorkHistory
from portal.reference.models import JobRole, PayBand, RoleFamily, Sector
from portal.storage.models import StoredFile
from portal.twofactor.models import RecoveryCode, TwoFactorSecret
from portal.vacancies.models import Vacancy

__all__ = [
    "AlertDelivery",
    "ApiToken",
    "Application",
    "ApplicationDraft",
    "ApplicationNote",
    "ApplicationStatusChange",
    "AuditEntry",
    "AuditEvent",
    "Competence",
    "CompetenceLevel",
    "Credential",
    "CsvImport",
    "Employment",
    "EqualityResponse",
    "ExpiryReminder",
    "Invitation",
    "JobAlert",
    "JobRole",
    "Organisation",
    "OrganisationRefresher",
    "OutboxMessage",
    "PassportShare",
    "PassportView",
    "PayBand",
    "Place",
    "Qualification",
    "RecordAcceptance",
    "RecoveryCode",
    "RoleFamily",
    "RoleRequirement",
    "SavedVacancy",
    "SearchChange",
    "Sector",
    "SeekerProfile",
    "Site",
    "StoredFile",
    "TrainingRecord",
    "TwoFactorSecret",
    "User",
    "UserRole",
    "Vacancy",
    "WorkHistory",
]
