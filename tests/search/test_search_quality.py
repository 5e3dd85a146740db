"""Search quality over a fixed set of realistic vacancies: what a person means comes first, and the
facet counts describe the same results."""
import pytest

# id: (title, role name, role family, pay band, summary, description)
JOBS = {
    1: ("Staff Nurse - Ward 12", "Registered nurse (adult)", "nursing_midwifery", "band_5",
        "Join our acute medical ward as a staff nurse.", "You will deliver safe, compassionate care on long days and night shifts."),
    2: ("Band 5 Staff Nurse - Surgery", "Registered nurse (adult)", "nursing_midwifery", "band_5",
        "Newly qualified nurses welcome.", "Preceptorship programme and rotation across surgical wards."),
    3: ("Senior Staff Nurse", "Senior staff nurse / deputy sister", "nursing_midwifery", "band_6",
        "Lead shifts on a busy ward.", "Support junior staff and students."),
    4: ("Community Mental Health Nurse", "Community mental health nurse", "nursing_midwifery", "band_6",
        "Work with adults in the community.", "Hold a caseload and work with GP practices."),
    5: ("Registered Nurse - Nights", "Registered nurse (nursing home)", "nursing_midwifery", None,
        "Lead the night team in our care home.", "Night shifts, 3 a week. Medication rounds."),
    6: ("Nursing Associate", "Nursing associate", "nursing_midwifery", "band_4",
        "Bridge the gap between support workers and registered nurses.", "Training provided."),
    7: ("Advanced Clinical Practitioner", "Advanced clinical practitioner", "nursing_midwifery", "band_8a",
        "Senior clinical role in urgent care.", "Open to nurses and paramedics with a master's degree."),
    8: ("Hospital Porter", "Porter", "estates_ancillary", "band_2",
        "Move patients and equipment around the hospital.", "Work with nurses and doctors on every ward. Night shifts."),
    9: ("Porter - Nights", "Porter", "estates_ancillary", "band_2",
        "Night portering team.", "Respond to requests from nurses across the site."),
    10: ("Domestic Assistant", "Domestic assistant", "estates_ancillary", "band_2",
         "Keep our wards clean and safe.", "You will work closely with the nurse in charge."),
    11: ("GP Partner", "General practitioner", "medical_dental", None,
         "Join a friendly partnership.", "Supported by practice nurses and a pharmacist."),
    12: ("Salaried GP", "General practitioner", "medical_dental", None,
         "Six sessions a week.", "A nurse-led minor illness clinic supports the practice."),
    13: ("Medical Secretary", "Medical secretary", "admin_clerical", "band_3",
         "Typing clinic letters for consultants.", "Liaise with nurses, patients and GP surgeries."),
    14: ("Receptionist", "Administrator", "admin_clerical", "band_2",
         "Front desk of a GP surgery.", "Book appointments with the GP and the practice nurse."),
    15: ("Care Assistant", "Care worker", "adult_care", None,
         "Support older people in a residential home.", "Help with personal care, meals and activities."),
    16: ("Senior Care Assistant", "Senior care worker", "adult_care", None,
         "Lead a team of care assistants.", "Administer medication. Night shifts available."),
    17: ("Night Care Assistant", "Care worker", "adult_care", None,
         "Waking nights in a nursing home.", "Night shifts, 10pm to 8am."),
    18: ("Home Carer", "Care worker", "adult_care", None,
         "Visit people in their own homes.", "Driving licence needed. Mileage paid."),
    19: ("Physiotherapist - Community Therapy", "Physiotherapist", "allied_health", "band_5",
         "Help people recover at home.", "Work alongside nurses and occupational therapists."),
    20: ("Band 6 Physiotherapist - MSK", "Physiotherapist", "allied_health", "band_6",
         "Outpatient musculoskeletal clinic.", "Experienced physiotherapy staff welcome."),
    21: ("Healthcare Support Worker", "Healthcare support worker", "clinical_support", "band_3",
         "Support nurses to care for patients on the ward.", "Night shifts and weekends."),
    22: ("Healthcare Support Worker - Maternity", "Maternity support worker", "clinical_support", "band_3",
         "Support midwives and new parents.", "Training towards the care certificate."),
    23: ("Phlebotomist", "Phlebotomist", "clinical_support", "band_3",
         "Take blood samples in outpatients.", "Work with nurses and healthcare support workers."),
    24: ("Occupational Therapist", "Occupational therapist", "allied_health", "band_5",
         "Assess people's needs at home.", "Band 5 rotation with supervision."),
    25: ("HR Advisor", "HR advisor", "admin_clerical", "band_5",
         "Advise managers on recruitment.", "Recruiting nurses and support workers across the trust."),
    26: ("Catering Assistant", "Catering assistant", "estates_ancillary", "band_2",
         "Prepare meals for patients.", "Early and late shifts."),
    27: ("Paramedic", "Paramedic", "allied_health", "band_6",
         "Respond to emergencies across the county.", "Work with nurses in urgent treatment centres."),
    28: ("Midwife", "Midwife", "nursing_midwifery", "band_6",
         "Birth centre and community midwifery.", "Night shifts on rotation."),
}


@pytest.fixture
def jobs(kit, build):
    """Search the jobs above: jobs(**query_fields)."""
    index = build([
        kit.make_doc(
            id_, title=title, role_name=role_name, role_family=family, pay_band=band, summary=summary, text=text,
        )
        for id_, (title, role_name, family, band, summary, text) in JOBS.items()
    ])
    return lambda **fields: index.search(kit.query(**{"per_page": 20, **fields}))


def first_page(result):
    return {hit.id for hit in result.hits}


NURSES = {1, 2, 3, 4, 5}
PASSING_MENTIONS_OF_NURSE = {7, 8, 9, 10, 11, 12, 13, 14, 19, 21, 23, 25, 27}


@pytest.mark.parametrize("text, must, must_not", [
    pytest.param("nurse", NURSES | {6}, PASSING_MENTIONS_OF_NURSE, id="nurse: nurses, not porters or GPs"),
    pytest.param("care assistant", {15, 16, 17}, {6, 22}, id="care assistant"),
    pytest.param("physiotherapist", {19, 20}, {24}, id="physiotherapist"),
    pytest.param("porter", {8, 9}, {1, 10, 26}, id="porter"),
    pytest.param("healthcare support worker", {21, 22}, {6, 23, 25}, id="healthcare support worker"),
    pytest.param("GP", {11, 12}, {4, 13, 14}, id="GP: GP jobs, not those near a GP"),
    pytest.param("night shifts", {1, 5, 8, 16, 17, 21, 28}, {2, 3, 15}, id="night shifts: mentions are all there is"),
])
def test_the_first_page_holds_what_the_words_name(jobs, text, must, must_not):
    found = first_page(jobs(text=text))
    assert must <= found
    assert not (must_not & found)


def test_a_job_named_by_every_word_comes_before_one_named_by_some(jobs):
    ranked = [hit.id for hit in jobs(text="night care assistant").hits]
    assert ranked[0] == 17
    assert 8 not in ranked


def test_passing_mentions_are_found_when_no_title_or_role_names_the_words(jobs):
    assert first_page(jobs(text="preceptorship")) == {2}
    assert first_page(jobs(text="pharmacist")) == {11}


@pytest.mark.parametrize("facet", ["role_family", "pay_band"])
def test_facet_counts_describe_the_results(jobs, facet):
    result = jobs(text="nurse", facets=[facet], per_page=100)
    field = {"role_family": 3, "pay_band": 4}[facet]
    expected = {}
    for hit in result.hits:
        value = (JOBS[hit.id][2], JOBS[hit.id][3])[field - 3]
        if value:
            expected[value] = expected.get(value, 0) + 1
    assert result.facets[facet] == expected
    assert sum(expected.values()) <= result.total == len(result.hits)


def test_a_filter_does_not_bring_back_passing_mentions(jobs):
    result = jobs(text="nurse", role_family=["estates_ancillary"], facets=["role_family"])
    assert result.total == 0
    assert "estates_ancillary" not in {k for k, v in result.facets["role_family"].items() if v}


@pytest.mark.parametrize("bands, expected", [
    pytest.param(["band_5"], {1, 2}, id="band 5"),
    pytest.param(["band_6", "band_8a"], {3, 4}, id="band 6 or 8a"),
])
def test_pay_band_filter(jobs, bands, expected):
    assert first_page(jobs(text="nurse", pay_band=bands)) == expected


@pytest.mark.parametrize("typed, corrected, expected", [
    pytest.param("phsyio", "physiotherapist", {19, 20}, id="phsyio: a misspelt short form"),
    pytest.param("nurce", "nurse", NURSES | {6}, id="nurce"),
    pytest.param("porterr", "porter", {8, 9}, id="porterr"),
    pytest.param("carre assistant", "care assistant", {15, 16, 17}, id="carre assistant"),
])
def test_misspelt_words_with_no_results_show_the_corrected_results(jobs, typed, corrected, expected):
    result = jobs(text=typed)
    assert result.corrected_text == corrected
    assert result.suggestion is None
    assert first_page(result) == expected


def test_misspelt_words_are_only_suggested_when_asked_not_to_correct(jobs):
    result = jobs(text="nurce", correct_spelling=False)
    assert (result.total, result.corrected_text, result.suggestion) == (0, None, "nurse")


def test_words_that_find_something_are_not_corrected(jobs):
    result = jobs(text="midwife")
    assert result.corrected_text is None
    assert first_page(result) == {28}
