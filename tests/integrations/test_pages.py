"""The integration pages follow the page rules: one h1, a skip link, a label for every field."""
from __future__ import annotations

import io

from tests.integrations.test_csv_import import csv_bytes, row
from tests.test_page_structure import check


def test_integration_pages_have_one_h1_and_labelled_fields(recruiter_client, make_vacancy):
    recruiter, organisation = recruiter_client()
    make_vacancy(organisation, external_ref="HCW-1")
    recruiter.post("/recruiter/organisation/api-tokens", data={"name": "Trac"})
    upload = recruiter.post("/recruiter/vacancies/import", data={"file": (io.BytesIO(csv_bytes([row(), row(title="")])),
                                                                          "vacancies.csv")})
    preview = upload.headers["Location"]

    for path in ("/recruiter/organisation/api-tokens", "/recruiter/vacancies/import", preview):
        check(recruiter, path)
    recruiter.post(f"{preview}/confirm")
    check(recruiter, preview)

    created = recruiter.post("/recruiter/organisation/api-tokens", data={"name": "HR system"}).get_data(as_text=True)
    assert created.count("<h1") == 1

    for path in ("/recruiter/organisation", "/recruiter/vacancies"):
        page = recruiter.get(path).get_data(as_text=True)
        assert "/recruiter/organisation/api-tokens" in page or "/recruiter/vacancies/import" in page
