"""Tower Hamlets Plan dashboard (entry point): streamlit run app.py"""

import streamlit as st

from thplan import listing
from thplan.analysis import classify_measures
from thplan.dataset import open_store

st.set_page_config(page_title="Tower Hamlets Plan", layout="wide")
st.title("Tower Hamlets Plan: outcome and output measures")
with open_store() as store:
    framework = store.framework()
    table = listing.rows(framework, classify_measures(framework, store.observations()))
st.dataframe(
    [{k: listing.shown(v) if k.endswith("_value") else v for k, v in r.items()} for r in table],
    hide_index=True,
)
