"""The editors' corrections (``seeds/corrections.yaml``): read and checked (``check.py``),
then applied to the machine's articles and entries (``apply.py``)."""
