"""The find-your-career quiz: scoring worked out by hand, the real quiz on three people, answers read from
tampered addresses, vacancies near a place, and saving results."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import lxml.html
import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from portal.careers import quiz as rules
from portal.careers.content import EntryRoute, Quiz, QuizOption, QuizQuestion, RoleContent, Score, parse_quiz
from portal.careers.models import SavedQuizResult
from portal.careers.services import CONTENT_DIR
from portal.extensions import db
from portal.jobsearch.labels import labels
from portal.reference.models import JobRole
from portal.privacy.services import delete_account, registered_sections
from tests.factories import sign_in
from tests.concurrency import at_once

MARKET_HARBOROUGH = {"town": "Market Harborough", "postcode": "LE16 7AF", "latitude": 52.4777, "longitude": -0.9212}


# A small quiz and three roles, worked out by hand ----------------------------------------------------------------

def role(code, *, interests=("caring",), works_with=("people",), personal_care=False, clinical_contact=False,
         sectors=("acute_trust",), part_time=False, routes=("none",)):
    return RoleContent(
        code=code, summary="A job.", interests=interests, works_with=works_with, personal_care=personal_care,
        clinical_contact=clinical_contact, sectors=sectors, settings=("Hospital wards",), hours="Shifts",
        part_time=part_time, nights_weekends=False, leads_to=(),
        entry_routes=tuple(EntryRoute(kind=kind, title=kind) for kind in routes),
    )


SMALL_QUIZ = Quiz(
    questions=(
        QuizQuestion("enjoy", "What do you enjoy?", multiple=True, options=(
            QuizOption("helping", "Helping", (Score("interest:caring", 3, "You enjoy helping people"),)),
            QuizOption("science", "Science", (Score("interest:science", 3, "You enjoy science"),
                                             Score("works_with:things", 1, "You like equipment"))),
            QuizOption("records", "Records", (Score("works_with:data", 2, "You like records"),)),
        )),
        QuizQuestion("blood", "Blood?", options=(
            QuizOption("fine", "Fine", (Score("clinical_contact", 3, "You are fine with blood"),)),
            QuizOption("rather_not", "Rather not", (Score("clinical_contact", -5),)),
        )),
        QuizQuestion("where", "Where?", multiple=True, options=(
            QuizOption("care_home", "A care home", (Score("sector:residential_care", 2, "You would like a care home"),
                                                   Score("sector:nursing_home", 2, "You would like a care home"))),
            QuizOption("hospital", "A hospital", (Score("sector:acute_trust", 3, "You would like a hospital"),)),
        )),
        QuizQuestion("distance", "How far?", kind="distance", options=(
            QuizOption("5", "5 miles"), QuizOption("40", "40 miles"),
        )),
        QuizQuestion("place", "Where do you live?", kind="place"),
    ),
    nearby_points=2,
    nearby_reason="Jobs like this are open near you",
)
ROLES = {
    "nurse": role("nurse", interests=("caring", "science"), clinical_contact=True, sectors=("acute_trust", "nursing_home")),
    "carer": role("carer", personal_care=True, sectors=("residential_care", "nursing_home")),
    "lab": role("lab", interests=("science",), works_with=("things",), clinical_contact=True),
    "clerk": role("clerk", interests=("behind_the_scenes",), works_with=("data",), sectors=("acute_trust",)),
}
NAMES = {"nurse": "Nurse", "carer": "Care worker", "lab": "Lab assistant", "clerk": "Ward clerk"}


def answers(**chosen) -> rules.Answers:
    return rules.Answers.parse(SMALL_QUIZ, MultiDict([(key, value) for key, values in chosen.items()
                                                      for value in ([values] if isinstance(values, str) else values)]))


def by_code(results):
    return {result.code: result for result in results}


def test_a_role_scores_the_points_of_the_traits_it_has_with_its_reasons_strongest_first():
    results = rules.score(SMALL_QUIZ, ROLES, answers(enjoy=["helping", "science"], blood="fine", where="care_home"),
                          names=NAMES)

    # nurse: caring 3 + science 3 + blood 3 + nursing home 2 = 11
    # carer: caring 3 + care home (residential 2 + nursing 2, one reason) = 7
    # lab:   science 3 + things 1 + blood 3 = 7; clerk: nothing = 0, left out
    assert [(r.code, r.points) for r in results] == [("nurse", 11), ("carer", 7), ("lab", 7)]
    found = by_code(results)
    assert found["nurse"].reasons == (
        "You enjoy helping people", "You enjoy science", "You are fine with blood", "You would like a care home")
    assert found["carer"].reasons == ("You would like a care home", "You enjoy helping people")
    assert found["lab"].reasons == ("You enjoy science", "You are fine with blood", "You like equipment")


def test_ties_go_by_name_and_negative_points_count_against_a_role():
    results = rules.score(SMALL_QUIZ, ROLES, answers(enjoy=["helping", "science"], blood="rather_not"), names=NAMES)

    # carer 3; nurse 3 + 3 - 5 = 1; lab 3 + 1 - 5 = -1 (left out)
    assert [(r.code, r.points) for r in results] == [("carer", 3), ("nurse", 1)]
    assert by_code(results)["nurse"].reasons == ("You enjoy helping people", "You enjoy science")


def test_equal_points_are_ordered_by_name():
    results = rules.score(SMALL_QUIZ, ROLES, answers(enjoy="helping"), names=NAMES)

    assert [(r.name, r.points) for r in results] == [("Care worker", 3), ("Nurse", 3)]


def test_the_score_is_put_in_words_against_the_best_match():
    results = rules.score(SMALL_QUIZ, ROLES, answers(enjoy=["helping", "science"], blood="fine", where="care_home"),
                          names=NAMES)

    assert [r.match for r in results] == ["Strong match", "Good match", "Good match"]
    assert rules.match_words(3, 10) == "Possible match"
    assert rules.match_words(8, 10) == "Strong match"


def test_roles_with_jobs_nearby_get_the_nearby_points_and_reason():
    results = rules.score(SMALL_QUIZ, ROLES, answers(enjoy="helping"), {"carer": 4, "clerk": 1, "lab": 0}, names=NAMES)

    found = by_code(results)
    assert found["carer"].points == 5 and found["carer"].nearby == 4
    assert found["carer"].reasons == ("You enjoy helping people", "Jobs like this are open near you")
    assert found["clerk"].points == 2 and found["clerk"].reasons == ("Jobs like this are open near you",)
    assert found["nurse"].points == 3 and found["nurse"].nearby == 0
    assert "lab" not in found


def test_a_role_name_inside_a_sentence_keeps_the_capitals_of_initials():
    assert [rules.RoleResult(code, name, 1, ()).name_in_sentence for code, name in (
        ("a", "Care worker"), ("b", "GP practice manager"), ("c", "NHS 111 call handler"), ("d", "X"))] == [
        "care worker", "GP practice manager", "NHS 111 call handler", "X"]


def test_no_answers_match_nothing():
    assert rules.score(SMALL_QUIZ, ROLES, rules.Answers()) == []


# Reading answers ---------------------------------------------------------------------------------------------------

def test_answers_keep_only_known_questions_and_offered_values_in_the_quiz_order():
    parsed = rules.Answers.parse(SMALL_QUIZ, MultiDict([
        ("where", "hospital"), ("enjoy", "records"), ("enjoy", "helping"), ("enjoy", "juggling"), ("enjoy", "helping"),
        ("colour", "blue"), ("blood", "fine"), ("distance", "40"), ("place", "  Market\tHarborough "),
    ]))

    assert parsed.items == (("enjoy", ("helping", "records")), ("blood", ("fine",)), ("where", ("hospital",)),
                            ("distance", ("40",)), ("place", ("Market Harborough",)))
    assert parsed.distance == 40 and parsed.place == "Market Harborough"
    assert parsed.query_string() == (
        "enjoy=helping&enjoy=records&blood=fine&where=hospital&distance=40&place=Market+Harborough")
    assert rules.Answers.from_query_string(SMALL_QUIZ, parsed.query_string()) == parsed


@pytest.mark.parametrize("sent, kept", [
    ([("blood", "fine"), ("blood", "rather_not"), ("enjoy", "science")], (("enjoy", ("science",)),)),
    ([("blood", "fine"), ("blood", "fine")], (("blood", ("fine",)),)),
    ([("distance", "7"), ("distance", "-5"), ("distance", "1e9")], ()),
    ([("distance", "5"), ("distance", "40")], ()),
    ([("place", "LE11"), ("place", "Leicester")], ()),
    ([("blood", "FINE"), ("blood", " fine")], ()),
])
def test_a_question_answered_in_a_way_the_form_cannot_is_left_unanswered(sent, kept):
    assert rules.Answers.parse(SMALL_QUIZ, MultiDict(sent)).items == kept


def test_a_place_loses_control_characters_and_is_cut_to_100_characters():
    assert rules.clean_place("Lough\x00bor\x1bough\u200b") == "Loughborough"
    assert rules.clean_place("LE11\r\n3TU") == "LE11 3TU"
    assert len(rules.clean_place("x" * 5000)) == 100
    assert rules.clean_place("\x00\x01 ") == ""


def test_answers_without_a_question():
    parsed = answers(enjoy="helping", place="LE11", distance="5")

    assert parsed.without(SMALL_QUIZ, "place").place == ""
    assert parsed.without(SMALL_QUIZ, "distance").distance is None
    assert parsed.without(SMALL_QUIZ, "enjoy").items == (("distance", ("5",)), ("place", ("LE11",)))


def test_a_distance_is_searched_with_the_job_search_distance_that_covers_it():
    assert [rules.search_radius(miles) for miles in (None, 5, 10, 20, 40, 500)] == [10, 5, 10, 20, 50, 50]


def test_every_answer_at_once_fits_a_saved_result():
    quiz = parse_quiz((CONTENT_DIR / "quiz.toml").read_text())
    everything = MultiDict([(question.key, option.value) for question in quiz.questions if question.multiple
                            for option in question.options])
    everything.update({q.key: q.options[0].value for q in quiz.questions if not q.multiple and q.options})
    everything[quiz.place_question.key] = "\u00e9" * 5000
    parsed = rules.Answers.parse(quiz, everything)

    assert len(parsed.query_string()) <= rules.MAX_SAVED_LENGTH


# The real quiz on three people -------------------------------------------------------------------------------------

def top_codes(app, content, limit=5, **chosen):
    with app.test_request_context():
        parsed = rules.Answers.parse(content.quiz, MultiDict(
            [(key, value) for key, values in chosen.items() for value in values.split()]))
        return [r.code for r in rules.score(content.quiz, content.roles, parsed, names=labels().roles)[:limit]]


def test_someone_who_likes_helping_without_qualifications_is_shown_care_work(app, careers_content):
    top = top_codes(app, careers_content, enjoy="helping", works_with="people", blood="fine", personal_care="fine",
                    qualifications="none", earn_learn="yes")

    assert {"care_worker", "healthcare_support_worker", "home_care_worker"} & set(top), top


def test_someone_who_likes_science_and_labs_with_a_levels_is_shown_lab_work(app, careers_content):
    top = top_codes(app, careers_content, enjoy="science", works_with="things", subjects="science maths",
                    qualifications="level3", where="lab")

    assert {"biomedical_scientist", "medical_laboratory_assistant"} & set(top), top


def test_an_organiser_who_avoids_blood_and_personal_care_is_shown_an_admin_role_first(app, careers_content):
    top = top_codes(app, careers_content, enjoy="organising", works_with="data", blood="rather_not",
                    personal_care="rather_not", where="office", subjects="business_computing")

    with app.app_context():
        family = dict(db.session.execute(select(JobRole.code, JobRole.family_code)).all())
    assert family[top[0]] == "admin_clerical", top


# The pages ----------------------------------------------------------------------------------------------------------

def page(response):
    return lxml.html.fromstring(response.get_data(as_text=True))


def text_of(response) -> str:
    return " ".join(page(response).text_content().split())


def test_the_start_page_says_what_the_quiz_is_and_that_nothing_is_stored(client, careers_content):
    response = client.get("/careers/quiz")

    assert response.status_code == 200
    text = text_of(response)
    assert "Answer 12 short questions" in text and "We do not store your answers" in text
    assert page(response).xpath("//a[normalize-space()='Start the quiz']/@href") == ["/careers/quiz/1"]
    assert response.headers["Cache-Control"] == "public, max-age=300"
    assert "Set-Cookie" not in response.headers


def test_each_question_is_a_get_form_carrying_the_other_answers(client, careers_content):
    response = client.get("/careers/quiz/3?enjoy=helping&enjoy=science&blood=fine&place=LE11&colour=red")

    assert response.status_code == 200
    html = page(response)
    form = html.xpath("//form[@method='get']")[0]
    assert form.get("action") == "/careers/quiz/4"
    assert [(i.get("name"), i.get("value")) for i in form.xpath(".//input[@type='hidden']")] == [
        ("enjoy", "helping"), ("enjoy", "science"), ("place", "LE11")]
    assert html.xpath("//legend//h1")[0].text_content().split() == (
        "Question 3 of 12 How do you feel about blood, wounds and bodily fluids?").split()
    assert html.xpath("//input[@name='blood'][@checked]/@value") == ["fine"]
    assert html.xpath("//a[normalize-space()='Skip this question']/@href") == [
        "/careers/quiz/4?enjoy=helping&enjoy=science&place=LE11"]
    assert html.xpath("//a[contains(@class, 'nhsuk-back-link')]/@href") == [
        "/careers/quiz/2?enjoy=helping&enjoy=science&blood=fine&place=LE11"]
    assert html.xpath("//meta[@name='robots']/@content") == ["noindex"]


def test_the_last_question_asks_for_a_place_and_sends_everything_to_the_results(client, careers_content):
    html = page(client.get("/careers/quiz/12?enjoy=helping&place=Narnia"))

    assert html.xpath("//form[@method='get']/@action") == ["/careers/quiz/results"]
    assert html.xpath("//input[@name='place']/@value") == ["Narnia"]
    assert html.xpath("//h1/label[@for='quiz-place']")
    assert html.xpath("//a[normalize-space()='Skip this question']/@href") == ["/careers/quiz/results?enjoy=helping"]


@pytest.mark.parametrize("number", [0, 13, 99999999999])
def test_a_question_that_does_not_exist_is_not_found(client, careers_content, number):
    assert client.get(f"/careers/quiz/{number}").status_code == 404


def results_of(response):
    return [" ".join(a.text_content().split()) for a in page(response).xpath("//ol/li/h2/a")]


def test_the_results_page_ranks_roles_with_reasons_links_and_a_link_to_itself(client, careers_content):
    query = "enjoy=helping&works_with=people&blood=fine&personal_care=fine&qualifications=none&earn_learn=yes"
    response = client.get(f"/careers/quiz/results?{query}")

    assert response.status_code == 200
    html = page(response)
    assert len(results_of(response)) == 10
    first = html.xpath("//ol/li")[0]
    assert first.xpath("h2/a/@href")[0].startswith("/careers/roles/")
    assert "Strong match" in first.text_content()
    assert first.xpath(".//h3[normalize-space()='Why it could suit you']/following-sibling::ul[1]/li")
    assert html.xpath("//a[normalize-space()='Change your answers']/@href") == [f"/careers/quiz/1?{query}"]
    assert html.xpath("//a[@class='portal-secret']/@href") == [f"/careers/quiz/results?{query}"]
    assert html.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert response.headers["Cache-Control"] == "public, max-age=300"
    assert "Cookie" in response.headers["Vary"]
    assert "Set-Cookie" not in response.headers
    show_all = html.xpath("//a[starts-with(normalize-space(), 'Show all')]/@href")[0]
    assert len(results_of(client.get(show_all))) > 10


def test_apprenticeships_are_listed_with_their_level_and_standard_and_a_search_for_them(client, careers_content):
    response = client.get("/careers/quiz/results?enjoy=helping&qualifications=none&earn_learn=yes")

    html = page(response)
    item = next(li for li in html.xpath("//ol/li") if li.xpath("h2/a[@href='/careers/roles/healthcare_support_worker']"))
    assert "level 2, standard ST0216" in item.text_content()
    link = item.xpath(".//a[normalize-space()='Find healthcare support worker apprenticeships']/@href")[0]
    assert sorted(parse_qsl(urlsplit(link).query)) == [
        ("contract_type", "apprenticeship"), ("role", "healthcare_support_worker")]


@pytest.mark.parametrize("query", [
    "colour=red&enjoy=helping",
    "enjoy=helping&enjoy=%00&blood=%00&blood=%7F",
    "enjoy=helping&place=" + "x" * 5000,
    "enjoy=helping&" + "enjoy=helping&" * 400,
    "enjoy=helping&blood=fine&blood=rather_not",
    "enjoy=helping&distance=7&place=%00",
    "enjoy=helping&place=%E2%80%AE%00LE11",
    "enjoy=helping&all=%00",
])
def test_tampered_addresses_never_fail_and_keep_what_they_can(client, careers_content, query):
    response = client.get(f"/careers/quiz/results?{query}")
    clean = client.get("/careers/quiz/results?enjoy=helping")

    assert response.status_code == 200
    assert results_of(response) == results_of(clean)
    change = page(response).xpath("//a[normalize-space()='Change your answers']/@href")[0]
    assert "%00" not in change and "colour" not in change and len(change) < 200


def test_tampered_question_pages_never_fail(client, careers_content):
    for query in ("enjoy=%00", "place=" + "y" * 5000, "blood=fine&blood=rather_not", "x=" + "z" * 5000):
        assert client.get(f"/careers/quiz/3?{query}").status_code == 200


def test_no_answers_and_answers_matching_nothing_are_explained(client, careers_content):
    assert "You have not answered any questions yet" in text_of(client.get("/careers/quiz/results"))
    assert "You have not answered any questions yet" in text_of(client.get("/careers/quiz/results?colour=red"))


# Vacancies near a place ---------------------------------------------------------------------------------------------

def test_roles_with_open_jobs_near_the_place_get_points_a_count_and_a_link(client, careers_content, make_organisation,
                                                                            make_vacancy):
    loughborough = make_organisation(name="Loughborough Care")
    harborough = make_organisation(name="Harborough Care", **MARKET_HARBOROUGH)
    make_vacancy(loughborough, role_code="ward_clerk", title="Ward clerk")
    make_vacancy(loughborough, role_code="ward_clerk", title="Ward clerk (nights)")
    make_vacancy(harborough, role_code="administrator", title="Administrator")

    response = client.get("/careers/quiz/results?enjoy=organising&distance=10&place=loughborough")

    html = page(response)
    clerk = next(li for li in html.xpath("//ol/li") if li.xpath("h2/a[@href='/careers/roles/ward_clerk']"))
    assert "There are jobs like this open near you right now" in clerk.text_content()
    link = clerk.xpath(".//a[contains(normalize-space(), 'open')]")[0]
    assert " ".join(link.text_content().split()) == "2 open ward clerk jobs within 10 miles of Loughborough"
    assert sorted(parse_qsl(urlsplit(link.get("href")).query)) == [("location", "loughborough"), ("role", "ward_clerk")]
    admin = next(li for li in html.xpath("//ol/li") if li.xpath("h2/a[@href='/careers/roles/administrator']"))
    assert "No jobs like this open within 10 miles of Loughborough" in admin.text_content()
    ranked = results_of(client.get("/careers/quiz/results?enjoy=organising&distance=10&place=loughborough&all=1"))
    without_place = results_of(client.get("/careers/quiz/results?enjoy=organising&all=1"))
    assert ranked.index("Ward clerk") < without_place.index("Ward clerk")


def test_nearby_counts_come_from_one_search_by_role(app, careers_content, make_organisation, make_vacancy):
    harborough = make_organisation(name="Harborough Care", **MARKET_HARBOROUGH)
    make_vacancy(harborough, role_code="administrator")
    make_vacancy(harborough, role_code="administrator")
    make_vacancy(harborough, role_code="care_worker", contract_type="apprenticeship")

    with app.test_request_context():
        near = rules.find_nearby(rules.Answers.parse(careers_content.quiz, MultiDict({"place": "LE16", "distance": "5"})))
        far = rules.find_nearby(rules.Answers.parse(careers_content.quiz, MultiDict({"place": "Loughborough",
                                                                                     "distance": "5"})))
    assert near.found and near.place_name == "LE16" and near.radius == 5
    assert near.counts == {"administrator": 2, "care_worker": 1}
    assert far.found and far.counts == {}


def test_an_unknown_place_is_explained_and_the_results_come_without_it(client, careers_content):
    response = client.get("/careers/quiz/results?enjoy=helping&place=Narnia")

    assert response.status_code == 200
    text = text_of(response)
    assert "We could not find Narnia" in text and "like Loughborough or LE11" in text
    assert results_of(response) == results_of(client.get("/careers/quiz/results?enjoy=helping"))
    assert "miles of" not in text


# Saving results ---------------------------------------------------------------------------------------------------

QUERY = "enjoy=helping&blood=fine&place=LE11"


def saved_rows(app, user=None):
    with app.app_context():
        query = select(SavedQuizResult).order_by(SavedQuizResult.id)
        if user is not None:
            query = query.where(SavedQuizResult.user_id == user.id)
        return [(row.user_id, row.answers) for row in db.session.scalars(query)]


def test_signed_out_saving_is_sent_to_sign_in_and_nothing_is_stored(app, client, careers_content):
    response = client.post("/careers/quiz/save", data={"answers": QUERY})

    assert response.status_code == 302
    assert urlsplit(response.location).path == "/sign-in"
    assert dict(parse_qsl(urlsplit(response.location).query))["next"] == f"/careers/quiz/results?{QUERY}"
    assert saved_rows(app) == []
    assert "Save these results" not in text_of(client.get(f"/careers/quiz/results?{QUERY}"))


def test_a_signed_in_person_saves_the_normalised_answers_once(app, client, careers_content, make_user):
    person = make_user()
    sign_in(client, person)

    results = client.get(f"/careers/quiz/results?{QUERY}")
    assert results.headers["Cache-Control"] == "no-store"
    form = page(results).xpath("//form[.//button[normalize-space()='Save these results']]")[0]
    assert form.xpath(".//input[@name='answers']/@value") == [QUERY]

    first = client.post("/careers/quiz/save", data={"answers": "colour=red&place=LE11&blood=fine&enjoy=helping"})
    again = client.post("/careers/quiz/save", data={"answers": QUERY})

    assert first.status_code == again.status_code == 302
    assert first.location == f"/careers/quiz/results?{QUERY}"
    assert saved_rows(app) == [(person.id, QUERY)]


def test_a_double_click_arriving_at_once_saves_once(app, careers_content, make_user):
    person = make_user()
    clients = [app.test_client() for _ in range(2)]
    for each in clients:
        sign_in(each, person)

    waiting = iter(clients)
    statuses = at_once(app, 2, lambda: next(waiting).post("/careers/quiz/save", data={"answers": QUERY}).status_code)

    assert statuses == [302, 302]
    assert saved_rows(app) == [(person.id, QUERY)]


def test_saving_nothing_is_refused(app, client, careers_content, make_user):
    sign_in(client, make_user())

    for answers_sent in ("", "colour=red", "%00", "enjoy=" + "&enjoy=".join(["x"] * 500)):
        response = client.post("/careers/quiz/save", data={"answers": answers_sent})
        assert response.status_code in (302, 422), answers_sent
        assert response.status_code != 500
    assert saved_rows(app) == []


def test_a_person_keeps_at_most_20_results_the_oldest_go(app, client, careers_content, make_user):
    person = make_user()
    sign_in(client, person)

    places = [f"LE{n}" for n in range(1, 23)]
    for place in places:
        client.post("/careers/quiz/save", data={"answers": f"enjoy=helping&place={place}"})

    kept = [answers for _user, answers in saved_rows(app, person)]
    assert len(kept) == 20
    assert "enjoy=helping&place=LE1" not in kept and "enjoy=helping&place=LE2" not in kept
    assert "enjoy=helping&place=LE22" in kept


def test_the_saved_list_is_private_and_lists_only_ones_own(app, client, careers_content, make_user):
    owner, other = make_user(), make_user()
    sign_in(client, owner)
    client.post("/careers/quiz/save", data={"answers": QUERY})
    other_client = app.test_client()
    sign_in(other_client, other)
    other_client.post("/careers/quiz/save", data={"answers": "enjoy=science"})

    response = client.get("/careers/quiz/saved")

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    links = page(response).xpath("//ul[@class='nhsuk-list']/li/h2/a/@href")
    assert links == [f"/careers/quiz/results?{QUERY}"]
    assert "Near LE11" in text_of(response)
    signed_out = app.test_client().get("/careers/quiz/saved")
    assert signed_out.status_code == 302 and urlsplit(signed_out.location).path == "/sign-in"


def test_another_persons_saved_result_cannot_be_deleted(app, client, careers_content, make_user):
    owner, other = make_user(), make_user()
    sign_in(client, owner)
    client.post("/careers/quiz/save", data={"answers": QUERY})
    with app.app_context():
        saved_id = db.session.scalar(select(SavedQuizResult.id))
    other_client = app.test_client()
    sign_in(other_client, other)

    assert other_client.post(f"/careers/quiz/saved/{saved_id}/delete").status_code == 404
    assert other_client.post("/careers/quiz/saved/99999999999/delete").status_code == 404
    assert app.test_client().post(f"/careers/quiz/saved/{saved_id}/delete").status_code == 302
    assert saved_rows(app) == [(owner.id, QUERY)]

    response = client.post(f"/careers/quiz/saved/{saved_id}/delete")
    assert response.status_code == 302 and response.location == "/careers/quiz/saved"
    assert saved_rows(app) == []
    assert client.post(f"/careers/quiz/saved/{saved_id}/delete").status_code == 404


def test_saved_results_are_in_the_data_export_and_go_with_the_account(app, client, careers_content, make_user):
    person, other = make_user(), make_user()
    sign_in(client, person)
    client.post("/careers/quiz/save", data={"answers": QUERY})
    other_client = app.test_client()
    sign_in(other_client, other)
    other_client.post("/careers/quiz/save", data={"answers": "enjoy=science"})

    with app.app_context():
        from portal.accounts.models import User

        careers = next(section for section in registered_sections() if section.name == "careers")
        exported = careers.export(db.session.get(User, person.id))
        assert [item["answers"] for item in exported["saved_quiz_results"]] == [QUERY]
        delete_account(db.session.get(User, person.id))
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(SavedQuizResult)) == 1
    assert saved_rows(app) == [(other.id, "enjoy=science")]
