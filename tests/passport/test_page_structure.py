"""Every passport page has one h1, the skip link, and a label for every field, errors included."""
from tests.factories import sign_in
from tests.test_page_structure import check


def test_holder_and_employer_pages(app, make_user, make_organisation, make_recruiter, make_record, make_employment,
                                   make_link):
    holder = make_user()
    employer = make_organisation()
    recruiter = make_recruiter(employer)
    record = make_record(holder, "fire_safety", "1", verified_by=(employer, recruiter))
    plain = make_record(holder, "moving_handling", "2")
    employment_id = make_employment(holder, employer)
    _, token = make_link(holder)

    client = app.test_client()
    sign_in(client, holder)
    for path in ["/passport", "/passport?role=care_worker", "/passport/records/new", "/passport/records/new?competence=zz",
                 "/passport/records/new/moving_handling", "/passport/records/new/nmc_registration",
                 f"/passport/records/{record.id}", f"/passport/records/{plain.id}/edit",
                 "/passport/employments/new", f"/passport/employments/{employment_id}/edit", "/passport/sharing",
                 "/passport/history", f"/passport/shared/{token}"]:
        check(client, path)

    client = app.test_client()
    sign_in(client, recruiter)
    for path in ["/recruiter/passports", f"/recruiter/passports/{holder.id}", f"/recruiter/passports/{holder.id}?role=care_worker",
                 f"/recruiter/passports/{holder.id}/records/new", f"/recruiter/passports/{holder.id}/records/new/fire_safety",
                 "/recruiter/passport-settings", f"/passport/shared/{token}", "/recruiter/organisation/invitations"]:
        check(client, path)
    check(app.test_client(), f"/passport/shared/{token}")
