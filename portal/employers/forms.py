from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, FieldList, Form, FormField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, InputRequired, Length, Optional, ValidationError

from portal.accounts.roles import Role
from portal.employers import services
from portal.employers.services import INVITABLE_ROLES
from portal.storage import UploadRejected

MAX_SITES = 20


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _with_scheme(value):
    """People often type ``www.example.org``; assume https rather than reject it."""
    if isinstance(value, str) and value and "://" not in value:
        return f"https://{value}"
    return value


class SiteForm(Form):
    site_id = HiddenField()
    name = StringField("Site name", filters=[_strip], validators=[Length(max=160, message="Site name must be 160 characters or fewer")])
    town = StringField("Town or city", filters=[_strip], validators=[Length(max=80, message="Town must be 80 characters or fewer")])
    postcode = StringField("Postcode", filters=[_strip])
    remove = BooleanField("Remove this site")

    @property
    def is_blank(self) -> bool:
        return not (self.site_id.data or self.name.data or self.town.data or self.postcode.data)

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if self.is_blank or self.remove.data:
            return True
        if not self.name.data:
            self.name.errors.append("Enter the site name, like Head office")
        if not self.town.data:
            self.town.errors.append("Enter the town or city")
        if not self.postcode.data:
            self.postcode.errors.append("Enter the postcode")
        elif services.normalise_postcode(self.postcode.data) is None:
            self.postcode.errors.append("Enter a full UK postcode, like LE1 5WW")
        return not self.errors


class OrganisationForm(FlaskForm):
    name = StringField(
        "Organisation name",
        filters=[_strip],
        validators=[InputRequired("Enter your organisation's name"), Length(max=160, message="Name must be 160 characters or fewer")],
    )
    sector_code = SelectField("Type of organisation", validators=[InputRequired("Select the type of organisation")])
    website = StringField(
        "Website (optional)",
        filters=[_strip, _with_scheme],
        validators=[Optional(), Length(max=255, message="Website address must be 255 characters or fewer")],
    )
    about = TextAreaField(
        "About your organisation (optional)",
        validators=[Length(max=5000, message="About your organisation must be 5,000 characters or fewer")],
    )
    sites = FieldList(FormField(SiteForm), min_entries=1, max_entries=MAX_SITES)
    logo = FileField("Logo (optional)")
    remove_logo = BooleanField("Remove the current logo")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sector_code.choices = [("", "Choose a type")] + [
            (sector.code, sector.name) for sector in services.sectors()
        ]

    def validate_website(self, field):
        parts = urlsplit(field.data)
        if parts.scheme not in {"http", "https"} or "." not in parts.netloc:
            raise ValidationError("Enter a website address like https://www.example.org")

    def validate_sites(self, field):
        kept = [entry for entry in field if not entry.form.is_blank and not entry.form.remove.data]
        if not kept:
            raise ValidationError("Add at least one site: where your organisation is based")

    def validate_logo(self, field):
        if field.data:
            try:
                services.check_logo(field.data)
            except UploadRejected as error:
                raise ValidationError(str(error)) from error

    @classmethod
    def for_organisation(cls, organisation) -> "OrganisationForm":
        return cls(data={
            "name": organisation.name,
            "sector_code": organisation.sector_code,
            "website": organisation.website or "",
            "about": organisation.about,
            "sites": [
                {"site_id": str(site.id), "name": site.name, "town": site.town, "postcode": site.postcode}
                for site in organisation.sites
            ],
        })

    def add_site_row(self) -> None:
        if len(self.sites) < MAX_SITES:
            self.sites.append_entry()

    def site_details(self) -> list[services.SiteDetails]:
        return [
            services.SiteDetails(
                site_id=int(entry.site_id.data) if (entry.site_id.data or "").isdigit() else None,
                name=entry.name.data,
                town=entry.town.data,
                postcode=entry.postcode.data,
                remove=entry.remove.data,
            )
            for entry in (row.form for row in self.sites)
            if not entry.is_blank
        ]

    def details(self) -> services.OrganisationDetails:
        return services.OrganisationDetails(
            name=self.name.data,
            sector_code=self.sector_code.data,
            website=self.website.data or None,
            about=self.about.data or "",
            sites=self.site_details(),
        )

    def error_items(self) -> list[dict]:
        """Every error with a link to its field, site rows included, for the error summary."""
        items = []
        for field in self:
            if field.name == "sites":
                for number, row in enumerate(field, start=1):
                    for subfield in row.form:
                        items += [{"text": f"Site {number}: {message}", "href": f"#{subfield.id}"} for message in subfield.errors]
                items += [{"text": message, "href": f"#{field[0].form.name.id}"} for message in field.errors if isinstance(message, str)]
            else:
                items += [{"text": message, "href": f"#{field.id}"} for message in field.errors]
        return items


class InvitationForm(FlaskForm):
    role = RadioField(
        "Their role",
        choices=[SelectChoice(role.value, label) for role, label in INVITABLE_ROLES.items()],
        default=Role.RECRUITER.value,
        invalid_choice_message="Select the colleague's role",
    )
    email = EmailField(
        "Colleague's email address",
        filters=[_strip],
        validators=[
            InputRequired("Enter your colleague's email address"),
            Email("Enter an email address in the correct format, like name@example.com", check_deliverability=False),
            Length(max=254, message="Email address must be 254 characters or fewer"),
        ],
    )
