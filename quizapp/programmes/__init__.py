"""Programmes: a coordinator's view of a cohort of internships, anonymous where it must be.

The blueprint lives in routes.py (not here), so that the rest of the app can use store.py
without loading the views.
"""
