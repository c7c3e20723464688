"""Body map and spine: drawn geometry and pure (streamlit-free) plotly figure builders."""
