"""A row is found only within what the person asking may see: another person's or another
organisation's id answers 404, exactly as an id that does not exist, while the owner finds it."""
from __future__ import annotations

from datetime import date

import pytest
from werkzeug.exceptions import NotFound

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.employers import services as employers
from portal.employers.models import Organisation
from portal.extensions import db
from portal.integrations import services as integrations
from portal.lookups import found_or_404
from portal.passport import sharing
from portal.profiles import services as profiles
from tests.applications.conftest import signed_in_client


def test_found_or_404_passes_a_row_through_and_answers_404_for_none(app):
    row = object()
    assert found_or_404(row) is row
    with pytest.raises(NotFound) as missing:
        found_or_404(None, "No vacancy has this reference.")
    assert missing.value.description == "No vacancy has this reference."


@pytest.fixture
def owners(app, catalogue, make_user, make_organisation, make_recruiter, make_vacancy, make_record, make_employment):
    """One job seeker's and one organisation's rows, with the ids each route names."""
    holder = make_user(full_name="Robin Holder")
    organisation = make_organisation(name="Quorn Care")
    recruiter = make_recruiter(organisation)
    vacancy = make_vacancy(organisation)
    record = make_record(holder)
    employment = make_employment(holder, organisation)
    with app.app_context():
        user = db.session.get(User, holder.id)
        work = profiles.add_work_history(holder.id, profiles.WorkHistoryDetails(
            employer="Quorn Care", job_title="Carer", start_date=date(2020, 1, 1), end_date=None, duties=""))
        qualification = profiles.add_qualification(holder.id, profiles.QualificationDetails(
            title="Level 2 Diploma in Care", awarding_body="City & Guilds", awarded_year=2021))
        share, _ = sharing.create_link(user, "For my new employer")
        staff = db.session.get(User, recruiter.id)
        token, _ = integrations.create_token(db.session.get(Organisation, organisation.id), "Our system", staff)
        invitation, _ = employers.invite_colleague(
            db.session.get(Organisation, organisation.id), "new@example.org", staff, Role.RECRUITER)
        db.session.commit()
        ids = {
            "work": work.id, "qualification": qualification.id, "share": share.id, "record": record.id,
            "employment": employment, "vacancy": vacancy.id, "token": token.id, "invitation": invitation.id,
        }
    return {"holder": holder, "recruiter": recruiter, "ids": ids}


SEEKER_PAGES = [
    "/profile/work-history/{work}/edit",
    "/profile/qualifications/{qualification}/edit",
    "/passport/records/{record}",
    "/passport/employments/{employment}/edit",
    "/passport/sharing/{share}/revoke",
]
RECRUITER_PAGES = [
    "/recruiter/vacancies/{vacancy}/edit",
    "/recruiter/vacancies/{vacancy}/applications",
    "/recruiter/organisation/api-tokens/{token}/revoke",
    "/recruiter/organisation/invitations/{invitation}/revoke",
]


@pytest.mark.parametrize("page", SEEKER_PAGES)
def test_another_persons_row_is_not_found_and_the_owner_finds_it(app, make_user, owners, page):
    path = page.format(**owners["ids"])
    assert signed_in_client(app, owners["holder"].id).get(path).status_code == 200
    assert signed_in_client(app, make_user().id).get(path).status_code == 404


@pytest.mark.parametrize("page", RECRUITER_PAGES)
def test_another_organisations_row_is_not_found_and_its_own_staff_find_it(
    app, make_organisation, make_recruiter, owners, page
):
    path = page.format(**owners["ids"])
    assert signed_in_client(app, owners["recruiter"].id).get(path).status_code == 200
    other = make_recruiter(make_organisation(name="Shepshed Care"))
    assert signed_in_client(app, other.id).get(path).status_code == 404
