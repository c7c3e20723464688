"""The Streamlit shell: widgets wired to the domain package. Only this package imports streamlit."""
