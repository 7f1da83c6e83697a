"""Scale adapters: the same stage functions over a process pool or a Ray cluster.

Nothing heavy is imported here: `pool`, `jsonl` and `ray_job` are imported by name, and Ray
only when a Ray job is run.
"""
