"""Body-map generator: assets/body_landmarks.yaml -> assets/body_map.json (run ``tools/draw_body.py``).

The numbers live in the landmark file; this package holds only the algorithm: smooth curves and tapered
tubes (``curves``), painting zone cells in order (``regions``), the typed landmark model (``model``), the
shape language of the cells (``shapes``), the body / hand / foot / saddle drawings (``body``, ``details``),
placing both sides in each view (``views``) and writing the JSON (``output``).
"""
