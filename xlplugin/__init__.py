"""xlplugin: budget tools for Swedish samordningsförbund (Finsam).

Layers (data flows one way):
    io.engines  -> raw cells from a workbook file
    io.layout   -> understands the table layout (header, lines, hierarchy)
    core        -> pure domain model and calculations (no files, no Excel)
    cli / excel -> the faces a user sees
"""

__version__ = "0.1.0"
