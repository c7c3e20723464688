"""The in-browser body map component (component.py, map.js, map.css)."""
