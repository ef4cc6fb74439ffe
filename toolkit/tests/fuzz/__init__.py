"""The fuzz suite (issue 18): every public address, query parameter, form and management command,
and the admin forms this project adds, driven with generated hostile values (Hypothesis).

Each test is bounded so the whole suite stays within about 90 seconds per database in
``make test``: the example counts below are the defaults, and ``FUZZ_EXAMPLES`` multiplies them
for a deeper run by hand, e.g. ``FUZZ_EXAMPLES=10 .venv/bin/pytest toolkit/tests/fuzz``.
Examples are derandomized (the same every run, so CI never fails by luck); set ``FUZZ_SEED=1``
to draw new random ones each run, and ``FUZZ_SHRINK=1`` to have a failing example made minimal
(off by default: shrinking megabyte values through the whole site takes minutes).

Modules: ``strategies`` (the hostile values), ``answers`` (what every answer must be),
``targets`` (every public address and the parameters each reads), ``commands`` (hostile
arguments per management command), ``html_forms`` (forms read from the served HTML).
"""
