"""The whole passport as an A4 PDF: the holder, then each category's records in a table, and on every
page where to check the signed credentials.

Only the PDF core fonts are used, so text is written in their Windows-1252 encoding: curly quotes,
dashes and the pound sign come through, and any other character becomes its plain letter or "?".
"""
from __future__ import annotations

import unicodedata

from fpdf import FPDF, FontFace

from portal.passport import credentials
from portal.passport.services import Passport, RecordLine
from portal.passport.status import Status
from portal.templating import format_date

ENCODING = "windows-1252"
FONT = "Helvetica"
COLUMNS = (
    ("Record", 40), ("Completed", 20), ("How and by whom", 32), ("Status", 30),
    ("Verification", 36), ("Accepted by", 22),
)
# Letters that have no accent to take off, so that Unicode does not reduce them to a plain one.
PLAIN_LETTERS = str.maketrans({"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i"})
GREY = (75, 85, 90)
HEADINGS = FontFace(emphasis="BOLD", fill_color=(232, 237, 238))


def _plain(text: str) -> str:
    """The text in the core fonts' encoding: each character as it is, or its base letter, or "?"."""
    kept = []
    for character in text.translate(PLAIN_LETTERS):
        try:
            character.encode(ENCODING)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", character).encode(ENCODING, "ignore").decode(ENCODING)
            character = base or "?"
        kept.append(character)
    return "".join(kept)


class _Document(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.core_fonts_encoding = ENCODING
        self.footer_text = footer_text
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=20)

    def write_line(self, text: str, size: float = 10, style: str = "", height: float = 5.5) -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(0, height, _plain(text), new_x="LMARGIN", new_y="NEXT")

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        self.multi_cell(0, 4, _plain(f"{self.footer_text}  Page {self.page_no()} of {{nb}}"), align="C")
        self.set_text_color(0, 0, 0)


def _status_text(line: RecordLine) -> str:
    status = line.status
    if status.expires_on is None:
        return f"{status.status.label}, does not expire"
    if status.status == Status.EXPIRED:
        return f"Expired on {format_date(status.expires_on)}"
    if status.status == Status.EXPIRING:
        return f"Expires soon, on {format_date(status.expires_on)}"
    return f"Valid, expires on {format_date(status.expires_on)}"


def _verification_text(line: RecordLine) -> str:
    record = line.record
    if not record.is_verified:
        return "Not verified"
    return f"Verified by {record.verifier_name} on {format_date(record.verified_at)}"


def _row(line: RecordLine) -> tuple[str, ...]:
    record = line.record
    how = f"{record.method_label}, {record.provider}" if record.provider else record.method_label
    return (
        record.title, format_date(record.completed_on), how, _status_text(line), _verification_text(line),
        ", ".join(line.accepted_by) or "None",
    )


def passport_pdf(passport: Passport, site_name: str, generated_for: str | None, *, site_url: str | None = None,
                 compress: bool = True) -> bytes:
    """The passport as PDF bytes. ``generated_for`` names who it was made for (an employer), if anyone;
    ``site_url`` is the portal's address, by default the one this request or SITE_URL gives."""
    site_url = site_url or credentials.site_url()
    verify_url = site_url + credentials.VERIFY_PATH
    holder = passport.holder.full_name
    pdf = _Document(f"{site_name} skills passport of {holder}, {format_date(passport.today)}. "
                    f"Check a credential at {verify_url}.")
    pdf.set_compression(compress)
    pdf.set_title(_plain(f"Skills passport: {holder}"))
    pdf.set_author(_plain(site_name))
    pdf.add_page()

    pdf.write_line("Skills passport", size=22, style="B", height=10)
    pdf.write_line(holder, size=15, style="B", height=8)
    made = f"Produced by {site_name} on {format_date(passport.today)}"
    pdf.write_line(f"{made} for {generated_for}." if generated_for else f"{made}.", size=10)
    counts = ", ".join(f"{passport.count(status)} {status.label.lower()}" for status in Status)
    pdf.write_line(f"Current records: {len(passport.lines)} ({counts}).", size=10)

    groups = passport.by_category()
    if not groups:
        pdf.ln(4)
        pdf.write_line("There are no records in this passport yet.")
    for category, lines in groups:
        pdf.ln(5)
        pdf.write_line(category.label, size=13, style="B", height=7)
        pdf.set_font(FONT, "", 8)
        with pdf.table(col_widths=[width for _name, width in COLUMNS], text_align="LEFT", line_height=4,
                       headings_style=HEADINGS, padding=1.2) as table:
            for cells in [tuple(name for name, _width in COLUMNS), *map(_row, lines)]:
                row = table.row()
                for text in cells:
                    row.cell(_plain(text))

    pdf.ln(6)
    pdf.write_line("Checking this passport", size=12, style="B", height=7)
    pdf.write_line(
        "Each verified record can also be downloaded by its holder as a credential signed by "
        f"{site_name} (a .jwt file). To check that a credential is genuine and still valid, paste it or "
        f"choose its file at {verify_url}. The page says whether it is valid, expired, revoked, or has been "
        "changed. The signature can also be checked offline with the public key published at "
        f"{site_url}{credentials.JWKS_PATH}.",
        size=9, height=4.5,
    )
    return bytes(pdf.output())
