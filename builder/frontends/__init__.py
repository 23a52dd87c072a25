"""The ways in: the command line, the MkDocs hook, and the quick preview of a few pages."""
