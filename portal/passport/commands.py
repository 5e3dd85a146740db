from datetime import date

import click
from flask.cli import AppGroup

from portal.extensions import db
from portal.passport.catalogue import load_catalogue
from portal.passport.reminders import send_expiry_reminders
from portal.site_address import links_to_site

cli = AppGroup("passport", help="The skills passport: its catalogue, expiry reminders and signing key.")


@cli.command("load-catalogue")
def load_catalogue_command():
    """Add the standard competences and role requirements the catalogue lacks (admin changes are kept)."""
    added = load_catalogue()
    db.session.commit()
    click.echo("Added " + ", ".join(f"{count} {name}" for name, count in added.items()))


@cli.command("send-reminders")
@links_to_site
def send_reminders_command():
    """Email holders whose records expire within 60 days, once per record (run daily; safe to overlap)."""
    run = send_expiry_reminders(date.today())
    click.echo(
        f"Sent {run.emails_sent} emails reminding of {run.records_reminded} expiring records"
        f"; {run.claimed_elsewhere} were being reminded by another run"
    )
    if run.failures:
        raise click.ClickException(f"{run.failures} emails could not be sent; they are retried on the next run")
