"""The same application sent many times at once is stored once, and no one sees an error page."""
from __future__ import annotations

import threading

from sqlalchemy import func, select

from portal.applications.services import CV_PURPOSE
from portal.extensions import db
from portal.storage import StoredFile, get_storage
from tests.applications.conftest import send, signed_in_client

SUBMISSIONS = 50


def test_50_concurrent_submissions_of_the_same_application_make_one_row(
    app, seeker, vacancy, application_form, applications, outbox
):
    objects_before = _stored_cv_objects(app)
    clients = [signed_in_client(app, seeker.id) for _ in range(SUBMISSIONS)]
    start = threading.Barrier(SUBMISSIONS)
    responses: list = [None] * SUBMISSIONS

    def submit(index: int) -> None:
        data = application_form()
        start.wait()
        responses[index] = send(clients[index], vacancy, data)

    threads = [threading.Thread(target=submit, args=(index,)) for index in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    [application] = applications(vacancy.id)
    statuses = sorted({response.status_code for response in responses})
    assert statuses == [302], [response.get_data(as_text=True)[:500] for response in responses if response.status_code != 302][:1]
    assert {response.headers["Location"] for response in responses} == {
        f"/applications/{application.id}/confirmation"
    }
    assert len(outbox()) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(StoredFile)) == 1
    assert len(_stored_cv_objects(app) - objects_before) == 1


def _stored_cv_objects(app) -> set[str]:
    """Losers store no file at all: their row goes in, and fails, before the CV is stored."""
    with app.app_context():
        return {item.key for item in get_storage().objects() if item.key.startswith(f"{CV_PURPOSE}/")}
