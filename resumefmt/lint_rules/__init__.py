"""The built-in lint rules, one family each: a package (``dates/``, ``links/``,
``tense/``, ``wording/``) or a module (``format.py``) that exports ``RULES`` and
``register(registry)``. Rules sit in named public modules with their manuals
and examples, helpers in ``_name.py``; ``dates/calendar.py`` (dates at the
precision written) is public because the tense rules use it too, and
``_examples.py`` builds YAML examples.

The list of built-in families is :data:`resumefmt.plugins.BUILTIN_RULES`.
"""
