from portal.jobsearch.params import SearchParams
from portal.jobsearch.views import pagination


def test_long_result_lists_show_nearby_pages_and_the_ends(app):
    with app.test_request_context():
        links = pagination(SearchParams(q="nurse", page=10), pages=30)

    numbers = [item.get("number", "…") for item in links["items"]]
    assert numbers == [1, "…", 8, 9, 10, 11, 12, "…", 30]
    assert [item["number"] for item in links["items"] if item.get("current")] == [10]
    assert links["previous"]["href"] == "/jobs?q=nurse&page=9"
    assert links["next"]["href"] == "/jobs?q=nurse&page=11"


def test_one_page_needs_no_pagination(app):
    with app.test_request_context():
        assert pagination(SearchParams(), pages=1) is None


def test_the_last_page_has_no_next_link(app):
    with app.test_request_context():
        links = pagination(SearchParams(page=3), pages=3)

    assert links["next"] is None
    assert links["previous"]["href"] == "/jobs?page=2"
