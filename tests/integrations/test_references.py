"""An employer's reference names one of its vacancies: the web form refuses a reference already in use,
and a repost starts without one."""
from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.vacancies.models import Vacancy


def test_the_web_form_refuses_a_reference_another_vacancy_has(app, recruiter_client, make_vacancy,
                                                             make_organisation, web_vacancy_form, vacancy_count):
    recruiter, organisation = recruiter_client()
    make_vacancy(organisation, external_ref="SCW-042", title="First")
    make_vacancy(make_organisation(), external_ref="OTHER-1")

    page = recruiter.post("/recruiter/vacancies/new", data=web_vacancy_form(organisation)).get_data(as_text=True)
    saved = recruiter.post("/recruiter/vacancies/new", data=web_vacancy_form(organisation, external_ref="OTHER-1"))

    assert page.count("Another of your vacancies has the reference SCW-042. Enter a different reference") == 2
    assert 'value="Senior Care Worker"' in page
    assert saved.status_code == 302
    assert vacancy_count(organisation) == 2


def test_editing_keeps_the_vacancys_own_reference_but_not_anothers(app, recruiter_client, make_vacancy,
                                                                   web_vacancy_form, stored):
    recruiter, organisation = recruiter_client()
    first = make_vacancy(organisation, status="draft", external_ref="SCW-042")
    make_vacancy(organisation, status="draft", external_ref="SCW-043")

    kept = recruiter.post(f"/recruiter/vacancies/{first.id}/edit", data=web_vacancy_form(organisation, title="Kept"))
    taken = recruiter.post(f"/recruiter/vacancies/{first.id}/edit",
                           data=web_vacancy_form(organisation, title="Taken", external_ref="SCW-043"))

    assert kept.status_code == 302
    assert "Another of your vacancies has the reference SCW-043" in taken.get_data(as_text=True)
    assert stored(organisation, "SCW-042").title == "Kept"


def test_a_repost_leaves_the_reference_to_the_original(app, recruiter_client, make_vacancy):
    recruiter, organisation = recruiter_client()
    original = make_vacancy(organisation, status="closed", external_ref="NCW-1")

    recruiter.post(f"/recruiter/vacancies/{original.id}/repost")

    with app.app_context():
        copy = db.session.scalars(select(Vacancy).where(Vacancy.reposted_from_id == original.id)).one()
        assert copy.external_ref is None
        assert db.session.get(Vacancy, original.id).external_ref == "NCW-1"
