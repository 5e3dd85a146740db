"""The job seeker's own applications: the list, the confirmation, and withdrawing."""
from __future__ import annotations

from tests.factories import sign_in


def test_my_applications_lists_each_with_its_vacancy_status_and_dates(seeker_client, portal_vacancy, apply, applications):
    first = portal_vacancy(title="Care Worker")
    second = portal_vacancy(title="Night Carer")
    apply(seeker_client, first)
    apply(seeker_client, second)
    page = seeker_client.get("/applications").get_data(as_text=True)
    assert page.index("Night Carer") < page.index("Care Worker")
    assert "Charnwood Home Care" in page
    assert page.count("Received") == 2
    assert applications(first.id)[0].reference in page


def test_the_list_is_empty_for_someone_who_has_not_applied(seeker_client):
    assert "You have not applied for any jobs" in seeker_client.get("/applications").get_data(as_text=True)


def test_signing_in_is_needed(client):
    response = client.get("/applications")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_withdrawing_asks_first_then_marks_the_application(seeker_client, vacancy, apply, applications):
    apply(seeker_client, vacancy)
    [application] = applications(vacancy.id)
    question = seeker_client.get(f"/applications/{application.id}/withdraw").get_data(as_text=True)
    assert "Withdraw your application for Care Worker?" in question

    response = seeker_client.post(f"/applications/{application.id}/withdraw", follow_redirects=True)
    assert "has been withdrawn" in response.get_data(as_text=True)
    [withdrawn] = applications(vacancy.id)
    assert withdrawn.status == "withdrawn"
    assert [change.status for change in withdrawn.history] == ["new", "withdrawn"]
    page = seeker_client.get("/applications").get_data(as_text=True)
    assert "Withdrawn" in page
    assert f"/applications/{application.id}/withdraw" not in page

    again = seeker_client.post(f"/applications/{application.id}/withdraw", follow_redirects=True)
    assert "can no longer be withdrawn" in again.get_data(as_text=True)


def test_a_withdrawn_application_still_counts_so_there_is_no_second_one(seeker_client, vacancy, apply, applications):
    apply(seeker_client, vacancy)
    [application] = applications(vacancy.id)
    seeker_client.post(f"/applications/{application.id}/withdraw")
    response = apply(seeker_client, vacancy)
    assert response.headers["Location"].endswith(f"/applications/{application.id}/confirmation")
    assert len(applications(vacancy.id)) == 1


def test_no_one_else_sees_or_withdraws_an_application(app, seeker_client, vacancy, apply, applications, make_user, make_organisation, make_recruiter):
    apply(seeker_client, vacancy)
    [application] = applications(vacancy.id)
    for intruder in (make_user(), make_recruiter(make_organisation())):
        client = app.test_client()
        sign_in(client, intruder)
        assert client.get(f"/applications/{application.id}/confirmation").status_code == 404
        assert client.get(f"/applications/{application.id}/withdraw").status_code == 404
        assert client.post(f"/applications/{application.id}/withdraw").status_code == 404
        assert application.reference not in client.get("/applications").get_data(as_text=True)
    assert applications(vacancy.id)[0].status == "new"


def test_the_navigation_offers_your_applications(seeker_client):
    assert 'href="/applications"' in seeker_client.get("/").get_data(as_text=True)
