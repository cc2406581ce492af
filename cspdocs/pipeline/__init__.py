"""The one generate pipeline (library first): ``cspdocs.pipeline.generate(case_file, sortie, ...)``.

The ``generate`` command only parses its options, calls ``run`` and prints; see run.py for the
steps and workers.py for the worker processes.
"""

from .run import Generation, MentionsBloquantes, generate, load_case, run

__all__ = ["Generation", "MentionsBloquantes", "generate", "load_case", "run"]
