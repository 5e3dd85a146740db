"""The roles a person can hold. A new role is one more entry here."""
from enum import StrEnum


class Role(StrEnum):
    JOB_SEEKER = "job_seeker"
    RECRUITER = "recruiter"
    # Sees the passports of the organisation's staff, verifies their records and adds training it delivered.
    TRAINER = "trainer"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()
