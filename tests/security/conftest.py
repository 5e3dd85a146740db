"""The security tests drive the portal the way each domain's own tests do, with the same helpers."""
from tests.applications.conftest import (  # noqa: F401
    applicant,
    application_form,
    applications,
    employer,
    portal_vacancy,
    recruiter_of,
    vacancy,
)
from tests.integrations.conftest import make_token, stored, vacancy_json, web_vacancy_form  # noqa: F401
