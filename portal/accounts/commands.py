import click
from flask.cli import AppGroup

from portal.accounts import services
from portal.extensions import db
from portal.time import utcnow

cli = AppGroup("accounts", help="People's accounts and signed-in sessions.")


@cli.command("purge-sessions")
def purge_sessions():
    """Forget signed-in sessions started more than 30 days ago (run daily)."""
    count = services.purge_old_sessions(utcnow())
    db.session.commit()
    click.echo(f"Forgot {count} old signed-in {'session' if count == 1 else 'sessions'}")
