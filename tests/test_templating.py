from datetime import datetime

from portal.templating import format_uk_time


def test_times_show_as_the_clock_in_england():
    assert format_uk_time(datetime(2026, 1, 15, 14, 5)) == "2:05pm"  # GMT
    assert format_uk_time(datetime(2026, 7, 15, 11, 30)) == "12:30pm"  # BST is an hour ahead
    assert format_uk_time(datetime(2026, 7, 14, 23, 59)) == "12:59am"
    assert format_uk_time(None) == ""
