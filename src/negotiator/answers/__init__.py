"""What the borrower told us, read and checked: the Case model, an answers file, its JSON Schema,
a file's problems by field, JSON read exactly, the spellings the schema accepts.
"""
