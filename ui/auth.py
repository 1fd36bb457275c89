"""Who may do what. Viewers need no login unless `[thplan] require_login = true`. Officers (who upload, publish
and roll back) log in with the organisation's identity provider through st.login when `[auth]` is configured in
.streamlit/secrets.toml, or else with a password whose salted hash is listed under `[thplan.officers]`.
See secrets.toml.example and the README."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from thplan.passwords import check_login, dummy_hash
from thplan.throttle import LoginThrottle
from ui.text import md


def _secrets(section: str) -> Mapping[str, Any]:
    try:
        return st.secrets.get(section, {}) or {}
    except Exception:  # no secrets file at all: nothing is configured
        return {}


def settings() -> Mapping[str, Any]:
    return _secrets("thplan")


def identity_provider() -> bool:
    auth = _secrets("auth")
    return bool(auth.get("client_id") and auth.get("server_metadata_url"))


def _passwords() -> Mapping[str, str]:
    return settings().get("officers", {}) or {}


def _provider_user() -> str | None:
    """The identity provider's verified e-mail address of the logged-in user. Never the `name` claim: anyone can
    call themselves anything, and officers are listed by address."""
    if not identity_provider():
        return None
    try:
        if not st.user.is_logged_in:
            return None
        email = st.user.get("email")
        return str(email) if email else None
    except Exception:
        return None


def officer() -> str | None:
    """The logged-in officer's name, or None."""
    name = st.session_state.get("officer")
    if name:
        return str(name)
    user = _provider_user()
    allowed = [e.lower() for e in settings().get("officer_emails", [])]
    return user if user and user.lower() in allowed else None


def viewer_allowed() -> bool:
    if not settings().get("require_login", False):
        return True
    return bool(officer() or _provider_user() or st.session_state.get("viewer"))


def login_form(purpose: str) -> None:
    """The ways in that this deployment offers."""
    if identity_provider():
        st.button("Log in with your organisation account", on_click=st.login, type="primary")
        user = _provider_user()
        if user and purpose == "officer" and not officer():
            st.warning(f"You are logged in as {md(user)}, who is not on the officers' list. Ask an administrator.")
    passwords = _passwords()
    if passwords:
        with st.form("password-login"):
            name = st.text_input("Officer name")
            password = st.text_input("Password", type="password")
            if st.form_submit_button("Log in"):
                _check_password(name, password, passwords)
    if not identity_provider() and not passwords:
        st.info("No officer login is configured on this server, so nobody can upload or roll back data here. "
                "An administrator sets one up in .streamlit/secrets.toml (see the README).")  # fmt: skip


@st.cache_resource
def _throttle() -> LoginThrottle:
    """One for the server: a reload or a second browser session does not start the count again."""
    return LoginThrottle()


@st.cache_resource
def _dummy(like: str | None) -> str:
    return dummy_hash(like)


def _check_password(name: str, password: str, passwords: Mapping[str, str]) -> None:
    client = st.context.ip_address or "unknown address"
    if refused := _throttle().begin(name, client):
        st.error(refused)
        return
    stored = passwords.get(name.strip())
    if check_login(password, stored, _dummy(next(iter(passwords.values()), None))):
        _throttle().succeeded(name, client)
        st.session_state["officer"] = name.strip()
        st.rerun()
    st.error("That name and password do not match.")


def require_officer() -> str:
    """The guard at the top of every restricted page: the officer's name, or the login form and a stop."""
    name = officer()
    if name:
        return name
    st.header("Officer login", anchor=False)
    st.caption("Uploading, publishing and rolling back data are for officers. Log in to continue.")
    login_form("officer")
    st.stop()
    raise AssertionError("unreachable")


def require_viewer() -> None:
    if viewer_allowed():
        return
    st.header("Tower Hamlets Plan dashboard", anchor=False)
    st.caption("This dashboard is for logged-in users.")
    login_form("viewer")
    st.stop()


def logout_button() -> None:
    if st.button("Log out", icon=":material/logout:"):
        st.session_state.pop("officer", None)
        if _provider_user():
            st.logout()
        st.rerun()
