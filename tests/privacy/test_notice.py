from portal.extensions import db
from portal.profiles.models import Qualification, WorkHistory
from tests.factories import PASSWORD, sign_in
from tests.privacy.helpers import fill_profile
from tests.test_page_structure import check


def test_notice_shows_the_retention_period(client, app, monkeypatch):
    page = client.get("/privacy").get_data(as_text=True)
    assert "<strong>12 months</strong> after the job’s vacancy closed" in page
    assert "only ever see totals" in page
    monkeypatch.setitem(app.config, "APPLICATION_RETENTION_MONTHS", 6)
    assert "<strong>6 months</strong>" in client.get("/privacy").get_data(as_text=True)


def test_footer_links_to_the_notice(client):
    assert 'href="/privacy"' in client.get("/").get_data(as_text=True)


def test_each_page_has_one_heading_and_labelled_fields(client, app, make_user, make_organisation, make_vacancy):
    vacancy = make_vacancy(make_organisation())
    user = make_user()
    fill_profile(app, user, vacancy)
    check(client, "/privacy")
    sign_in(client, user)
    with app.app_context():
        entry_id = db.session.query(WorkHistory.id).filter_by(user_id=user.id).scalar()
        qualification_id = db.session.query(Qualification.id).filter_by(user_id=user.id).scalar()
    for path in ("/privacy", "/account/data", "/account/delete", "/profile", "/profile/contact-details",
                 "/profile/work-history/new", f"/profile/work-history/{entry_id}/edit", "/profile/qualifications/new",
                 f"/profile/qualifications/{qualification_id}/edit", "/profile/cv", "/saved-jobs",
                 f"/jobs/{vacancy.id}/{vacancy.slug}"):
        check(client, path)
    response = client.post("/account/delete", data={"understood": "y", "password": PASSWORD})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert page.count("<h1") == 1 and "Your account has been deleted" in page
