"""Streamlit front end of the fact-check service: ``streamlit run ui/app.py``."""
