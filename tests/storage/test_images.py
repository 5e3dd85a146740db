"""Images to be shown on the site: judged by content, decoded in full, and of a sensible size."""
import io

import pytest
from PIL import Image, ImageFile

from portal.storage.checks import EVIDENCE_TYPES, MAX_IMAGE_SIDE, UploadRejected, check_image, identify
from tests.storage.samples import (
    HTML, IMAGE_JPEG, IMAGE_PNG, IMAGE_WEBP, JPEG, PDF, PNG, TRUNCATED_PNG, image, png_claiming,
)

UNREADABLE = "The picture could not be opened – save it again and upload the new copy"
TOO_LARGE = "The picture must be at most 4,000 pixels wide and 4,000 pixels high"


@pytest.mark.parametrize(("data", "name"), [(IMAGE_PNG, "png"), (IMAGE_JPEG, "jpeg"), (IMAGE_WEBP, "webp")])
def test_a_real_png_jpeg_or_webp_is_accepted(data, name):
    assert check_image(data, "picture").name == name


def test_only_the_allowed_types_are_accepted():
    with pytest.raises(UploadRejected, match="^The picture must be a PNG or JPG image$"):
        check_image(IMAGE_WEBP, "picture", allowed={"png", "jpeg"})
    with pytest.raises(ValueError):
        check_image(IMAGE_PNG, allowed={"pdf"})


@pytest.mark.parametrize("data", [HTML, PDF, b"", image("GIF"), image("BMP"), image("TIFF")])
def test_anything_else_is_refused_by_its_content(data):
    with pytest.raises(UploadRejected, match="^The picture must be a PNG, JPG or WebP image$"):
        check_image(data, "picture")


@pytest.mark.parametrize("data", [TRUNCATED_PNG, PNG, JPEG, IMAGE_JPEG[:200], IMAGE_WEBP[:40]])
def test_a_file_that_only_starts_like_an_image_is_refused(data):
    with pytest.raises(UploadRejected) as rejected:
        check_image(data, "picture")
    assert str(rejected.value) == UNREADABLE


@pytest.mark.parametrize("size", [(MAX_IMAGE_SIDE + 1, 1), (1, MAX_IMAGE_SIDE + 1), (100_000, 100_000), (2**31 - 1, 2**31 - 1)])
def test_an_image_claiming_too_many_pixels_is_refused_before_it_is_decoded(size, monkeypatch):
    decoded = []
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: decoded.append(self))
    with pytest.raises(UploadRejected) as rejected:
        check_image(png_claiming(*size), "picture")
    assert str(rejected.value) == TOO_LARGE
    assert decoded == []


def test_the_largest_sensible_image_is_accepted():
    buffer = io.BytesIO()
    Image.new("1", (MAX_IMAGE_SIDE, 1)).save(buffer, "PNG")
    assert check_image(buffer.getvalue()).name == "png"


def test_evidence_uploads_are_not_asked_to_be_webp():
    """Evidence keeps its own list of types; WebP is recognised but not among them."""
    with pytest.raises(UploadRejected):
        identify(IMAGE_WEBP, EVIDENCE_TYPES)
