"""Reading workbooks into the budget model and writing workbooks from it."""
