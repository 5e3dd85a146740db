"""Routes of the skills passport, one module per audience."""
