"""Report: tables -> charts, the synthesis notebook, its HTML and PDF.

In: the tidy tables of a corpus (possibly filtered or pseudonymised). Out:
matplotlib figures (``charts``, every one of them in ``figures``), the
sections of the synthesis as HTML (``synthesis`` computes them, with the
counts of ``highlights``, and ``rendering`` fills their Jinja2 templates), and
``build`` runs ``notebooks/synthese.ipynb`` and exports it to HTML and PDF
through the nbconvert exporters of ``exporter`` (the notebook's HTML through
the allow-list of ``sanitiser``) and the ``templates``; ``manifest``
remembers what the previous report held, to say what is new.

Example:
    >>> from csf_analysis.report.charts import wrap_label
    >>> wrap_label("Pourquoi la clause échoue si souvent", width=20)
    'Pourquoi la clause\\néchoue si souvent'
"""
