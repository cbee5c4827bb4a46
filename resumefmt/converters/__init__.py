"""The built-in converters, one package per format with its helpers and templates beside it.

``jsonresume/`` (export and import), ``latex/`` and ``markdown/``; ``_common``
holds what the LaTeX and Markdown documents print alike. The list of built-in
converters is :data:`resumefmt.plugins.BUILTIN_CONVERTERS`.
"""
