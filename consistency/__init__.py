"""consistency: a cross-source fact-consistency checker.

Python API::

    import consistency
    report = consistency.check(["seeds/"])
    report = consistency.verify("summary.md", ["seeds/"])

Use :class:`consistency.Checker` to load the model once and reuse it.  The
one-shot functions keep one :class:`Checker` per set of options, so calling
them in a loop loads the model once.

Every exported name (``check``, ``verify``, ``Checker``, ``extract``) stays
callable however often it is called and whichever submodule has been
imported: ``import consistency.verify`` binds the submodule of that name on
the package, and that module forwards calls to :func:`verify` (see the end of
``consistency/verify.py``).
"""
__version__ = "0.1.0"

__all__ = ["check", "verify", "extract", "Checker", "__version__"]


def check(paths, baseline=None, **options):
    """Check articles against each other; see :meth:`consistency.pipeline.Checker.check`."""
    from .pipeline import check as _check

    return _check(paths, baseline=baseline, **options)


def verify(report_path, sources, **options):
    """Check a report against its sources; see :meth:`consistency.pipeline.Checker.verify`."""
    from .pipeline import verify as _verify

    return _verify(report_path, sources, **options)


def extract(paths, **options):
    """Claims and facts only (no model); see :meth:`consistency.pipeline.Checker.extract_report`."""
    from .pipeline import extract as _extract

    return _extract(paths, **options)


def __getattr__(name):  # lazy: keep ``import consistency`` light
    if name == "Checker":
        from .pipeline import Checker

        return Checker
    raise AttributeError(name)
