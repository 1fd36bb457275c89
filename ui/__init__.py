"""Streamlit helpers shared by the pages: the page registry, the caches, the page chrome, charts, widgets."""
