"""A CV is needed only where the vacancy asks for one."""
from __future__ import annotations

import io

import pytest
from werkzeug.datastructures import FileStorage

from portal.extensions import db
from portal.profiles.models import SeekerProfile
from portal.storage import save_upload
from tests.storage.samples import PDF


@pytest.mark.parametrize("cv_required,sends_cv,expected_status,stored_cv", [
    (True, False, 200, None),
    (True, True, 302, "Sam Taylor CV.pdf"),
    (False, False, 302, None),
    (False, True, 302, "Sam Taylor CV.pdf"),
], ids=["needed-and-missing-is-refused", "needed-and-sent", "not-needed-and-missing-is-fine", "not-needed-but-sent"])
def test_a_cv_is_needed_only_where_the_vacancy_asks(seeker_client, portal_vacancy, apply, applications,
                                                    cv_required, sends_cv, expected_status, stored_cv):
    vacancy = portal_vacancy(cv_required=cv_required)
    response = apply(seeker_client, vacancy, cv=PDF if sends_cv else None)
    assert response.status_code == expected_status
    stored = applications(vacancy.id)
    if expected_status == 200:
        assert "Select your CV" in response.get_data(as_text=True)
        assert stored == []
    else:
        [application] = stored
        assert (application.cv.filename if application.cv else None) == stored_cv


@pytest.mark.parametrize("cv_required,cv_source,stored_cv", [
    (False, "none", None),
    (False, "saved", "saved.pdf"),
    (True, "saved", "saved.pdf"),
], ids=["saved-cv-can-be-left-out", "saved-cv-sent-when-chosen", "saved-cv-sent-where-needed"])
def test_a_saved_cv_can_be_left_out_only_where_none_is_needed(app, seeker, seeker_client, portal_vacancy, apply,
                                                              applications, cv_required, cv_source, stored_cv):
    with app.app_context():
        saved = save_upload(FileStorage(io.BytesIO(PDF), filename="saved.pdf", content_type="application/pdf"),
                            owner_id=seeker.id, purpose="cv", called="CV")
        db.session.add(SeekerProfile(user_id=seeker.id, default_cv_id=saved.id))
        db.session.commit()
    vacancy = portal_vacancy(cv_required=cv_required)
    page = seeker_client.get(f"/jobs/{vacancy.id}/apply").get_data(as_text=True)
    assert ("Do not send a CV" in page) is (not cv_required)

    response = apply(seeker_client, vacancy, cv=None, cv_source=cv_source)
    assert response.status_code == 302, response.get_data(as_text=True)
    [application] = applications(vacancy.id)
    assert (application.cv.filename if application.cv else None) == stored_cv


def test_choosing_no_cv_where_one_is_needed_is_refused(seeker_client, portal_vacancy, apply, applications):
    vacancy = portal_vacancy(cv_required=True)
    response = apply(seeker_client, vacancy, cv=None, cv_source="none")
    assert response.status_code == 200
    assert applications(vacancy.id) == []
