import pytest

from tests.factories import sign_in


@pytest.mark.parametrize("path", ["/jobs/99999999999999999999", "/jobs/2147483648/slug", "/jobs/0",
                                  "/api/v1/vacancies/99999999999999999999"])
def test_out_of_range_ids_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_out_of_range_ids_are_not_found_for_recruiters(client, make_organisation, make_recruiter):
    sign_in(client, make_recruiter(make_organisation()))
    assert client.get("/recruiter/vacancies/99999999999999999999/edit").status_code == 404
    assert client.post("/recruiter/vacancies/99999999999999999999/publish").status_code == 404
