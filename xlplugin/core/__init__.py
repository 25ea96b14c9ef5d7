"""Pure domain logic: budget model, totals and checks, equity. No files, no Excel."""
