"""consistency: a cross-source fact-consistency checker.

Python API::

    import consistency
    report = consistency.check(["seeds/"])
    report = consistency.verify("summary.md", ["seeds/"])

Use :class:`consistency.Checker` to load the model once and reuse it.
"""
__version__ = "0.1.0"


def __getattr__(name):  # lazy: keep ``import consistency`` light
    if name in ("check", "verify", "Checker", "extract"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
