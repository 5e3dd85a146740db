from datetime import date

from portal.extensions import db
from portal.profiles.models import Qualification, SeekerProfile, WorkHistory
from tests.factories import sign_in


def test_profile_pages_need_sign_in(client):
    for path in ("/profile", "/profile/contact-details", "/profile/work-history/new", "/profile/qualifications/new",
                 "/profile/cv", "/saved-jobs"):
        response = client.get(path)
        assert response.status_code == 302 and "/sign-in" in response.headers["Location"], path


def test_empty_profile_invites_the_seeker_to_fill_it_in(client, make_user):
    sign_in(client, make_user(full_name="Priya Shah"))
    page = client.get("/profile").get_data(as_text=True)
    assert "Priya Shah" in page
    assert "You have not added any jobs yet" in page
    assert "You have not added any qualifications yet" in page
    assert "Upload a CV" in page


def test_contact_details_are_saved_and_normalised(client, app, make_user):
    user = make_user()
    sign_in(client, user)
    response = client.post("/profile/contact-details", data={
        "phone": "07700 900982", "address_line_1": "1 High Street", "address_line_2": "",
        "town": "Melton Mowbray", "postcode": "le13 0aa",
    })
    assert response.status_code == 302
    with app.app_context():
        profile = db.session.get(SeekerProfile, user.id)
        assert (profile.phone, profile.town, profile.postcode) == ("07700 900982", "Melton Mowbray", "LE13 0AA")
    page = client.get("/profile").get_data(as_text=True)
    assert "1 High Street" in page and "LE13 0AA" in page
    form = client.get("/profile/contact-details").get_data(as_text=True)
    assert 'value="Melton Mowbray"' in form


def test_contact_details_errors_keep_what_was_typed(client, app, make_user):
    user = make_user()
    sign_in(client, user)
    response = client.post("/profile/contact-details", data={
        "phone": "call me", "address_line_1": "1 High Street", "town": "Oakham", "postcode": "not a postcode",
    })
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#phone"' in page and 'href="#postcode"' in page
    assert "Enter a full UK postcode" in page
    assert 'value="1 High Street"' in page and 'value="not a postcode"' in page
    with app.app_context():
        assert db.session.get(SeekerProfile, user.id) is None


def _job(**fields):
    return {"job_title": "Care Assistant", "employer": "Rutland House", "start_month": "3", "start_year": "2019",
            "end_month": "", "end_year": "", "duties": "Personal care and medication rounds.", **fields}


def test_work_history_add_edit_and_delete(client, app, make_user):
    user = make_user()
    sign_in(client, user)
    assert client.post("/profile/work-history/new", data=_job()).status_code == 302
    assert client.post("/profile/work-history/new", data=_job(
        job_title="Shop Assistant", employer="Co-op", start_month="1", start_year="2016", end_month="2", end_year="2019",
    )).status_code == 302
    with app.app_context():
        entries = db.session.query(WorkHistory).filter_by(user_id=user.id).order_by(WorkHistory.id).all()
        current, earlier = entries
        assert current.start_date == date(2019, 3, 1) and current.end_date is None and current.is_current
        assert earlier.end_date == date(2019, 2, 1)
        current_id, earlier_id = current.id, earlier.id

    page = client.get("/profile").get_data(as_text=True)
    assert page.index("Care Assistant") < page.index("Shop Assistant")
    assert "March 2019 to now" in page and "January 2016 to February 2019" in page

    edit_page = client.get(f"/profile/work-history/{current_id}/edit").get_data(as_text=True)
    assert 'value="Rutland House"' in edit_page and 'value="2019"' in edit_page
    client.post(f"/profile/work-history/{current_id}/edit", data=_job(job_title="Senior Care Assistant"))
    assert client.post(f"/profile/work-history/{earlier_id}/delete").status_code == 302
    with app.app_context():
        remaining = db.session.query(WorkHistory).filter_by(user_id=user.id).all()
        assert [entry.job_title for entry in remaining] == ["Senior Care Assistant"]


def test_work_history_dates_are_checked(client, app, make_user):
    sign_in(client, make_user())
    cases = [
        (_job(start_month="", start_year=""), "Enter the month and year you started"),
        (_job(start_month="13"), "must be a number from 1 to 12"),
        (_job(start_year="19"), "must be a 4-digit year"),
        (_job(start_year=str(date.today().year + 1)), "must be a 4-digit year"),
        (_job(end_month="1", end_year="2018"), "must be the same as or after the date you started"),
        (_job(end_month="4", end_year=""), "The date you left must include a year"),
        (_job(job_title=""), "Enter your job title"),
    ]
    for data, message in cases:
        response = client.post("/profile/work-history/new", data=data)
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and message in page, message
        assert 'value="Rutland House"' in page or data["employer"] != "Rutland House"
    with app.app_context():
        assert db.session.query(WorkHistory).count() == 0


def test_qualifications_add_edit_and_delete(client, app, make_user):
    user = make_user()
    sign_in(client, user)
    client.post("/profile/qualifications/new", data={"title": "Level 2 Diploma in Care", "awarding_body": "City & Guilds", "awarded_year": "2021"})
    client.post("/profile/qualifications/new", data={"title": "GCSE English", "awarding_body": "", "awarded_year": ""})
    with app.app_context():
        diploma, gcse = db.session.query(Qualification).filter_by(user_id=user.id).order_by(Qualification.id).all()
        assert diploma.awarded_year == 2021 and gcse.awarded_year is None
        diploma_id, gcse_id = diploma.id, gcse.id
    page = client.get("/profile").get_data(as_text=True)
    assert "City &amp; Guilds, 2021" in page and "GCSE English" in page

    client.post(f"/profile/qualifications/{gcse_id}/edit", data={"title": "GCSE English", "awarding_body": "Charnwood College", "awarded_year": "2015"})
    client.post(f"/profile/qualifications/{diploma_id}/delete")
    with app.app_context():
        (only,) = db.session.query(Qualification).filter_by(user_id=user.id).all()
        assert (only.awarding_body, only.awarded_year) == ("Charnwood College", 2015)


def test_qualification_errors(client, app, make_user):
    sign_in(client, make_user())
    response = client.post("/profile/qualifications/new", data={"title": "", "awarding_body": "OCR", "awarded_year": "last year"})
    page = response.get_data(as_text=True)
    assert "Enter the name of the qualification" in page and "Year awarded must be a 4-digit year" in page
    assert 'value="OCR"' in page and 'value="last year"' in page
    with app.app_context():
        assert db.session.query(Qualification).count() == 0


def test_another_persons_entries_are_not_found(client, app, make_user):
    owner, other = make_user(), make_user()
    with app.app_context():
        entry = WorkHistory(user_id=owner.id, employer="A", job_title="B", start_date=date(2020, 1, 1))
        qualification = Qualification(user_id=owner.id, title="NVQ")
        db.session.add_all([entry, qualification])
        db.session.commit()
        entry_id, qualification_id = entry.id, qualification.id
    sign_in(client, other)
    assert client.get(f"/profile/work-history/{entry_id}/edit").status_code == 404
    assert client.post(f"/profile/work-history/{entry_id}/edit", data=_job()).status_code == 404
    assert client.post(f"/profile/work-history/{entry_id}/delete").status_code == 404
    assert client.get(f"/profile/qualifications/{qualification_id}/edit").status_code == 404
    assert client.post(f"/profile/qualifications/{qualification_id}/delete").status_code == 404
    with app.app_context():
        assert db.session.get(WorkHistory, entry_id).job_title == "B"
        assert db.session.get(Qualification, qualification_id) is not None
