import io

from tests.storage.samples import IMAGE_JPEG as JPEG
from tests.storage.samples import IMAGE_PNG as PNG


def organisation_form(**overrides):
    data = {
        "name": "Wreake Valley Care",
        "sector_code": "home_care",
        "website": "https://wreakevalley.example.org",
        "about": "We support **older people** at home.",
        "sites-0-name": "Head office",
        "sites-0-town": "Syston",
        "sites-0-postcode": "le7 1aa",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def upload(content: bytes, filename: str):
    return (io.BytesIO(content), filename)
