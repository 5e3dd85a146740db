from sqlalchemy import select

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.extensions import db
from tests.factories import sign_in

PASSWORD = "a long admin password"


def _user(app, email):
    with app.app_context():
        return db.session.scalar(select(User).where(User.email == email))


def test_create_an_admin(app, client):
    result = app.test_cli_runner().invoke(args=["admin", "create", "Boss@Example.org", "--name", "Alex Boss", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    admin = _user(app, "boss@example.org")
    assert admin.full_name == "Alex Boss"
    with app.app_context():
        assert db.session.get(User, admin.id).roles == {Role.ADMIN}
    sign_in(client, admin, PASSWORD)
    # A new admin sets up two-step sign-in before they can reach anything else.
    assert client.get("/admin").location == "/account/two-factor/set-up"


def test_the_password_is_prompted_for_when_left_out(app):
    result = app.test_cli_runner().invoke(
        args=["admin", "create", "boss@example.org", "--name", "Alex Boss"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert _user(app, "boss@example.org") is not None


def test_bad_input_creates_nobody(app, make_user):
    make_user(email="taken@example.org")
    runner = app.test_cli_runner()
    for args, message in (
        (["new@example.org", "--password", "short"], "at least 10 characters"),
        (["not-an-email", "--password", PASSWORD], "EMAIL"),
        (["taken@example.org", "--password", PASSWORD], "already exists"),
    ):
        result = runner.invoke(args=["admin", "create", *args, "--name", "X"])
        assert result.exit_code != 0 and message in result.output
    assert _user(app, "new@example.org") is None
