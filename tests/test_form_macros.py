"""The shared form macros in templates/macros/forms.html."""
import re


def _render(app, call: str) -> str:
    with app.test_request_context("/"):
        template = app.jinja_env.from_string('{% from "macros/forms.html" import post_button %}' + call)
        return " ".join(template.render().split())


def test_a_post_button_is_a_form_with_the_csrf_token_and_one_button(app):
    html = _render(app, '{{ post_button("Save this job", "/jobs/1/save", variant="secondary", small=true) }}')
    assert html.startswith('<form method="post" action="/jobs/1/save">')
    assert re.search(r'<input type="hidden" name="csrf_token" value="[^"]+">', html)
    assert html.count("<button") == 1 and html.count("<input") == 1
    assert 'class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"' in html
    assert re.search(r'type="submit"\s*>\s*Save this job\s*</button>\s*</form>$', html)


def test_a_post_button_posts_to_its_own_page_when_given_no_address(app):
    html = _render(app, '{{ post_button("Withdraw application", variant="warning") }}')
    assert html.startswith('<form method="post">')
    assert "nhsuk-button--warning" in html


def test_a_post_button_says_what_it_is_for_and_escapes_what_it_is_given(app):
    html = _render(app, '{{ post_button("Remove", "/x", "<b>Carer</b> from saved jobs", fields={"next": "/a?b=1&c=2", "gone": none}, '
                        'classes="nhsuk-u-margin-bottom-0", form_classes="nhsuk-u-margin-top-2") }}')
    assert '<span class="nhsuk-u-visually-hidden"> &lt;b&gt;Carer&lt;/b&gt; from saved jobs</span>' in html
    assert '<input type="hidden" name="next" value="/a?b=1&amp;c=2">' in html
    assert 'name="gone"' not in html
    assert '<form method="post" action="/x" class="nhsuk-u-margin-top-2">' in html
    assert "nhsuk-u-margin-bottom-0" in html
