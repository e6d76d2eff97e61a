"""Report: tables -> charts, the synthesis notebook, its HTML and PDF.

In: the tidy tables of a corpus (possibly filtered or pseudonymised). Out:
matplotlib figures (``charts``, every one of them in ``figures``), the
sections of the synthesis as HTML (``synthesis``), and ``build`` runs
``notebooks/synthese.ipynb`` and exports it to HTML and PDF through the
nbconvert exporters of ``exporter`` and the ``templates``; ``manifest``
remembers what the previous report held, to say what is new.

Example:
    >>> from csf_analysis.report.charts import wrap_label
    >>> wrap_label("Pourquoi la clause échoue si souvent", width=20)
    'Pourquoi la clause\\néchoue si souvent'
"""
