"""Great-circle distances in miles.

Hot loops compare the haversine term ``a`` (monotonic in distance) against
``a_limit(radius)`` rather than converting every point to miles.
"""

from __future__ import annotations

import math

EARTH_RADIUS_MILES = 3958.7613
MILES_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_MILES / 180.0


def haversine_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1 = math.radians(lat1)
    phi2 = math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2.0) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2.0) ** 2
    )
    return 2.0 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def a_limit(radius_miles: float) -> float:
    """The largest haversine term of a point within ``radius_miles``."""
    half_angle = radius_miles / (2.0 * EARTH_RADIUS_MILES)
    if half_angle >= math.pi / 2:
        return 1.0
    return math.sin(max(0.0, half_angle)) ** 2


def a_to_miles(a: float) -> float:
    return 2.0 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, radius_miles: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing the circle; longitude
    spans the whole globe near the poles or the antimeridian."""
    dlat = radius_miles / MILES_PER_DEGREE_LAT
    min_lat, max_lat = lat - dlat, lat + dlat
    widest = max(abs(min_lat), abs(max_lat))
    if widest >= 89.0:
        return min_lat, max_lat, -180.0, 180.0
    dlon = dlat / math.cos(math.radians(widest))
    if lon - dlon < -180.0 or lon + dlon > 180.0:
        return min_lat, max_lat, -180.0, 180.0
    return min_lat, max_lat, lon - dlon, lon + dlon
