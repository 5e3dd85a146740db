from datetime import timedelta

import pytest

from search import FACET_FIELDS, SearchQuery, engine


def test_stemming_matches_other_word_forms(kit, search):
    s = search([
        kit.make_doc(1, title="Staff Nurse"),
        kit.make_doc(2, title="Nursing Home Porter", text="Kitchen."),
        kit.make_doc(3, title="Gardener"),
    ])
    assert sorted(kit.ids(s(text="nurses"))) == [1, 2]
    assert kit.ids(s(text="NURSING")) == kit.ids(s(text="nurse"))


def test_a_title_naming_the_word_leaves_out_body_only_mentions(kit, search):
    s = search([
        kit.make_doc(1, title="Kitchen Assistant", text="dementia " * 20, posted_at=kit.NOW),
        kit.make_doc(2, title="Dementia Support Worker", text="Caring for people.",
                     posted_at=kit.NOW - timedelta(days=50)),
        kit.make_doc(3, title="Dementia Nurse", text="dementia " * 20, posted_at=kit.NOW - timedelta(days=60)),
    ])
    result = s(text="dementia")
    # The body-only mention is left out: a title names the word.
    assert sorted(kit.ids(result)) == [2, 3]
    assert all(hit.score > 0 for hit in result.hits)
    assert kit.ids(s(text="kitchen dementia")) == [1]
    assert result.sort == "relevance"


def test_summary_employer_and_role_name_are_searched(kit, search):
    s = search([
        kit.make_doc(1, summary="Work with the phlebotomy team."),
        kit.make_doc(2, employer_name="Riverside Hospice"),
        kit.make_doc(3, role_name="Occupational Therapist"),
        kit.make_doc(4),
    ])
    assert kit.ids(s(text="phlebotomy")) == [1]
    assert kit.ids(s(text="hospice")) == [2]
    assert kit.ids(s(text="therapist")) == [3]


def test_all_words_must_match_else_any_word(kit, search):
    s = search([
        kit.make_doc(1, title="Night Care Assistant"),
        kit.make_doc(2, title="Care Coordinator"),
        kit.make_doc(3, title="Night Porter"),
    ])
    assert kit.ids(s(text="night care")) == [1]
    # No document has both words: fall back to documents with either.
    result = s(text="night gardener")
    assert sorted(kit.ids(result)) == [1, 3]
    assert result.total == 2
    # Documents matching more of the words rank first.
    assert kit.ids(s(text="night care gardener"))[0] == 1
    # Without the fallback only documents with every word match.
    assert s(text="night gardener", any_word_fallback=False).total == 0


@pytest.mark.parametrize(
    ("field", "values", "expected"),
    [
        ("sector", ["nhs"], [2]),
        ("sector", ["nhs", "voluntary"], [2, 3]),
        ("role_family", ["nursing"], [2]),
        ("role", ["staff_nurse"], [2]),
        ("employer_id", [7], [3]),
        ("employer_id", ["7", 2], [2, 3]),
        ("contract_type", ["bank"], [3]),
        ("working_pattern", ["nights"], [2, 3]),
        ("working_pattern", ["weekends", "part_time"], [3]),
        ("sector", ["no_such_sector"], []),
    ],
)
def test_value_filters(kit, search, field, values, expected):
    s = search([
        kit.make_doc(1),
        kit.make_doc(2, sector="nhs", role_family="nursing", role="staff_nurse", employer_id=2,
                     working_patterns=["full_time", "nights"]),
        kit.make_doc(3, sector="voluntary", employer_id=7, contract_type="bank",
                     working_patterns=["nights", "weekends"]),
    ])
    assert sorted(kit.ids(s(**{field: values}))) == expected


def test_filters_combine_across_fields(kit, search):
    s = search([
        kit.make_doc(1, sector="nhs", contract_type="bank"),
        kit.make_doc(2, sector="nhs", contract_type="permanent"),
        kit.make_doc(3, sector="voluntary", contract_type="bank"),
    ])
    assert kit.ids(s(sector=["nhs"], contract_type=["bank"])) == [1]


def test_flags_must_all_be_present(kit, search):
    s = search([
        kit.make_doc(1, flags=["dbs_check"]),
        kit.make_doc(2, flags=["dbs_check", "driving_licence"]),
        kit.make_doc(3, flags=["driving_licence", "visa_sponsorship"]),
    ])
    assert sorted(kit.ids(s(flags=["dbs_check"]))) == [1, 2]
    assert kit.ids(s(flags=["dbs_check", "driving_licence"])) == [2]
    assert kit.ids(s(flags=["dbs_check", "visa_sponsorship"])) == []


def test_minimum_pay(kit, search):
    s = search([
        kit.make_doc(1, pay_annual=21000.0),
        kit.make_doc(2, pay_annual=30000.0),
        kit.make_doc(3, pay_annual=None),
        kit.make_doc(4, pay_annual=45000.5),
    ])
    assert sorted(kit.ids(s(min_pay=30000))) == [2, 4]
    assert sorted(kit.ids(s(min_pay=0))) == [1, 2, 4]


def test_posted_within_days(kit, search):
    s = search([
        kit.make_doc(1, posted_at=kit.NOW - timedelta(hours=5)),
        kit.make_doc(2, posted_at=kit.NOW - timedelta(days=6, hours=23)),
        kit.make_doc(3, posted_at=kit.NOW - timedelta(days=8)),
    ])
    assert kit.ids(s(posted_within_days=1)) == [1]
    assert kit.ids(s(posted_within_days=7)) == [1, 2]
    assert kit.ids(s(posted_within_days=4 / 24)) == []
    assert kit.ids(s(posted_within_days=6 / 24)) == [1]


def test_timezone_aware_posted_at(kit, search):
    from datetime import timezone

    aware = (kit.NOW - timedelta(hours=2)).replace(tzinfo=timezone.utc)
    s = search([kit.make_doc(1, posted_at=aware), kit.make_doc(2, posted_at=kit.NOW - timedelta(days=3))])
    assert kit.ids(s(posted_within_days=1)) == [1]
    assert kit.ids(s(posted_within_days=1, now=kit.NOW.replace(tzinfo=timezone.utc))) == [1]


def test_closed_vacancies_are_never_returned(kit, search):
    s = search([
        kit.make_doc(1, title="Nurse", closing_date=kit.TODAY - timedelta(days=1)),
        kit.make_doc(2, title="Nurse", closing_date=kit.TODAY),
        kit.make_doc(3, title="Nurse", closing_date=kit.TODAY + timedelta(days=1)),
    ])
    assert sorted(kit.ids(s(text="nurse"))) == [2, 3]
    assert sorted(kit.ids(s())) == [2, 3]
    assert kit.ids(s(today=kit.TODAY + timedelta(days=1))) == [3]
    assert s(facets=["sector"]).facets == {"sector": {"adult_social_care": 2}}


def test_invisible_documents_are_not_indexed(kit, build):
    index = build([kit.make_doc(1), kit.make_doc(2, visible=False)])
    assert kit.ids(index.search(kit.query())) == [1]
    index.apply([kit.make_doc(1, visible=False)], [], cursor=1)
    assert index.search(kit.query()).total == 0
    assert index.doc_count() == 0


def test_radius_filter_and_distances(kit, search):
    s = search([
        kit.make_doc(1, locations=[kit.LEEDS]),
        kit.make_doc(2, locations=[kit.BRADFORD]),
        kit.make_doc(3, locations=[kit.YORK]),
        kit.make_doc(4, locations=[]),
        kit.make_doc(5, locations=[kit.LONDON, kit.BRADFORD]),
    ])
    result = s(near=kit.LEEDS, radius_miles=10)
    assert sorted(kit.ids(result)) == [1, 2, 5]
    miles = {hit.id: hit.distance_miles for hit in result.hits}
    assert miles[1] == 0
    assert 8 < miles[2] < 9.5
    assert miles[5] == miles[2]  # nearest of its sites
    assert sorted(kit.ids(s(near=kit.LEEDS, radius_miles=25))) == [1, 2, 3, 5]
    # Without a radius, distances are given but nothing is filtered out.
    everything = s(near=kit.LEEDS)
    assert everything.total == 5
    assert {hit.id: hit.distance_miles for hit in everything.hits}[4] is None


def test_distance_sort(kit, search):
    s = search([
        kit.make_doc(1, locations=[kit.YORK]),
        kit.make_doc(2, locations=[]),
        kit.make_doc(3, locations=[kit.LEEDS]),
        kit.make_doc(4, locations=[kit.BRADFORD]),
    ])
    assert kit.ids(s(near=kit.LEEDS, sort="distance")) == [3, 4, 1, 2]
    assert kit.ids(s(near=kit.LEEDS, radius_miles=30, sort="distance")) == [3, 4, 1]
    result = s(sort="distance")
    assert result.sort == "newest"  # no point given and no keywords


def test_newest_and_closing_sorts(kit, search):
    s = search([
        kit.make_doc(1, posted_at=kit.NOW - timedelta(days=3), closing_date=kit.TODAY + timedelta(days=2)),
        kit.make_doc(2, posted_at=kit.NOW - timedelta(days=1), closing_date=kit.TODAY + timedelta(days=9)),
        kit.make_doc(3, posted_at=kit.NOW - timedelta(days=2), closing_date=kit.TODAY),
    ])
    assert kit.ids(s(sort="newest")) == [2, 3, 1]
    assert kit.ids(s(sort="closing")) == [3, 1, 2]
    # Relevance without keywords means newest first.
    result = s()
    assert result.sort == "newest"
    assert kit.ids(result) == [2, 3, 1]
    assert all(hit.score is None for hit in result.hits)


def test_keyword_search_sorted_by_date(kit, search):
    s = search([
        kit.make_doc(1, title="Nurse", posted_at=kit.NOW - timedelta(days=3)),
        kit.make_doc(2, title="Porter", posted_at=kit.NOW),
        kit.make_doc(3, title="Nurse", text="nurse nurse", posted_at=kit.NOW - timedelta(days=1)),
    ])
    assert kit.ids(s(text="nurse", sort="newest")) == [3, 1]


def test_paging_and_total(kit, search):
    s = search([kit.make_doc(i, title="Care Assistant") for i in range(1, 46)])
    pages = [s(text="care", page=page, per_page=20) for page in (1, 2, 3, 4)]
    assert [len(p.hits) for p in pages] == [20, 20, 5, 0]
    assert {p.total for p in pages} == {45}
    assert pages[0].pages == 3
    seen = [i for p in pages for i in kit.ids(p)]
    assert sorted(seen) == list(range(1, 46))
    browse = [kit.ids(s(page=page, per_page=10)) for page in (1, 2)]
    assert browse == [list(range(1, 11)), list(range(11, 21))]


def test_per_page_and_page_are_clamped(kit):
    assert SearchQuery(per_page=1000).per_page == 100
    assert SearchQuery(per_page=0).per_page == 1
    assert SearchQuery(page=-3).page == 1


def test_invalid_sort_or_facet(kit):
    with pytest.raises(ValueError):
        SearchQuery(sort="cheapest")
    with pytest.raises(ValueError):
        SearchQuery(facets=["colour"])


def test_facet_counts_ignore_their_own_filter(kit, search):
    s = search([
        kit.make_doc(1, title="Nurse", sector="nhs", contract_type="permanent"),
        kit.make_doc(2, title="Nurse", sector="nhs", contract_type="bank"),
        kit.make_doc(3, title="Nurse", sector="voluntary", contract_type="bank"),
        kit.make_doc(4, title="Nurse", sector="voluntary", contract_type="permanent"),
        kit.make_doc(5, title="Porter", sector="nhs", contract_type="bank"),
    ])
    result = s(text="nurse", sector=["nhs"], contract_type=["bank"], facets=["sector", "contract_type"])
    assert kit.ids(result) == [2]
    # Sector counts: keyword + contract filter, any sector.
    assert result.facets["sector"] == {"nhs": 1, "voluntary": 1}
    # Contract counts: keyword + sector filter, any contract.
    assert result.facets["contract_type"] == {"bank": 1, "permanent": 1}
    assert list(s(facets=["sector"]).facets["sector"].items()) == [("nhs", 3), ("voluntary", 2)]


def test_only_requested_facets_are_returned(kit, search):
    s = search([kit.make_doc(1)])
    assert s().facets == {}
    assert set(s(facets=["role", "flags"]).facets) == {"role", "flags"}


def test_every_facet_field(kit, search):
    s = search([
        kit.make_doc(1, employer_id=3, working_patterns=["part_time", "nights"], flags=["dbs_check"]),
        kit.make_doc(2, employer_id=3, working_patterns=["nights"], flags=["dbs_check", "no_experience"]),
    ])
    facets = s(facets=list(FACET_FIELDS)).facets
    assert facets["employer_id"] == {3: 2}
    assert facets["working_pattern"] == {"nights": 2, "part_time": 1}
    assert facets["flags"] == {"dbs_check": 2, "no_experience": 1}
    assert facets["role"] == {"care_assistant": 2}


def test_flag_facet_counts_keep_ticked_flags(kit, search):
    s = search([
        kit.make_doc(1, flags=["dbs_check"]),
        kit.make_doc(2, flags=["dbs_check", "driving_licence"]),
        kit.make_doc(3, flags=["driving_licence"]),
    ])
    facets = s(flags=["dbs_check"], facets=["flags"]).facets
    assert facets["flags"] == {"dbs_check": 2, "driving_licence": 1}


def test_selected_values_are_listed_even_without_matches(kit, search):
    s = search([kit.make_doc(1, sector="nhs")])
    facets = s(text="nurse", sector=["voluntary"], facets=["sector"]).facets
    assert facets["sector"] == {"voluntary": 0}


def test_highlights_are_marked_and_escaped(kit, search):
    s = search([
        kit.make_doc(
            1,
            title="Nurse <script>alert(1)</script> & Co",
            summary='Busy "ward" <b>nursing</b> team.',
            text="<img src=x onerror=alert(1)>",
        ),
    ])
    hit = s(text="nurse").hits[0]
    assert hit.title_html == "<mark>Nurse</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"
    assert hit.snippet_html == (
        "Busy &quot;ward&quot; &lt;b&gt;<mark>nursing</mark>&lt;/b&gt; team."
    )
    plain = s().hits[0]
    assert "<mark>" not in plain.title_html + plain.snippet_html
    assert plain.snippet_html == "Busy &quot;ward&quot; &lt;b&gt;nursing&lt;/b&gt; team."
    assert "<img" not in s(text="onerror").hits[0].snippet_html


def test_snippet_comes_from_body_text_around_the_match(kit, search):
    text = "Intro words. " * 40 + "You will support people living with dementia at home. " + "More. " * 40
    s = search([kit.make_doc(1, summary="Caring role.", text=text)])
    snippet = s(text="dementia").hits[0].snippet_html
    assert "<mark>dementia</mark>" in snippet
    assert snippet.startswith("\u2026") and snippet.endswith("\u2026")
    assert len(snippet) < 320


def test_misspelt_word_gets_a_suggestion(kit, search):
    s = search([
        kit.make_doc(1, title="Staff Nurse"),
        kit.make_doc(2, title="Nurse Practitioner"),
        kit.make_doc(3, title="Carer"),
        kit.make_doc(4, title="Careers Adviser"),
    ])
    result = s(text="nurce", correct_spelling=False)
    assert result.total == 0
    assert result.suggestion == "nurse"
    assert s(text="senior nurce").suggestion == "senior nurse"
    assert s(text="carer").suggestion is None
    assert s(text="nurse").suggestion is None
    assert s(text="xqzvbnm").suggestion is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "!!!",
        '"unbalanced (query AND OR NOT * ? ~ ^2 title:x',
        "the and of",
        "zzqqxxyy",
        "nurse " * 300,
        "a" * 5000,
        "care " + "x" * 2000,
        "résumé ünïcode 日本語",
    ],
)
def test_odd_queries_do_not_raise(kit, search, text):
    s = search([kit.make_doc(1, title="Care Nurse")])
    result = s(text=text, facets=["sector"])
    assert result.total == len(result.hits)


def test_empty_text_browses_and_punctuation_finds_nothing(kit, search):
    s = search([kit.make_doc(1), kit.make_doc(2)])
    assert s(text="  ").total == 2
    assert s(text="?!*").total == 0
    assert s(text="the").total == 0
    assert s(text="nurse " * 300).total == 0


def test_query_syntax_is_not_interpreted(kit, search):
    s = search([kit.make_doc(1, title="Nurse", sector="nhs"), kit.make_doc(2, title="Porter")])
    assert kit.ids(s(text="sector:nhs")) == []
    assert kit.ids(s(text='"nurse"')) == [1]
    assert kit.ids(s(text="nurse*")) == [1]
    assert kit.ids(s(text="nurse OR porter")) == [1, 2]


def test_level_ranking_matches_one_by_one_scoring(kit, build, monkeypatch):
    docs = [
        kit.make_doc(
            i,
            title=["Care Assistant", "Senior Carer", "Night Nurse", "Support Worker"][i % 4],
            summary=["night care", "support", "nursing care", ""][i % 3],
            text="care " * (i % 5) + "night " * (i % 2),
        )
        for i in range(1, 120)
    ]
    index = build(docs)
    for text in ("care", "night care", "care nurse support", "nurse gardener"):
        expected = index.search(kit.query(text=text, per_page=50))
        monkeypatch.setattr(engine, "SCORE_EACH_LIMIT", 0)
        levels = index.search(kit.query(text=text, per_page=50))
        monkeypatch.setattr(engine, "MAX_LEVEL_COMBINATIONS", 1)
        fallback = index.search(kit.query(text=text, per_page=50))
        monkeypatch.undo()
        assert kit.ids(levels) == kit.ids(expected) == kit.ids(fallback)
        assert [h.score for h in levels.hits] == pytest.approx([h.score for h in expected.hits])
