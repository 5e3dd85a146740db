import click
from flask.cli import AppGroup

from portal.extensions import db
from portal.passport.catalogue import load_catalogue

cli = AppGroup("passport", help="The skills passport: its catalogue, expiry reminders and signing key.")


@cli.command("load-catalogue")
def load_catalogue_command():
    """Add the standard competences and role requirements the catalogue lacks (admin changes are kept)."""
    added = load_catalogue()
    db.session.commit()
    click.echo("Added " + ", ".join(f"{count} {name}" for name, count in added.items()))
