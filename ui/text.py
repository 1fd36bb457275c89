"""Text from files, links and logins, made inert before Streamlit renders it: headers, captions, labels, warnings
and markdown all interpret Markdown (links, emphasis, colour directives), so every such text is escaped."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")
#: Escaped, a bare URL (http\://..., www\.) or e-mail address is still linked, and \:material/icon\: still drawn:
#: an invisible WORD JOINER inside each breaks the pattern without changing what is seen (only there: after a colon
#: that a word or a slash follows, so "vs London: Worse" reads, and is found, as written).
_LINKED = re.compile(r"(\\:(?=[/\w])|(?<![^\W_])www(?=\\\.)|(?=@))", re.IGNORECASE)
_JOINER = "\u2060"


def md(text: str) -> str:
    """Text made inert for anything Streamlit renders as Markdown (no links, no colour directives, no icons, no
    HTML)."""
    return _LINKED.sub(lambda m: m.group(0) + _JOINER, _MARKDOWN_SPECIAL.sub(r"\\\1", text))
