import click
from email_validator import EmailNotValidError, validate_email
from flask.cli import AppGroup

from portal.accounts.services import EmailAlreadyRegistered, find_user_by_email
from portal.admin import services
from portal.audit.models import AuditAction
from portal.audit.services import COMMAND_LINE_LABEL, record
from portal.extensions import db
from portal.twofactor import services as two_factor

cli = AppGroup("admin", help="Administrator accounts.")


@cli.command("create")
@click.argument("email")
@click.option("--name", prompt="Full name", help="The administrator's full name.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True, help="Prompted for when left out.")
def create(email: str, name: str, password: str):
    """Create an administrator account (they cannot be created through the website)."""
    try:
        validate_email(email, check_deliverability=False)
        user = services.create_admin(email, name, password)
    except EmailNotValidError as problem:
        raise click.BadParameter(str(problem), param_hint="EMAIL") from problem
    except EmailAlreadyRegistered as problem:
        raise click.ClickException(f"An account with {email} already exists") from problem
    except services.WeakPassword as problem:
        raise click.BadParameter(str(problem), param_hint="--password") from problem
    db.session.commit()
    click.echo(f"Created administrator {user.email}. They set up two-step sign-in the first time they sign in.")


@cli.command("reset-two-step")
@click.argument("email")
def reset_two_step(email: str):
    """Turn off someone's two-step sign-in, for a lost phone: they set it up again (admins must, at once)."""
    user = find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account has the email address {email}")
    two_factor.reset_two_factor(user)
    record(AuditAction.TWO_FACTOR_DISABLED, actor=None, actor_label=COMMAND_LINE_LABEL, subject=user,
           organisation_id=user.organisation_id, detail={"by": "reset-two-step command"})
    db.session.commit()
    click.echo(f"Two-step sign-in is reset for {user.email}; their recovery codes no longer work.")
