"""Tower Hamlets Plan dashboard: streamlit run app.py"""

import streamlit as st

from ui import warmup

#: The page registry: every page of the dashboard, in menu order (tests run each page from here).
PAGES = (
    ("pages/overview.py", "Overview", ":material/dashboard:", "overview"),
    ("pages/theme.py", "Themes", ":material/category:", "theme"),
    ("pages/measure.py", "Measure", ":material/monitoring:", "measure"),
    ("pages/compare.py", "Compare areas", ":material/leaderboard:", "compare"),
    ("pages/delivery.py", "Delivery", ":material/task_alt:", "delivery"),
    ("pages/since.py", "What changed", ":material/update:", "since"),
    ("pages/reports.py", "Annual report", ":material/table_view:", "report"),
    ("pages/upload.py", "Upload", ":material/upload:", "upload"),
    ("pages/history.py", "History", ":material/history:", "history"),
)


def main() -> None:
    from ui import shell  # here, not above: `streamlit run` imports this file before Streamlit's runtime exists

    pages = [
        st.Page(path, title=title, icon=icon, url_path=url, default=number == 0)
        for number, (path, title, icon, url) in enumerate(PAGES)
    ]
    meeting = st.query_params.get("meeting") == "1"
    with shell.navigating():
        st.navigation(pages, position="hidden" if meeting else "top").run()


if __name__ == "__main__":  # a script run: the pages
    main()
else:  # imported by `streamlit run`, which serves this file through the App (and its start-up warm-up)
    app = st.App(__file__, lifespan=warmup.lifespan)
