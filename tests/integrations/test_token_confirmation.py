"""Revoking an API token asks first, on a page of its own."""
from tests.confirmation import assert_asks_first, assert_no_form_posts_to
from tests.integrations.test_tokens import TOKENS, _tokens


def test_revoking_a_token_asks_first_and_the_list_only_links_to_it(app, recruiter_client):
    recruiter, _ = recruiter_client()
    recruiter.post(TOKENS, data={"name": "Trac"})
    [stored] = _tokens(app)

    listing = recruiter.get(TOKENS).get_data(as_text=True)
    page = recruiter.get(f"{TOKENS}/{stored.id}/revoke").get_data(as_text=True)

    assert_no_form_posts_to(listing, "/revoke")
    assert f'href="{TOKENS}/{stored.id}/revoke"' in listing
    assert_asks_first(page, "Are you sure you want to revoke the token Trac?", "can no longer add, change or close",
                      f"{TOKENS}/{stored.id}/revoke", TOKENS)
    assert _tokens(app)[0].revoked_at is None
    recruiter.post(f"{TOKENS}/{stored.id}/revoke")
    assert _tokens(app)[0].revoked_at is not None


def test_another_organisations_token_has_no_confirmation_page(app, recruiter_client):
    theirs, _ = recruiter_client()
    theirs.post(TOKENS, data={"name": "Theirs"})
    [their_token] = _tokens(app)
    ours, _ = recruiter_client()

    assert ours.get(f"{TOKENS}/{their_token.id}/revoke").status_code == 404
