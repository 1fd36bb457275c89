"""Streamlit helpers shared by the pages: scaffolding and cached data (shell), charts, widgets."""
