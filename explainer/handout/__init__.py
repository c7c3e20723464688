"""The handout: one A4 page (two for the clinician version) to take home - a large picture of every marked place,
the top explanation in plain words, what helps and who to see, this case's warning signs (urgent help first when a
warning fired), a QR code and link that reopen the view, the date and short source names. Pure and offline; it
carries no personal data. The words come from content/text/handout.yaml.

``explainer.handout.pdf.build_handout_pdf`` renders it (fpdf2 is slow to import, so it is not imported here).
"""
