"""Places people search from: towns and postcode districts, looked up without any network call."""
from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select

from portal.extensions import db
from portal.locations.models import Place

DEMO_PLACES = Path(__file__).parent / "data" / "places.csv"
EARTH_RADIUS_MILES = 3958.8
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})?$")
# ONSPD marks postcodes without a grid reference with this latitude.
ONSPD_NO_LOCATION = 99.999999


def place_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def postcode_district(text: str) -> str | None:
    match = POSTCODE.match(text.strip().upper())
    return match.group(1) if match else None


def _upsert_places(rows: Iterable[tuple[str, str, float, float]]) -> int:
    existing = {(p.kind, p.key): p for p in db.session.scalars(select(Place))}
    count = 0
    for kind, name, latitude, longitude in rows:
        key = place_key(name) if kind == "town" else name.upper()
        place = existing.get((kind, key))
        if place is None:
            place = Place(kind=kind, key=key)
            db.session.add(place)
            existing[(kind, key)] = place
        place.name, place.latitude, place.longitude = name, latitude, longitude
        count += 1
    db.session.flush()
    return count


def load_demo_places(path: Path = DEMO_PLACES) -> int:
    with open(path, newline="", encoding="utf-8") as handle:
        return _upsert_places(
            (row["kind"], row["name"], float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)
        )


def load_ons_postcode_directory(path: Path) -> int:
    """Postcode districts with the mean position of their live postcodes, from an ONSPD CSV."""
    sums: dict[str, list[float]] = {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            if row.get("doterm", "").strip():
                continue
            postcode = (row.get("pcds") or row.get("pcd") or "").strip().upper()
            district = postcode_district(postcode)
            try:
                latitude, longitude = float(row["lat"]), float(row["long"])
            except (KeyError, ValueError):
                continue
            if district is None or latitude == ONSPD_NO_LOCATION:
                continue
            total = sums.setdefault(district, [0.0, 0.0, 0])
            total[0] += latitude
            total[1] += longitude
            total[2] += 1
    return _upsert_places(
        ("postcode_district", district, round(lat / n, 5), round(lon / n, 5))
        for district, (lat, lon, n) in sorted(sums.items())
    )


def find_place(text: str) -> Place | None:
    """A town by name, or the district of a postcode or outward code."""
    text = (text or "").strip()
    if not text:
        return None
    district = postcode_district(text)
    if district:
        place = db.session.scalar(select(Place).where(Place.kind == "postcode_district", Place.key == district))
        if place:
            return place
    return db.session.scalar(select(Place).where(Place.kind == "town", Place.key == place_key(text)))


def place_names(prefix: str = "", limit: int = 10) -> list[str]:
    query = select(Place.name).where(Place.kind == "town").order_by(Place.name).limit(limit)
    if prefix:
        query = query.where(Place.key.startswith(place_key(prefix)))
    return list(db.session.scalars(query))


def distance_miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))
