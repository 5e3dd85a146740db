"""Form fields that every domain's forms share."""
from __future__ import annotations

from datetime import date

from wtforms import Field
from wtforms.utils import unset_value


class DateInputField(Field):
    """A date typed into separate day, month and year boxes, as the NHS.UK date input asks for it.

    The boxes are named ``<name>-day``, ``<name>-month`` and ``<name>-year``; ``parts`` keeps what was
    typed so the page can show it again when it is not a real date.
    """

    PARTS = ("day", "month", "year")

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.process_errors = []
        self.raw_data = []
        self.data = self.object_data = self.default if data is unset_value else data
        self.parts = (
            {"day": str(self.data.day), "month": str(self.data.month), "year": str(self.data.year)}
            if self.data else dict.fromkeys(self.PARTS, "")
        )
        if formdata is None:
            return
        self.parts = {part: formdata.get(f"{self.name}-{part}", "").strip() for part in self.PARTS}
        self.data = None
        if not any(self.parts.values()):
            return
        self.raw_data = list(self.parts.values())
        try:
            self.data = self._parse()
        except ValueError as problem:
            self.process_errors.append(str(problem))

    def _parse(self) -> date:
        label = self.label.text
        missing = [part for part in self.PARTS if not self.parts[part]]
        if missing:
            raise ValueError(f"{label} must include a {' and '.join(missing)}")
        if not all(value.isdigit() for value in self.parts.values()):
            raise ValueError(f"{label} must be a real date, written in numbers")
        if len(self.parts["year"]) != 4:
            raise ValueError("Year must include 4 numbers")
        try:
            return date(int(self.parts["year"]), int(self.parts["month"]), int(self.parts["day"]))
        except ValueError:
            raise ValueError(f"{label} must be a real date") from None
