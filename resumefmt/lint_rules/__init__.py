"""The built-in lint rules, one module per family; each has ``register(registry)``.

The list of built-in families is :data:`resumefmt.plugins.BUILTIN_RULES`.
"""
