"""Tower Hamlets Plan measures: catalogue, import, classification and storage.

This package is pure Python (no Streamlit); the dashboard in app.py and pages/ is a thin layer over it.
"""

__version__ = "0.1.0"
