# main.py for xlwings Lite (Excel on the web, Mac and Windows): paste this into the
# xlwings Lite pane's main.py. The FINSAM_ functions and the four macros come from the
# xlplugin wheel listed in requirements.txt.
from xlplugin.excel.functions import *  # noqa: F401,F403  (=FINSAM_SUMMA(…) and the rest)
from xlplugin.excel.macros import (  # noqa: F401
    fyll_i_planar,
    kontrollera_budget,
    skapa_styrelseunderlag,
    uppdatera_eget_kapital,
    uppfoljning,
)
