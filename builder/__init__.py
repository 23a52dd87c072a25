"""zone digest: OCR'd newspaper pages about China's high-tech zones, made into a searchable site."""
