from tests.jobsearch.html import h1_count, text_of


def test_a_missing_page_is_explained_with_one_heading(client):
    response = client.get("/no-such-page")

    assert response.status_code == 404
    assert h1_count(response) == 1
    assert "Page not found" in text_of(response)


def test_api_errors_are_json(client):
    response = client.get("/api/v1/no-such-thing")

    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404
