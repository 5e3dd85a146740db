"""The workforce team edit the careers content in the admin area: who may, what a bad edit gets, drafts,
publishing, history, restoring, two editors at once and the audit trail."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from portal.accounts.roles import Role
from portal.audit.models import AuditAction, AuditEvent
from portal.careers import services
from portal.careers.content import ContentKind
from portal.careers.models import CareerRevision
from portal.extensions import db
from tests.factories import sign_in
from tests.test_page_structure import check

ROLE = "care_worker"
EDIT = f"/admin/careers/role/{ROLE}"
PAGES = [
    "/admin/careers",
    EDIT,
    f"{EDIT}/history",
    "/admin/careers/pathway/care-worker-to-registered-nurse",
    "/admin/careers/quiz/quiz",
    "/admin/careers/interests/interests",
    "/admin/careers/pathways/new",
]
OLD_SUMMARY = "You help older people and adults with disabilities or dementia to live well."
NEW_SUMMARY = "You help older people and adults with disabilities to live the life they choose."


# Helpers ------------------------------------------------------------------------------------------------

def state(app, kind=ContentKind.ROLE, key=ROLE):
    """(version, published text, draft text, number of revisions) of a document, read afresh."""
    with app.app_context():
        document = services.find_document(kind, key)
        revisions = db.session.scalar(select(func.count(CareerRevision.id)).where(
            CareerRevision.kind == kind, CareerRevision.key == key))
        return (document.version, document.published.text if document.published else None,
                document.draft.text if document.draft else None, revisions)


def published(app):
    with app.app_context():
        return services.published_content()


def text_of(app, kind=ContentKind.ROLE, key=ROLE):
    with app.app_context():
        return services.editing_text(services.find_document(kind, key))


def form_version(client, path=EDIT) -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)


def send(client, text, action="draft", path=EDIT, version=None, **extra):
    version = form_version(client, path) if version is None else version
    return client.post(path, data={"text": text, "version": version, "action": action, **extra})


def edited(app, old=OLD_SUMMARY, new=NEW_SUMMARY, kind=ContentKind.ROLE, key=ROLE):
    text = text_of(app, kind, key)
    assert old in text
    return text.replace(old, new)


def audit_actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


# Who may -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_signed_out_people_are_sent_to_sign_in(client, careers_content, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("roles", [(Role.JOB_SEEKER,), (Role.RECRUITER,)])
def test_people_who_are_not_admins_are_refused_and_change_nothing(app, client, make_user, careers_content, roles):
    sign_in(client, make_user(roles=roles))
    before = state(app)
    for path in PAGES:
        assert client.get(path).status_code == 403, path
    text = edited(app)
    for path, data in [
        (EDIT, {"text": text, "version": before[0], "action": "publish"}),
        (f"{EDIT}/publish-draft", {"version": before[0]}),
        (f"{EDIT}/discard-draft", {"version": before[0]}),
        (f"{EDIT}/history/1/restore", {"version": before[0]}),
        ("/admin/careers/pathways/new", {"slug": "new-one", "text": text, "action": "publish"}),
    ]:
        assert client.post(path, data=data).status_code == 403, path
    assert state(app) == before


def test_a_recruiter_is_refused(app, recruiter_client, careers_content):
    client, _organisation = recruiter_client()
    assert client.get(EDIT).status_code == 403
    assert client.post(EDIT, data={"text": edited(app), "version": 1, "action": "publish"}).status_code == 403


def test_pages_are_never_stored_and_well_formed(admin_client, careers_content):
    for path in PAGES:
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response.headers["Cache-Control"], path
        check(admin_client, path)


@pytest.mark.parametrize("path", [
    "/admin/careers/recipe/care_worker", "/admin/careers/role/no_such_role", "/admin/careers/pathway/no-such-path",
    "/admin/careers/quiz/other", "/admin/careers/role/no_such_role/history", "/admin/careers/interests/quiz",
])
def test_an_unknown_kind_or_key_is_not_found(admin_client, careers_content, path):
    assert admin_client.get(path).status_code == 404


def test_the_dashboard_links_to_the_careers_content(admin_client):
    assert 'href="/admin/careers"' in admin_client.get("/admin").get_data(as_text=True)


def test_the_list_shows_every_kind_with_names_and_states(app, admin_client, careers_content):
    send(admin_client, edited(app))
    page = admin_client.get("/admin/careers").get_data(as_text=True)
    assert 'href="/admin/careers/role/care_worker">Care worker</a>' in page
    assert "Nursing and midwifery" in page  # roles are grouped by their family
    assert 'href="/admin/careers/pathway/care-worker-to-registered-nurse"' in page
    assert 'href="/admin/careers/quiz/quiz"' in page and 'href="/admin/careers/interests/interests"' in page
    assert "Draft waiting" in page and "Published" in page
    assert "by Alex Admin" in page and "by the content files" in page


# A bad edit loses nothing ---------------------------------------------------------------------------------

def _bad_edits(app):
    text = text_of(app)
    front, body = text.split("+++", 2)[1:]
    return {
        "broken TOML": text.replace('personal_care = true', 'personal_care = = true'),
        "unknown interest": text.replace('interests = ["caring", "hands_on"]', 'interests = ["caring", "juggling"]'),
        "missing section": text.replace("## Training you get", "## Training"),
        "leads to itself": text.replace('leads_to = ["senior_care_worker"', 'leads_to = ["care_worker", "senior_care_worker"'),
        "too long": text + "x" * (60_001 - len(text)),
    }, (front, body)


PROBLEMS = {
    "broken TOML": "The facts between the +++ lines cannot be read",
    "unknown interest": "“interests” has unknown codes: juggling",
    "missing section": "the sections must be, in this order",
    "leads to itself": "“leads_to” cannot name the role itself",
    "too long": "The text is too long: the most is 60,000 characters",
}


@pytest.mark.parametrize("action", ["preview", "draft", "publish"])
@pytest.mark.parametrize("kind", list(PROBLEMS))
def test_a_bad_edit_is_refused_with_its_problems_and_loses_nothing(app, admin_client, careers_content, kind, action):
    bad = _bad_edits(app)[0][kind]
    assert len(bad) == 60_001 or len(bad) < 60_000
    before, public_before = state(app), published(app).roles[ROLE]
    response = send(admin_client, bad, action=action)
    page = response.get_data(as_text=True)
    assert 400 <= response.status_code < 500
    assert "There is a problem" in page
    assert str(escape(PROBLEMS[kind])) in page
    assert 'href="#text"' in page  # the error summary links to the text box
    # The text box holds exactly what was sent (a NUL arrives as the browser shows it).
    assert f">{escape(bad)}</textarea>" in page
    assert state(app) == before
    assert published(app).roles[ROLE] == public_before
    assert 'id="preview"' not in page


@pytest.mark.parametrize("kind, key", [(ContentKind.ROLE, ROLE), (ContentKind.QUIZ, "quiz")])
def test_a_nul_byte_never_reaches_the_content(app, admin_client, careers_content, kind, key):
    """Every form drops control characters on the way in (portal.text), so the rest of the text is kept."""
    path = f"/admin/careers/{kind.value}/{key}"
    text = text_of(app, kind, key)
    word = "kindness" if kind is ContentKind.ROLE else "enjoy"
    preview = send(admin_client, text.replace(word, word[:3] + "\x00" + word[3:], 1), action="preview", path=path)
    assert f">{escape(text)}</textarea>" in preview.get_data(as_text=True)
    changed = text.replace(word, word[:3] + "\x00" + word[3:] + "s", 1)
    assert send(admin_client, changed, action="publish", path=path).status_code == 303
    stored = state(app, kind, key)[1]
    assert "\x00" not in stored and stored == changed.replace("\x00", "")


def test_a_missing_or_forged_version_is_refused(app, admin_client, careers_content):
    before = state(app)
    for version in ("", "abc", "99999999999"):
        response = send(admin_client, edited(app), action="publish", version=version)
        assert response.status_code == 400
        assert "This form is out of date" in response.get_data(as_text=True)
    assert state(app) == before


def test_a_long_note_is_refused_with_the_text_kept(app, admin_client, careers_content):
    before, text = state(app), edited(app)
    response = send(admin_client, text, action="publish", note="x" * 201)
    assert response.status_code == 400
    assert "The note must be 200 characters or fewer" in response.get_data(as_text=True)
    assert f">{escape(text)}</textarea>" in response.get_data(as_text=True)
    assert state(app) == before


# Preview, draft, publish ----------------------------------------------------------------------------------

def test_preview_shows_the_facts_and_sections_and_saves_nothing(app, admin_client, careers_content):
    before = state(app)
    text = edited(app).replace("## A day in the job\n", "## A day in the job\n\n**Early shift** first.\n\n", 1)
    response = send(admin_client, text, action="preview")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="preview"' in page
    assert NEW_SUMMARY in page
    assert "Residential care" in page or "Care homes" in page  # sectors by their names
    assert "Senior care worker" in page  # leads_to by its name
    assert "<strong>Early shift</strong> first." in page  # Markdown rendered
    assert f">{escape(text)}</textarea>" in page  # and the text is kept to go on editing
    assert state(app) == before


def test_a_draft_leaves_the_public_content_alone_until_it_is_published(app, admin_client, careers_content):
    text = edited(app)
    response = send(admin_client, text)
    assert response.status_code == 303
    assert published(app).roles[ROLE].summary.startswith(OLD_SUMMARY)
    version, published_text, draft, _count = state(app)
    assert draft == text and OLD_SUMMARY in published_text
    page = admin_client.get(EDIT).get_data(as_text=True)
    assert "Saved as a draft" in page and NEW_SUMMARY in page and "Publish the draft" in page

    response = admin_client.post(f"{EDIT}/publish-draft", data={"version": version})
    assert response.status_code == 303
    assert published(app).roles[ROLE].summary.startswith(NEW_SUMMARY)
    assert state(app)[2] is None


def test_publishing_changes_the_public_content_at_once(app, admin_client, careers_content):
    _version, _published, _draft, count = state(app)
    response = send(admin_client, edited(app), action="publish", note="Kinder summary")
    assert response.status_code == 303
    assert published(app).roles[ROLE].summary.startswith(NEW_SUMMARY)
    assert state(app)[3] == count + 1
    assert "Published: the public pages show it now" in admin_client.get(EDIT).get_data(as_text=True)


def test_the_same_publish_sent_twice_makes_one_revision(app, admin_client, careers_content):
    text, version = edited(app), form_version(admin_client)
    _v, _p, _d, count = state(app)
    first = send(admin_client, text, action="publish", version=version)
    second = send(admin_client, text, action="publish", version=version)
    assert (first.status_code, second.status_code) == (303, 303)
    assert state(app)[3] == count + 1
    assert audit_actions(app).count(AuditAction.CAREERS_CONTENT_PUBLISHED.value) == 1


def test_publishing_the_same_draft_twice_publishes_it_once(app, admin_client, careers_content):
    send(admin_client, edited(app))
    version = form_version(admin_client)
    assert admin_client.post(f"{EDIT}/publish-draft", data={"version": version}).status_code == 303
    again = admin_client.post(f"{EDIT}/publish-draft", data={"version": version})
    assert again.status_code == 409
    assert "There is no draft to publish" in again.get_data(as_text=True)
    assert audit_actions(app).count(AuditAction.CAREERS_CONTENT_PUBLISHED.value) == 1


def test_discarding_a_draft_asks_first_then_keeps_it_in_the_history(app, admin_client, careers_content):
    text = edited(app)
    send(admin_client, text)
    confirm = admin_client.get(f"{EDIT}/discard-draft")
    assert confirm.status_code == 200
    assert "Discard the draft of Care worker?" in confirm.get_data(as_text=True)
    version = form_version(admin_client)
    assert admin_client.post(f"{EDIT}/discard-draft", data={"version": version}).status_code == 303
    _v, published_text, draft, _count = state(app)
    assert draft is None and OLD_SUMMARY in published_text
    with app.app_context():
        newest = services.history(services.find_document(ContentKind.ROLE, ROLE))[0]
        assert newest.text == text  # the discarded draft, still there to restore
    # No draft left: the question page sends the person back to the edit page.
    assert admin_client.get(f"{EDIT}/discard-draft").status_code == 303
    assert admin_client.post(f"{EDIT}/discard-draft", data={"version": state(app)[0]}).status_code == 409


def test_publishing_a_draft_that_no_longer_reads_is_refused(app, admin_client, careers_content, make_admin):
    """A draft checked when saved, then made invalid by removing the new interest area it names (which no
    published role uses, so removing it is allowed)."""
    interests = text_of(app, ContentKind.INTERESTS, "interests")
    outdoors = '[[interests]]\ncode = "outdoors"\nname = "Outdoors"\ndescription = "Working outside."\n\n'
    with app.app_context():
        from portal.accounts.models import User
        admin = db.session.get(User, make_admin().id)

    def publish_interests(text):
        with app.app_context():
            document = services.find_document(ContentKind.INTERESTS, "interests")
            services.save(ContentKind.INTERESTS, "interests", text, db.session.merge(admin), publish=True,
                          version=document.version)
            db.session.commit()

    publish_interests(interests + "\n" + outdoors)
    send(admin_client, edited(app).replace('interests = ["caring", "hands_on"]', 'interests = ["caring", "outdoors"]'))
    version = form_version(admin_client)
    publish_interests(interests)
    before = state(app)
    response = admin_client.post(f"{EDIT}/publish-draft", data={"version": version})
    assert response.status_code == 422
    assert str(escape("“interests” has unknown codes: outdoors")) in response.get_data(as_text=True)
    assert state(app) == before


# Two editors at once --------------------------------------------------------------------------------------

def test_the_second_of_two_editors_gets_the_conflict_with_their_text_kept(app, admin_client, careers_content,
                                                                           make_admin):
    other = app.test_client()
    sign_in(other, make_admin())
    version = form_version(admin_client)
    assert form_version(other) == version
    mine, theirs = edited(app), edited(app, new="You care for older people in their own homes and in care homes.")
    assert send(admin_client, mine, action="publish", version=version).status_code == 303
    before = state(app)
    response = send(other, theirs, action="draft", version=version)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone else saved this page after you opened it" in page
    assert f">{escape(theirs)}</textarea>" in page
    assert state(app) == before
    assert published(app).roles[ROLE].summary.startswith(NEW_SUMMARY)


# History and restoring ------------------------------------------------------------------------------------

def test_history_shows_who_changed_what_and_when_newest_first(app, admin_client, careers_content):
    send(admin_client, edited(app), action="publish", note="Kinder summary")
    send(admin_client, edited(app, old=NEW_SUMMARY, new="A draft summary."), note="Trying a shorter one")
    page = admin_client.get(f"{EDIT}/history").get_data(as_text=True)
    assert page.index("Trying a shorter one") < page.index("Kinder summary") < page.index("the content files")
    assert "Alex Admin" in page and "Live" in page and "Draft" in page
    assert "Published" in page and "by Alex Admin" in page


def test_a_revision_can_be_read_but_not_through_another_document(app, admin_client, careers_content):
    with app.app_context():
        mine = services.history(services.find_document(ContentKind.ROLE, ROLE))[0].id
        other = services.history(services.find_document(ContentKind.ROLE, "senior_care_worker"))[0].id
    page = admin_client.get(f"{EDIT}/history/{mine}")
    assert page.status_code == 200 and OLD_SUMMARY in page.get_data(as_text=True)
    assert admin_client.get(f"{EDIT}/history/{other}").status_code == 404
    assert admin_client.get(f"{EDIT}/history/999999").status_code == 404
    before = state(app)
    assert admin_client.post(f"{EDIT}/history/{other}/restore", data={"version": before[0]}).status_code == 404
    assert state(app) == before


def test_restoring_then_publishing_brings_the_old_text_back(app, admin_client, careers_content):
    original = text_of(app)
    with app.app_context():
        first = services.history(services.find_document(ContentKind.ROLE, ROLE))[0].id
    send(admin_client, edited(app), action="publish")
    assert published(app).roles[ROLE].summary.startswith(NEW_SUMMARY)
    response = admin_client.post(f"{EDIT}/history/{first}/restore", data={"version": state(app)[0]})
    assert response.status_code == 303 and response.headers["Location"] == EDIT
    page = admin_client.get(EDIT).get_data(as_text=True)
    assert "is now the draft" in page
    assert published(app).roles[ROLE].summary.startswith(NEW_SUMMARY)  # a draft until published
    assert state(app)[2] == original
    admin_client.post(f"{EDIT}/publish-draft", data={"version": state(app)[0]})
    assert state(app)[1] == original
    assert published(app).roles[ROLE].summary.startswith(OLD_SUMMARY)


def test_restoring_with_an_old_version_is_refused(app, admin_client, careers_content):
    with app.app_context():
        first = services.history(services.find_document(ContentKind.ROLE, ROLE))[0].id
    stale = state(app)[0]
    send(admin_client, edited(app), action="publish")
    before = state(app)
    response = admin_client.post(f"{EDIT}/history/{first}/restore", data={"version": stale})
    assert response.status_code == 409
    assert "Someone else saved this page" in response.get_data(as_text=True)
    assert state(app) == before


# Audit -----------------------------------------------------------------------------------------------------

def test_each_change_is_in_the_audit_trail(app, admin_client, careers_content):
    send(admin_client, edited(app))
    admin_client.post(f"{EDIT}/discard-draft", data={"version": state(app)[0]})
    send(admin_client, edited(app), action="publish")
    assert [action for action in audit_actions(app) if action.startswith("careers_")] == [
        AuditAction.CAREERS_CONTENT_SAVED.value, AuditAction.CAREERS_DRAFT_DISCARDED.value,
        AuditAction.CAREERS_CONTENT_PUBLISHED.value,
    ]
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(
            AuditEvent.action == AuditAction.CAREERS_CONTENT_PUBLISHED.value))
        assert event.detail == {"kind": "role", "key": ROLE}
        assert event.actor.full_name == "Alex Admin"


# The quiz, the interest areas and pathways -------------------------------------------------------------------

def test_editing_the_quiz_changes_its_questions(app, admin_client, careers_content):
    path = "/admin/careers/quiz/quiz"
    text = edited(app, 'text = "What do you enjoy most?"', 'text = "What do you like doing most?"',
                  ContentKind.QUIZ, "quiz")
    preview = send(admin_client, text, action="preview", path=path)
    assert preview.status_code == 200 and "What do you like doing most?" in preview.get_data(as_text=True)
    assert send(admin_client, text, action="publish", path=path).status_code == 303
    assert published(app).quiz.question("enjoy").text == "What do you like doing most?"


def test_a_quiz_scoring_a_trait_no_role_can_have_is_refused(app, admin_client, careers_content):
    path = "/admin/careers/quiz/quiz"
    before = state(app, ContentKind.QUIZ, "quiz")
    text = edited(app, 'trait = "interest:caring"', 'trait = "interest:juggling"', ContentKind.QUIZ, "quiz")
    response = send(admin_client, text, action="publish", path=path)
    assert response.status_code == 422
    assert "no role has the trait “interest:juggling”" in response.get_data(as_text=True)
    assert state(app, ContentKind.QUIZ, "quiz") == before


def test_editing_the_interest_areas_works_and_removing_one_in_use_is_refused(app, admin_client, careers_content):
    path = "/admin/careers/interests/interests"
    text = text_of(app, ContentKind.INTERESTS, "interests")
    renamed = text.replace('name = "Caring for people"', 'name = "Looking after people"')
    assert send(admin_client, renamed, action="publish", path=path).status_code == 303
    assert published(app).interest("caring").name == "Looking after people"

    before = state(app, ContentKind.INTERESTS, "interests")
    block = re.search(r'\[\[interests\]\]\ncode = "caring"\n[^\[]*', renamed).group(0)
    response = send(admin_client, renamed.replace(block, ""), action="publish", path=path)
    assert response.status_code == 422
    assert "Roles still use these interest areas: caring" in response.get_data(as_text=True)
    assert state(app, ContentKind.INTERESTS, "interests") == before


def _with_step(text: str, start: str, end: str) -> str:
    closing = text.index("\n+++", 3)
    step = f'\n[[steps]]\nfrom = "{start}"\nto = "{end}"\nkind = "experience"\nwhat = "Learn on the job."\ntime = "1 year"\n'
    return text[:closing] + step + text[closing:]


def test_a_pathway_edit_moves_its_map_and_a_loop_is_refused(app, admin_client, careers_content):
    slug = "care-worker-to-registered-nurse"
    path = f"/admin/careers/pathway/{slug}"
    text = text_of(app, ContentKind.PATHWAY, slug)
    assert ("care_worker", "senior_care_worker") in {
        (step.from_role, step.to_role) for step in careers_content.pathways[slug].steps}
    before = state(app, ContentKind.PATHWAY, slug)
    response = send(admin_client, _with_step(text, "senior_care_worker", "care_worker"), action="publish", path=path)
    assert response.status_code == 422
    assert "the steps go round in a loop" in response.get_data(as_text=True)
    assert state(app, ContentKind.PATHWAY, slug) == before

    longer = _with_step(text, "care_worker", "activities_coordinator")
    assert send(admin_client, longer, action="publish", path=path).status_code == 303
    assert "activities_coordinator" in published(app).pathways[slug].roles


def test_a_new_pathway_starts_from_a_valid_text_and_is_published(app, admin_client, careers_content):
    page = admin_client.get("/admin/careers/pathways/new").get_data(as_text=True)
    text = re.search(r'<textarea[^>]*>(.*?)</textarea>', page, re.DOTALL).group(1)
    text = text.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")
    preview = admin_client.post("/admin/careers/pathways/new", data={"slug": "into-care", "text": text,
                                                                      "action": "preview"})
    assert preview.status_code == 200 and 'id="preview"' in preview.get_data(as_text=True)
    response = admin_client.post("/admin/careers/pathways/new", data={"slug": "into-care", "text": text,
                                                                       "action": "publish"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/admin/careers/pathway/into-care"
    assert "into-care" in published(app).pathways
    again = admin_client.post("/admin/careers/pathways/new", data={"slug": "into-care", "text": text,
                                                                    "action": "draft"})
    assert again.status_code == 409
    assert "A pathway already has this address" in again.get_data(as_text=True)
    assert state(app, ContentKind.PATHWAY, "into-care")[3] == 1


@pytest.mark.parametrize("slug", ["", "Into Care", "into_care", "a" * 81, "../roles"])
def test_a_new_pathway_needs_a_good_address(app, admin_client, careers_content, slug):
    response = admin_client.post("/admin/careers/pathways/new", data={"slug": slug, "text": "+++\n+++\n",
                                                                       "action": "publish"})
    assert response.status_code == 400
    assert 'href="#slug"' in response.get_data(as_text=True)
    assert len(published(app).pathways) == len(careers_content.pathways)
