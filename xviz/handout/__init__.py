"""The workshop handout: a scenario's story, diagrams and every step explained, as one HTML file (or PDF).

No Qt here: `gather` collects what the handout says, `html` writes it; `xviz report` adds the diagrams
(drawn with Qt) and, for PDF, hands the page to `xviz.ui.handout_pdf`.
"""
