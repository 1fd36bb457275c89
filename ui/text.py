"""Text from files, links and logins, made inert before Streamlit renders it: headers, captions, labels, warnings
and markdown all interpret Markdown (links, emphasis, colour directives), so every such text is escaped."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def md(text: str) -> str:
    """Text made inert for anything Streamlit renders as Markdown (no links, no colour directives, no HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
