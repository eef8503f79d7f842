"""spillover: input-output (Leontief) scenarios in Python, on spillover's C++ engine.

    >>> import spillover
    >>> model = spillover.Model()            # the shipped Kazakh model, 2024
    >>> result = model.run("scenarios/russia-sanctions-2022.yaml")
    >>> result.headline                      # GDP, output, trade, CPI: baseline and change

See docs/python.md. Errors in scenarios raise ``spillover.InputError`` with the same
message as the command-line program.
"""

from ._errors import InputError, ModelError
from ._files import export_pymrio, import_icio, import_pymrio, merge_sweeps, validate
from ._model import Model, Result, results_csv

__all__ = ["Model", "Result", "InputError", "ModelError", "results_csv", "validate",
           "import_icio", "import_pymrio", "export_pymrio", "merge_sweeps"]
