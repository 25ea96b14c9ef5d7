"""The batch face: `finsam check`, and later `finsam board` / `finsam consolidate`.

Exit codes: 0 all consistent, 1 discrepancies found, 2 a file could not be read
or the command was used wrongly. Messages are Swedish; no tracebacks.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal, InvalidOperation

import click

from . import __version__
from .errors import XlpluginError

EXIT_OK, EXIT_DISCREPANCY, EXIT_ERROR = 0, 1, 2


class _Group(click.Group):
    def main(self, *args, **kwargs):
        kwargs.setdefault("standalone_mode", True)
        try:
            return super().main(*args, **kwargs)
        except XlpluginError as exc:  # pragma: no cover - commands catch their own
            click.echo(f"fel: {exc}", err=True)
            sys.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="finsam", message="%(prog)s %(version)s")
def main():
    """finsam – budgetverktyg för samordningsförbund (Finsam).

    Läser förbundets budgetarbetsbok som den är, kontrollerar summor och eget kapital,
    och tar fram styrelseunderlag och sammanställningar.
    """


def _rate(value: str) -> Decimal:
    try:
        rate = Decimal(value.replace(",", ".").replace("%", "").strip())
    except InvalidOperation:
        raise click.BadParameter(f"'{value}' är inte ett tal (t.ex. 20)") from None
    if not 0 <= rate <= 100:
        raise click.BadParameter("procentsatsen ska vara mellan 0 och 100")
    return rate / 100


@main.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON.")
@click.option("--tak-procent", "cap_percent", default="20", show_default=True,
              help="Taket för eget kapital i procent av basen.")
@click.option("--tak-bas", "cap_base", type=click.Choice(["intakter", "medlemsbidrag"]),
              default="intakter", show_default=True,
              help="Bas för taket: budgeterade intäkter eller medlemsbidrag (tilldelade medel).")
@click.option("--golv", "floor", type=int, default=None,
              help="Lägsta eget kapital i kronor (t.ex. 180000).")
@click.option("--blad", "sheet", default=None, help="Läs budgeten från detta blad.")
@click.option("--motor", "engine", type=click.Choice(["xlsx", "openpyxl"]), default="xlsx",
              show_default=True, help="Läsmotor.")
@click.option("--kort", is_flag=True, help="Visa inte raderna, bara summor och avvikelser.")
def check_command(files, as_json, cap_percent, cap_base, floor, sheet, engine, kort):
    """Kontrollera en eller flera budgetarbetsböcker (.xlsx/.xlsm).

    Visar vad som lästes (förbund, enhet, årskolumner, rader), summor per kolumn,
    eget kapital mot taket, och varje angiven summa som inte stämmer.
    Avslutningskod 0: allt stämmer, 1: avvikelser, 2: en fil kunde inte läsas.
    """
    from .core.check import check_budget, result_as_json
    from .core.equity import EquityPolicy
    from .errors import ReadError
    from .io.reader import read_budget

    try:
        policy = EquityPolicy(cap_rate=_rate(cap_percent), cap_base=cap_base, floor=floor)
    except click.BadParameter as exc:
        click.echo(f"fel: --tak-procent: {exc.message}", err=True)
        sys.exit(EXIT_ERROR)
    code = EXIT_OK
    out_files = []
    texts = []
    for path in files:
        try:
            result = check_budget(read_budget(path, engine=engine, sheet=sheet), policy)
        except ReadError as exc:
            exc = exc.located(path)
            click.echo(f"fel: {exc}", err=True)
            out_files.append({"path": path, "error": {"message": exc.message, "sheet": exc.sheet,
                                                      "cell": exc.cell}})
            code = EXIT_ERROR
            continue
        if not result.consistent and code == EXIT_OK:
            code = EXIT_DISCREPANCY
        if as_json:
            out_files.append(result_as_json(result))
        else:
            from .text import format_result
            texts.append(format_result(result, show_lines=not kort))
    if as_json:
        click.echo(json.dumps({"files": out_files}, ensure_ascii=False, indent=2))
    elif texts:
        click.echo("\n\n".join(texts))
        n_bad = sum(1 for t in texts if "Avvikelser (" in t)
        if len(files) > 1:
            click.echo(f"\n{len(texts)} arbetsböcker kontrollerade, {n_bad} med avvikelser"
                       + (f", {len(files) - len(texts)} kunde inte läsas." if len(texts) < len(files) else "."))
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
