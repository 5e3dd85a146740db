"""Checks for a confirmation page: it asks, says what will happen, posts to the action, and can be cancelled."""
import re


def assert_asks_first(page: str, question: str, consequence: str, action: str, cancel: str) -> None:
    assert f'<h1 class="nhsuk-heading-l">{question}</h1>' in page
    assert consequence in page
    assert f'<form method="post" action="{action}"' in page
    assert f'<a class="nhsuk-link" href="{cancel}">Cancel</a>' in page


def assert_no_form_posts_to(page: str, action_ending: str) -> None:
    """The list page links to the confirmation page rather than posting to the action in one click."""
    assert not re.search(rf'<form[^>]*action="[^"]*{re.escape(action_ending)}"', page)
