"""The careers content files load into the database, all or nothing, without overwriting the team's edits."""
from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from portal.careers.content import ROLE_SECTIONS, ContentInvalid, ContentKind
from portal.careers.models import CareerDocument, CareerRevision
from portal.careers.services import CONTENT_DIR, load_content_files, published_content, save
from portal.extensions import db
from portal.reference.models import JobRole


@pytest.fixture
def content_copy(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


def test_every_role_in_the_reference_list_has_content_and_forty_are_written_in_full(app, careers_content):
    with app.app_context():
        codes = set(db.session.scalars(select(JobRole.code)))
    assert set(careers_content.roles) == codes
    full = [role for role in careers_content.roles.values() if role.is_full]
    assert len(full) >= 40
    for role in careers_content.roles.values():
        assert role.summary and role.entry_routes, role.code
    for role in full:
        assert [heading for heading, _text in role.sections] == list(ROLE_SECTIONS)
        assert all(len(text.split()) >= 30 for _heading, text in role.sections), role.code


def test_the_content_has_pathways_a_quiz_and_interest_areas(careers_content):
    assert len(careers_content.pathways) >= 8
    assert 10 <= len(careers_content.quiz.questions) <= 14
    assert {interest.code for interest in careers_content.interests} >= {
        "caring", "hands_on", "science", "behind_the_scenes", "leading"}


def test_loading_twice_changes_nothing(app, careers_content):
    with app.app_context():
        revisions = db.session.scalar(select(func.count()).select_from(CareerRevision))
        report = load_content_files()
        db.session.commit()
        assert report.unchanged == revisions and not report.added and not report.updated
        assert db.session.scalar(select(func.count()).select_from(CareerRevision)) == revisions


def test_a_changed_file_is_published_where_nobody_edited(app, content_copy):
    path = content_copy / "roles" / "porter.md"
    with app.app_context():
        load_content_files(content_copy)
        db.session.commit()
        path.write_text(path.read_text().replace('summary = "', 'summary = "Updated. ', 1))
        report = load_content_files(content_copy)
        db.session.commit()
        assert report.updated == ["role porter"]
        assert published_content().roles["porter"].summary.startswith("Updated. ")


def test_a_changed_file_never_overwrites_the_teams_edit(app, content_copy, make_admin):
    admin = make_admin()
    path = content_copy / "roles" / "porter.md"
    with app.app_context():
        load_content_files(content_copy)
        db.session.commit()
        document = db.session.scalar(select(CareerDocument).where(CareerDocument.key == "porter"))
        edited = document.published.text.replace('summary = "', 'summary = "Edited by the team. ', 1)
        save(ContentKind.ROLE, "porter", edited, db.session.merge(admin), publish=True, version=document.version)
        db.session.commit()
        path.write_text(path.read_text().replace('summary = "', 'summary = "From the file. ', 1))
        report = load_content_files(content_copy)
        db.session.commit()
        assert report.kept_edits == ["role porter"]
        assert published_content().roles["porter"].summary.startswith("Edited by the team. ")
        texts = db.session.scalars(select(CareerRevision.text).where(CareerRevision.key == "porter")).all()
        assert any("From the file. " in text for text in texts)


def test_one_bad_file_loads_nothing_and_names_the_file(app, content_copy):
    (content_copy / "roles" / "porter.md").write_text("+++\nsummary = \"no end\n+++\n")
    (content_copy / "pathways" / "loop.md").write_text(
        '+++\ntitle = "Loop"\nsummary = "Round"\nsectors = ["acute_trust"]\n'
        '[[steps]]\nfrom = "porter"\nto = "administrator"\nkind = "experience"\nwhat = "x"\ntime = "1 year"\n'
        '[[steps]]\nfrom = "administrator"\nto = "porter"\nkind = "experience"\nwhat = "x"\ntime = "1 year"\n+++\n')
    (content_copy / "roles" / "ward_clerk.md").unlink()
    with app.app_context():
        with pytest.raises(ContentInvalid) as refused:
            load_content_files(content_copy)
        db.session.rollback()
        problems = "\n".join(refused.value.problems)
        assert "role porter:" in problems and "line" in problems
        assert "pathway loop:" in problems and "loop" in problems
        assert "ward_clerk" in problems
        assert db.session.scalar(select(func.count()).select_from(CareerDocument)) == 0


def test_the_load_command_reports_and_refuses(app, content_copy, monkeypatch):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["careers", "load"])
    assert result.exit_code == 0, result.output
    assert "added" in result.output
    (content_copy / "quiz.toml").write_text("questions = 3")
    monkeypatch.setattr("portal.careers.services.CONTENT_DIR", content_copy)
    monkeypatch.setattr(load_content_files, "__defaults__", (content_copy,))
    result = runner.invoke(args=["careers", "load"])
    assert result.exit_code != 0
    assert "Nothing was loaded" in result.output


def test_an_editors_pages_are_in_their_export_and_stay_without_their_name_when_they_leave(
        app, careers_content, make_admin):
    from portal.privacy.services import delete_account, registered_sections

    admin = make_admin()
    with app.app_context():
        editor = db.session.merge(admin)
        document = db.session.scalar(select(CareerDocument).where(CareerDocument.key == "porter"))
        text = document.published.text.replace('summary = "', 'summary = "Edited. ', 1)
        save(ContentKind.ROLE, "porter", text, editor, publish=True, version=document.version)
        db.session.commit()
        section = next(section for section in registered_sections() if section.name == "careers")
        exported = section.export(editor)
        assert [item["page"] for item in exported["careers_pages_edited"]] == ["role porter"]
        assert exported["careers_pages_edited"][0]["published_at"] is not None
        delete_account(editor)
        db.session.commit()
        revision = db.session.scalar(select(CareerRevision).where(CareerRevision.text == text))
        assert revision.author_id is None and revision.published_by_id is None
        assert published_content().roles["porter"].summary.startswith("Edited. ")
