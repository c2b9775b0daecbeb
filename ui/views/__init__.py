"""One module per page; each runs its ``render_page()`` when Streamlit executes it as a page script."""
