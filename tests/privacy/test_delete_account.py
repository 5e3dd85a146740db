from sqlalchemy import func, select

from portal.accounts.models import User
from portal.alerts.models import AlertDelivery, JobAlert
from portal.applications.models import Application, ApplicationNote, ApplicationStatusChange
from portal.extensions import db
from portal.profiles.models import Qualification, SavedVacancy, SeekerProfile, WorkHistory
from portal.storage import StoredFile
from portal.vacancies.models import Vacancy
from tests.factories import PASSWORD, sign_in
from tests.privacy.helpers import fill_profile, make_alert, make_application, object_exists

def _count(app, model, **where):
    with app.app_context():
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return db.session.scalar(query)


def test_the_page_asks_for_confirmation_and_the_password(client, app, make_user):
    user = make_user()
    fill_profile(app, user)
    sign_in(client, user)
    assert "This cannot be undone" in client.get("/account/delete").get_data(as_text=True)

    page = client.post("/account/delete", data={"password": PASSWORD}).get_data(as_text=True)
    assert "Confirm that you understand your account will be deleted" in page
    page = client.post("/account/delete", data={"understood": "y", "password": "wrong password"}).get_data(as_text=True)
    assert "Enter your current password" in page and 'value="y" checked' in page
    assert _count(app, User, id=user.id) == 1
    assert _count(app, SeekerProfile, user_id=user.id) == 1
    assert client.get("/profile").status_code == 200


def test_deleting_removes_rows_files_and_signs_out(client, app, make_user, make_organisation, make_vacancy,
                                                   make_recruiter):
    organisation = make_organisation()
    vacancy = make_vacancy(organisation)
    recruiter = make_recruiter(organisation)
    user = make_user(email="leaving@example.org")
    cv_key = fill_profile(app, user, vacancy)
    application = make_application(app, user, vacancy, note_by=recruiter)
    make_alert(app, user.email, user=user, vacancy=vacancy)
    make_alert(app, user.email)
    keeper = make_user()
    keeper_cv_key = fill_profile(app, keeper, vacancy)
    make_alert(app, keeper.email, user=keeper, vacancy=vacancy)

    sign_in(client, user)
    response = client.post("/account/delete", data={"understood": "y", "password": PASSWORD})
    assert response.status_code == 200
    assert "Your account has been deleted" in response.get_data(as_text=True)

    assert _count(app, User, id=user.id) == 0
    for model in (SeekerProfile, WorkHistory, Qualification, SavedVacancy, Application):
        assert _count(app, model, user_id=user.id) == 0, model.__name__
    assert _count(app, ApplicationStatusChange, application_id=application["id"]) == 0
    assert _count(app, ApplicationNote, application_id=application["id"]) == 0
    assert _count(app, JobAlert, email=user.email) == 0
    assert _count(app, AlertDelivery) == 1
    assert _count(app, StoredFile, owner_id=user.id) == 0
    assert not object_exists(app, cv_key) and not object_exists(app, application["cv_key"])

    assert _count(app, SeekerProfile, user_id=keeper.id) == 1 and _count(app, SavedVacancy, user_id=keeper.id) == 1
    assert _count(app, JobAlert, email=keeper.email) == 1
    assert object_exists(app, keeper_cv_key)
    assert _count(app, Vacancy, id=vacancy.id) == 1

    response = client.get("/profile")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_a_recruiters_vacancies_and_notes_stay_with_the_organisation(client, app, make_user, make_organisation,
                                                                     make_vacancy, make_recruiter):
    organisation = make_organisation()
    vacancy = make_vacancy(organisation)
    recruiter = make_recruiter(organisation)
    applicant = make_user()
    application = make_application(app, applicant, vacancy, note_by=recruiter)

    sign_in(client, recruiter)
    assert "stay with it" in client.get("/account/delete").get_data(as_text=True)
    client.post("/account/delete", data={"understood": "y", "password": PASSWORD})

    assert _count(app, User, id=recruiter.id) == 0
    assert _count(app, Vacancy, organisation_id=organisation.id) == 1
    assert _count(app, Application, id=application["id"]) == 1
    with app.app_context():
        note = db.session.scalar(select(ApplicationNote).where(ApplicationNote.application_id == application["id"]))
        assert note.body == "Strong candidate" and note.author_id is None
        changes = db.session.scalars(select(ApplicationStatusChange.changed_by_id)
                                     .where(ApplicationStatusChange.application_id == application["id"])).all()
        assert recruiter.id not in changes
    assert object_exists(app, application["cv_key"])


def test_deleting_removes_the_objects_from_s3_too(client, app, s3_storage, make_user, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation())
    user = make_user()
    cv_key = fill_profile(app, user, vacancy)
    application = make_application(app, user, vacancy)
    assert s3_storage.exists(cv_key) and s3_storage.exists(application["cv_key"])
    sign_in(client, user)
    client.post("/account/delete", data={"understood": "y", "password": PASSWORD})
    assert not s3_storage.exists(cv_key) and not s3_storage.exists(application["cv_key"])
    assert _count(app, StoredFile) == 0
