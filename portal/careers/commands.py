import click
from flask.cli import AppGroup

from portal.careers.content import ContentInvalid
from portal.careers.services import check_files, load_content_files
from portal.extensions import db

cli = AppGroup("careers", help="Careers content: roles, pathways, the quiz and the interest areas.")


@cli.command("load")
def load():
    """Load the careers content from portal/careers/content, keeping the workforce team's edits."""
    try:
        report = load_content_files()
    except ContentInvalid as invalid:
        db.session.rollback()
        raise click.ClickException("Nothing was loaded:\n" + "\n".join(invalid.problems)) from None
    db.session.commit()
    for line in report.lines():
        click.echo(line)


@cli.command("check")
def check():
    """Check the content files without loading them."""
    try:
        checked = check_files()
    except ContentInvalid as invalid:
        raise click.ClickException("\n".join(invalid.problems)) from None
    click.echo(f"{len(checked)} files read without a problem")
