"""Tower Hamlets Plan dashboard: streamlit run app.py"""

import streamlit as st

from ui import warmup
from ui.registry import PAGES, main

__all__ = ["PAGES", "main"]

if __name__ == "__main__":  # a script run: the pages
    main()
else:  # imported by `streamlit run`, which serves this file through the App (and its start-up warm-up)
    app = st.App(__file__, lifespan=warmup.lifespan)
