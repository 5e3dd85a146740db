"""Uploads are judged by their bytes: the name and the type the browser claims count for nothing."""
import pytest

from portal.storage.checks import (
    CV_TYPES,
    EVIDENCE_TYPES,
    UNREADABLE,
    UploadRejected,
    display_name,
    identify,
    size_label,
)
from tests.storage.samples import DOCX, EXE, HTML, JPEG, ODS, ODT, PDF, PNG, zip_bomb, zipped


@pytest.mark.parametrize(
    ("data", "name", "content_type"),
    [
        (PDF, "pdf", "application/pdf"),
        (DOCX, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (ODT, "odt", "application/vnd.oasis.opendocument.text"),
        (PNG, "png", "image/png"),
        (JPEG, "jpeg", "image/jpeg"),
    ],
)
def test_each_accepted_type_is_recognised_by_its_content(data, name, content_type):
    file_type = identify(data, EVIDENCE_TYPES)
    assert (file_type.name, file_type.content_type) == (name, content_type)


@pytest.mark.parametrize("data", [HTML, EXE, PNG, JPEG, ODS, b"plain text"])
def test_anything_else_is_refused_for_a_cv(data):
    with pytest.raises(UploadRejected) as rejected:
        identify(data, CV_TYPES)
    assert str(rejected.value) == "The selected file must be a PDF, DOCX or ODT"


def test_a_damaged_document_is_refused():
    with pytest.raises(UploadRejected) as rejected:
        identify(DOCX[:40], CV_TYPES)
    assert str(rejected.value) == UNREADABLE


def test_a_zip_that_is_not_a_word_document_is_refused():
    with pytest.raises(UploadRejected, match="must be a PDF, DOCX or ODT"):
        identify(zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}), CV_TYPES)


def test_the_message_lists_the_types_allowed():
    with pytest.raises(UploadRejected) as rejected:
        identify(HTML, EVIDENCE_TYPES)
    assert str(rejected.value) == "The selected file must be a PDF, DOCX, ODT, PNG or JPG"
    with pytest.raises(UploadRejected) as rejected:
        identify(DOCX, {"pdf"})
    assert str(rejected.value) == "The selected file must be a PDF"


def test_an_unknown_type_name_is_a_programming_error():
    with pytest.raises(ValueError, match="gif"):
        identify(PDF, {"pdf", "gif"})


def test_a_document_that_unzips_to_more_than_the_cap_is_refused(docx_bomb):
    assert len(docx_bomb) < 1024 * 1024
    with pytest.raises(UploadRejected) as rejected:
        identify(docx_bomb, CV_TYPES)
    assert str(rejected.value) == UNREADABLE


def test_an_entry_compressed_far_beyond_any_real_document_is_refused():
    with pytest.raises(UploadRejected, match="could not be opened"):
        identify(zip_bomb(5), CV_TYPES)


def test_a_zip_with_thousands_of_entries_is_refused():
    entries = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
    entries.update({f"word/media/{n}.xml": "" for n in range(1001)})
    with pytest.raises(UploadRejected, match="could not be opened"):
        identify(zipped(entries), CV_TYPES)


@pytest.mark.parametrize(
    ("original", "extension", "expected"),
    [
        ("CV.pdf", "pdf", "CV.pdf"),
        ("../../etc/passwd.pdf", "pdf", "passwd.pdf"),
        ("C:\\Users\\sam\\My CV.docx", "docx", "My CV.docx"),
        ("cv.pdf", "docx", "cv.docx"),
        ("report.final.html", "pdf", "report.final.pdf"),
        ('Sam "O\'Neil"; CV\r\n.pdf', "pdf", "Sam O'Neil CV.pdf"),
        ("Zoë’s CV.odt", "odt", "Zoë’s CV.odt"),
        ("....pdf", "pdf", "document.pdf"),
        ("x" * 300 + ".pdf", "pdf", "x" * 100 + ".pdf"),
    ],
)
def test_display_names_keep_only_the_file_name_and_the_real_extension(original, extension, expected):
    assert display_name(original, extension) == expected


def test_sizes_read_as_people_see_them():
    assert size_label(5 * 1024 * 1024) == "5 MB"
    assert size_label(1536 * 1024) == "1.5 MB"
    assert size_label(1024) == "1 KB"
