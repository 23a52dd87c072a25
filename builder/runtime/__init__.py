"""How a build runs, not what it makes: the per-page cache and the worker processes."""
