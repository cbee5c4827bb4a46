"""The link checker behind ``resumefmt lint --online``: imported by the first online check.

:mod:`.checker` checks a run's links at once (threads per host, a deadline
each, progress reported through ``LintSettings.progress``), asking
:mod:`.cache` first; :mod:`.http` checks one link. Nothing here prints.
"""
