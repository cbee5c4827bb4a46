"""The built-in converters, one module per format, templates under ``templates/``.

The list of built-in converters is :data:`resumefmt.plugins.BUILTIN_CONVERTERS`.
"""
