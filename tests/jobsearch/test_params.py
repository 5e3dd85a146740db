import pytest
from werkzeug.datastructures import MultiDict

from portal.jobsearch.params import DEFAULT_PER_PAGE, SearchParams, parse_search_args


@pytest.fixture
def parse(app):
    def parse(for_api=False, **args):
        pairs = [(name, item) for name, value in args.items() for item in (value if isinstance(value, list) else [value])]
        with app.test_request_context():
            return parse_search_args(MultiDict(pairs), for_api=for_api)

    return parse


def test_no_parameters_browse_everything_newest_first(parse):
    parsed = parse()
    assert parsed.problems == {}
    assert parsed.params == SearchParams()
    assert parsed.params.applied_sort == "newest"


def test_keywords_are_trimmed_and_sorted_by_relevance(parse):
    params = parse(q="  senior   care\tworker ").params
    assert params.q == "senior care worker"
    assert params.applied_sort == "relevance"


def test_very_long_keywords_are_shortened_on_the_page_but_refused_by_the_api(parse):
    page = parse(q="nurse " * 100)
    assert len(page.params.q) <= 200
    assert "first 200" in page.problems["q"]
    assert parse(for_api=True, q="nurse " * 100).problems["q"] == "Keywords must be 200 characters or fewer"


def test_repeated_filters_are_kept_once_each_and_unknown_codes_dropped(parse):
    parsed = parse(sector=["home_care", "nursing_home", "home_care", "spaceport"], flags=["dbs_check", ""])
    assert parsed.params.sector == ("home_care", "nursing_home")
    assert parsed.params.flags == ("dbs_check",)
    assert "spaceport" in parsed.problems["sector"]


def test_employers_are_ids(parse):
    assert parse(employer=["3", "7"]).params.employer == (3, 7)
    assert "employer" in parse(employer="acme").problems


@pytest.mark.parametrize("typed, amount", [("25000", 25000), ("£25,000", 25000), (" 30000.4 ", 30000), ("0", None)])
def test_minimum_pay_accepts_pounds_with_symbols_and_commas(parse, typed, amount):
    parsed = parse(min_pay=typed)
    assert parsed.problems == {}
    assert parsed.params.min_pay == amount


@pytest.mark.parametrize("typed", ["lots", "-5", "99999999"])
def test_minimum_pay_must_be_a_sensible_number(parse, typed):
    assert parse(min_pay=typed).problems["min_pay"] == "Enter a minimum yearly pay in pounds, like 25000"


def test_posted_within_and_radius_take_listed_values_only(parse):
    assert parse(posted_within="7", radius="20").params.posted_within == 7
    parsed = parse(posted_within="2", radius="15")
    assert set(parsed.problems) == {"posted_within", "radius"}
    assert parsed.params.posted_within is None
    assert parsed.params.radius == 10


def test_a_town_or_postcode_gives_a_place_to_search_around(parse):
    town = parse(location="loughborough").params
    assert town.place_name == "Loughborough"
    assert town.near == pytest.approx((52.7721, -1.2062))
    assert parse(location="le11 3tu").params.place_name == "LE11"
    assert parse(location="LE16").params.place_name == "LE16"


def test_an_unknown_place_is_explained_and_not_used(parse):
    parsed = parse(location="Atlantis", sort="distance")
    assert parsed.problems == {
        "location": "We could not find Atlantis. Try a town or postcode district in the region, "
                    "like Loughborough or LE11",
    }
    assert parsed.params.near is None
    assert parsed.params.sort is None


def test_sorting_by_distance_needs_a_place(parse):
    assert parse(sort="distance").problems["sort"] == "Enter a town or postcode to sort by distance"
    assert parse(sort="distance", location="Oakham").params.sort == "distance"
    assert "sort" in parse(sort="cheapest").problems


@pytest.mark.parametrize("page", ["0", "-1", "two", "²", "1.5"])
def test_page_must_be_a_whole_number_from_one(parse, page):
    parsed = parse(page=page)
    assert "page" in parsed.problems
    assert parsed.params.page == 1


def test_only_the_api_reads_per_page(parse):
    assert parse(per_page="50").params.per_page == DEFAULT_PER_PAGE
    assert parse(for_api=True, per_page="50").params.per_page == 50
    assert "per_page" in parse(for_api=True, per_page="101").problems


def test_query_args_leave_out_defaults_and_round_trip(parse):
    params = parse(q="nurse", sector=["acute_trust", "community_trust"], location="Hinckley", radius="10", page="2").params
    args = params.query_args()
    assert args == {"q": "nurse", "sector": ["acute_trust", "community_trust"], "location": "Hinckley", "page": 2}
    assert parse(**{key: [str(v) for v in value] if isinstance(value, list) else str(value)
                    for key, value in args.items()}).params == params


def test_without_filters_keeps_keywords_and_place(parse):
    params = parse(q="porter", location="Oakham", flags="dbs_check", min_pay="20000", page="3").params
    assert params.has_filters
    cleared = params.without_filters()
    assert not cleared.has_filters
    assert cleared.query_args() == {"q": "porter", "location": "Oakham"}


@pytest.mark.parametrize("typed, words, bands, read", [
    pytest.param("band 5", "", ("band_5",), "band 5", id="band 5 alone"),
    pytest.param("band 5 nurse", "nurse", ("band_5",), "band 5", id="band 5 nurse"),
    pytest.param("Nurse Band 8a", "Nurse", ("band_8a",), "Band 8a", id="Band 8a after the words"),
    pytest.param("AfC band 6 physio", "physio", ("band_6",), "AfC band 6", id="AfC band 6"),
    pytest.param("agenda for change band 7", "", ("band_7",), "agenda for change band 7", id="agenda for change"),
    pytest.param("band5 porter", "porter", ("band_5",), "band5", id="no space"),
    pytest.param("band 1 nurse", "band 1 nurse", (), "", id="no such band: words kept"),
    pytest.param("band of carers", "band of carers", (), "", id="band as a word"),
    pytest.param("broadband 5", "broadband 5", (), "", id="band inside a word"),
])
def test_a_pay_band_in_the_words_is_read_as_the_band_filter(parse, typed, words, bands, read):
    params = parse(q=typed).params
    assert (params.q, params.pay_band, params.band_words) == (words, bands, read)


def test_a_band_in_the_words_joins_the_bands_ticked(parse):
    assert parse(q="band 5 nurse", pay_band=["band_6"]).params.pay_band == ("band_6", "band_5")


def test_words_searched_as_typed_keep_the_band_words(parse):
    params = parse(q="band 5 nurse", as_typed="1").params
    assert (params.q, params.pay_band, params.as_typed) == ("band 5 nurse", (), True)


def test_the_link_to_search_the_words_as_typed_drops_the_band_read(parse):
    params = parse(q="band 5 nurse", pay_band=["band_6"]).params
    assert params.as_typed_args() == {"q": "band 5 nurse", "as_typed": 1, "pay_band": ["band_6"]}


def test_as_typed_must_be_one_or_left_out(parse):
    assert "as_typed" in parse(as_typed="maybe").problems
