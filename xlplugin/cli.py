"""The batch face: `finsam check`, and later `finsam board` / `finsam consolidate`.

Exit codes: 0 all consistent, 1 discrepancies found, 2 a file could not be read
or the command was used wrongly. Messages are Swedish; no tracebacks.
"""

from __future__ import annotations

import contextlib
import json
import sys
from decimal import Decimal, InvalidOperation

import click

from . import __version__, _click_sv
from .errors import XlpluginError

_click_sv.install()

EXIT_OK, EXIT_DISCREPANCY, EXIT_ERROR, EXIT_UNCERTAIN = 0, 1, 2, 3


# English names kept as aliases, so that scripts written for them keep working
ALIASES = {"check": "kontrollera", "board": "styrelseunderlag", "consolidate": "sammanstall",
           "follow-up": "uppfoljning", "compare": "jamfor", "sammanställ": "sammanstall",
           "uppföljning": "uppfoljning", "jämför": "jamfor"}


class _Group(click.Group):
    """Every failure ends as one Swedish line on stderr and exit code 2, never a traceback.
    Commands have Swedish names; the English ones (ALIASES) still work."""

    def get_command(self, ctx, cmd_name):
        return super().get_command(ctx, ALIASES.get(cmd_name, cmd_name))

    def resolve_command(self, ctx, args):
        name, cmd, rest = super().resolve_command(ctx, args)
        return (cmd.name if cmd else name), cmd, rest

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except XlpluginError as exc:
            click.echo(f"fel: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except MemoryError:
            click.echo("fel: arbetsboken är för stor för minnet", err=True)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("avbrutet", err=True)
            sys.exit(EXIT_ERROR)
        except Exception as exc:  # a bug: say so plainly, without a traceback
            import os
            if os.environ.get("FINSAM_DEBUG"):
                raise
            click.echo(f"fel: internt fel i finsam ({type(exc).__name__}: {exc}). Inget har skrivits. "
                       "Kör med FINSAM_DEBUG=1 för detaljer och rapportera felet.", err=True)
            sys.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]},
             options_metavar="[FLAGGOR]", subcommand_metavar="KOMMANDO [ARGUMENT]...")
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


@main.command("kontrollera", options_metavar="[FLAGGOR]")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="ARBETSBOK...")
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
@click.option("--forklara", "explain", is_flag=True,
              help="Visa för varje rad varför den lästes så, och vilka tolkningar som prövades.")
def check_command(files, as_json, cap_percent, cap_base, floor, sheet, engine, kort, explain):
    """Kontrollera en eller flera budgetarbetsböcker (.xlsx/.xlsm).

    Visar vad som lästes (förbund, enhet, årskolumner, rader), summor per kolumn,
    eget kapital mot taket, och varje angiven summa som inte stämmer.
    Avslutningskod 0: allt stämmer, 1: avvikelser, 2: en fil kunde inte läsas,
    3: osäker tolkning (raderna och de andra tolkningarna visas).
    """
    from .core.check import check_budget, result_as_json
    from .core.equity import EquityPolicy
    from .errors import ReadError
    from .io.reader import read_budgets

    try:
        policy = EquityPolicy(cap_rate=_rate(cap_percent), cap_base=cap_base, floor=floor)
    except click.BadParameter as exc:
        click.echo(f"fel: --tak-procent: {exc.message}", err=True)
        sys.exit(EXIT_ERROR)
    code = EXIT_OK
    out_files = []
    texts = []
    with _progress(len(files), "Läser arbetsböcker") as advance:
        budgets = read_budgets(files, engine=engine, sheet=sheet, advance=advance)
    for path, budget in zip(files, budgets):
        if isinstance(budget, ReadError):
            exc = budget
            click.echo(f"fel: {exc}", err=True)
            out_files.append({"path": path, "error": {"message": exc.message, "sheet": exc.sheet,
                                                      "cell": exc.cell}})
            code = EXIT_ERROR
            continue
        result = check_budget(budget, policy)
        if not budget.reading.certain and code != EXIT_ERROR:
            code = EXIT_UNCERTAIN
        elif not result.consistent and code == EXIT_OK:
            code = EXIT_DISCREPANCY
        if as_json:
            out_files.append(result_as_json(result, explain=explain))
        else:
            from .text import format_result
            texts.append(format_result(result, show_lines=not kort, explain=explain))
    if as_json:
        click.echo(json.dumps({"files": out_files}, ensure_ascii=False, indent=2))
    elif texts:
        click.echo("\n\n".join(texts))
        n_bad = sum(1 for t in texts if "Avvikelser (" in t)
        if len(files) > 1:
            click.echo(f"\n{len(texts)} arbetsböcker kontrollerade, {n_bad} med avvikelser"
                       + (f", {len(files) - len(texts)} kunde inte läsas." if len(texts) < len(files) else "."))
    sys.exit(code)


def _warn_uncertain(budgets) -> None:
    """A warning on stderr for each budget whose reading is uncertain (the board and the
    consolidation are still written; `finsam check` shows the rows and the alternatives)."""
    for b in budgets:
        if not b.reading.certain:
            click.echo(f"varning: osäker tolkning av {b.path}, blad '{b.sheet}': "
                       + "; ".join(map(str, b.reading.reasons))
                       + ". Kör finsam kontrollera --forklara för raderna och de andra tolkningarna.", err=True)


def _policy(cap_percent, cap_base, floor):
    from .core.equity import EquityPolicy
    try:
        return EquityPolicy(cap_rate=_rate(cap_percent), cap_base=cap_base, floor=floor)
    except click.BadParameter as exc:
        click.echo(f"fel: --tak-procent: {exc.message}", err=True)
        sys.exit(EXIT_ERROR)


def _population(path):
    """(kommun, folkmängd) pairs from an .xlsx (first sheet) or a .csv file."""
    from .errors import ReadError
    from .io.cells import NotAnAmount, parse_amount
    rows = []
    if str(path).lower().endswith((".xlsx", ".xlsm")):
        from .io.engines import open_workbook
        wb = open_workbook(path)
        try:
            sheet = wb.get_sheet_data(wb.sheet_names[0])
        finally:
            wb.close()
        rows = [[c.value if c else None for c in row[:2]] for row in sheet.rows]
    else:
        import csv
        try:
            text = open(path, encoding="utf-8-sig").read()
        except OSError as exc:
            raise ReadError(f"kan inte läsa filen ({exc.strerror})", str(path)) from None
        dialect = csv.Sniffer().sniff(text[:1000], delimiters=";,\t") if text.strip() else csv.excel
        rows = list(csv.reader(text.splitlines(), dialect))
    out = []
    for k, row in enumerate(rows, start=1):
        row = list(row) + [None, None]
        name, value = row[0], row[1]
        if name in (None, "") and value in (None, ""):
            continue
        try:
            amount = parse_amount(value)
        except NotAnAmount:
            if k == 1:
                continue  # heading row
            raise ReadError(f"rad {k}: '{value}' är inte ett tal", str(path)) from None
        if amount is None or name in (None, ""):
            raise ReadError(f"rad {k}: kommunnamn och folkmängd behövs", str(path))
        out.append((str(name).strip(), int(amount.value)))
    if not out:
        raise ReadError("filen har inga rader med kommun och folkmängd", str(path))
    return tuple(out)


@main.command("styrelseunderlag", options_metavar="[FLAGGOR]")
@click.argument("source", type=click.Path(dir_okay=False), metavar="ARBETSBOK")
@click.option("--year", "--ar", "year", type=int, required=True, help="Budgetåret, t.ex. 2026.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), default=None,
              help="Arbetsboken som skapas (standard: Styrelseunderlag_budget_<år>.xlsx).")
@click.option("--pdf", is_flag=True, help="Skriv också en PDF av underlaget (via LibreOffice).")
@click.option("--force", is_flag=True, help="Skriv över en befintlig utdatafil.")
@click.option("--regel", "rules", multiple=True,
              help='Regel för planår som saknas, t.ex. "Samordningsteam*: faktor 0,83 0,85; avrunda 500". Kan upprepas.')
@click.option("--regelfil", "rules_file", type=click.Path(dir_okay=False), default=None,
              help="Arbetsbok med bladet Planregler (Rad | Faktorer | Index % | Steg kr | Avrundning).")
@click.option("--planar", "plan_years", type=int, default=2, show_default=True, help="Antal planår.")
@click.option("--tak-procent", "cap_percent", default="20", show_default=True)
@click.option("--tak-bas", "cap_base", type=click.Choice(["intakter", "medlemsbidrag"]), default="intakter",
              show_default=True)
@click.option("--golv", "floor", type=int, default=None, help="Lägsta eget kapital i kronor.")
@click.option("--ib", "opening", type=int, default=None,
              help="Eget kapital vid början av första året; används bara om källan inte anger det.")
@click.option("--befolkning", "population", type=click.Path(dir_okay=False), default=None,
              help="Fil (.xlsx/.csv) med kommun och folkmängd för kommunernas fördelning.")
@click.option("--blad", "sheet", default=None, help="Läs budgeten från detta blad.")
@click.option("--motor", "engine", type=click.Choice(["xlsx", "openpyxl"]), default="xlsx")
def board_command(source, year, output, pdf, force, rules, rules_file, plan_years, cap_percent,
                  cap_base, floor, opening, population, sheet, engine):
    """Skapa styrelseunderlaget för budgetåret: Budget, Eget kapital, Medlemsbidrag,
    Nyckeltal, Kontroll – med formler, utskriftsklart (A4 liggande).

    Källan ändras aldrig. En befintlig utdatafil skrivs inte över utan --force.
    Avslutningskod 0: underlaget skrevs, 2: fel (inget skrivs).
    """
    from .core.board import BoardError, board_equity, board_plan
    from .core.check import check_budget
    from .errors import XlpluginError
    from .io.atomic import atomic_path, check_output
    from .io.board_writer import BoardOptions, write_board
    from .io.reader import read_budget
    from .io.rules import parse_rule, rules_from_rows

    policy = _policy(cap_percent, cap_base, floor)
    output = output or f"Styrelseunderlag_budget_{year}.xlsx"
    if not str(output).lower().endswith(".xlsx"):
        click.echo(f"fel: {output}: utdatafilen ska sluta på .xlsx", err=True)
        sys.exit(EXIT_ERROR)
    pdf_path = str(output)[:-5] + ".pdf" if pdf else None
    try:
        check_output(output, force, [source])
        if pdf_path:
            check_output(pdf_path, force, [source])
        line_rules = [parse_rule(r) for r in rules]
        if rules_file:
            from .io.engines import open_workbook
            wb = open_workbook(rules_file)
            try:
                if "Planregler" not in wb.sheet_names:
                    from .errors import ReadError
                    raise ReadError("arbetsboken har inget blad som heter Planregler", rules_file)
                sh = wb.get_sheet_data("Planregler")
            finally:
                wb.close()
            line_rules += rules_from_rows([[c.value if c else None for c in row] for row in sh.rows],
                                          f"{rules_file}, bladet Planregler")
        municipalities = _population(population) if population else ()
        budget = read_budget(source, engine=engine, sheet=sheet)
        _warn_uncertain([budget])
        result = check_budget(budget, policy)
        plan = board_plan(budget, year, line_rules, plan_years=plan_years)
        equity = board_equity(plan, policy, opening)
        options = BoardOptions(policy=policy, opening_equity=opening, municipalities=municipalities,
                               source_name=str(source))
        with atomic_path(output) as tmp:
            write_board(plan, result.discrepancies, tmp, options)
            if pdf_path:
                _write_pdf(tmp, pdf_path)
    except (XlpluginError, BoardError) as exc:
        click.echo(f"fel: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    from .core.totals import column_totals
    from .text import kr
    totals = column_totals(plan.budget)
    click.echo(f"Skrev {output}" + (f" och {pdf_path}" if pdf_path else "") + ".")
    for col in plan.columns:
        t = totals.get(col.header)
        if t:
            mark = " (framräknad)" if col.source is None else ""
            click.echo(f"  {col.header}{mark}: intäkter {kr(t.intakter)}, kostnader {kr(t.kostnader)}, "
                       f"resultat {kr(t.resultat)}")
    if equity and equity[0].ib is None:
        click.echo("  Obs: källan anger inget eget kapital; skriv in IB i bladet Eget kapital eller ange --ib.")
    elif equity:
        first = equity[0]
        click.echo(f"  Eget kapital: IB {first.year} {kr(first.ib)} ({first.sources.get('ib', '')}); "
                   + ", ".join(f"UB {e.year} {kr(e.ub)}" for e in equity if e.ub is not None) + ".")
        if opening is not None and "--ib" not in first.sources.get("ib", ""):
            click.echo(f"  Obs: källan anger ingående eget kapital, så --ib {opening} används inte.")
    n = len(result.discrepancies)
    click.echo(f"  Kontroll: {n} avvikelse{'r' if n != 1 else ''} i källan (se bladet Kontroll)."
               if n else "  Kontroll: inga avvikelser i källan.")
    sys.exit(EXIT_OK)


def _write_pdf(xlsx_tmp, pdf_path):
    """PDF of the written workbook via LibreOffice; written atomically next to it."""
    import shutil
    import tempfile
    from pathlib import Path

    from .io.atomic import atomic_path
    from .io.libreoffice import convert

    with tempfile.TemporaryDirectory(prefix="finsam-pdf-") as d:
        src = Path(d) / (Path(pdf_path).stem + ".xlsx")
        shutil.copyfile(xlsx_tmp, src)
        out_dir = Path(d) / "out"
        out_dir.mkdir()
        [pdf] = convert([src], "pdf", out_dir)
        with atomic_path(pdf_path) as tmp:
            shutil.copyfile(pdf, tmp)


@main.command("sammanstall", options_metavar="[FLAGGOR]")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="ARBETSBOK...")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True,
              help="Den sammanställda arbetsboken som skapas (.xlsx).")
@click.option("--mapping", "mapping_file", type=click.Path(dir_okay=False), default=None,
              help="Arbetsbok med bladen Mappning och/eller Elimineringar (t.ex. en tidigare sammanställning).")
@click.option("--column", "columns", multiple=True,
              help='Sammanställ bara denna kolumn, t.ex. "Budget 2026". Kan upprepas.')
@click.option("--json", "as_json", is_flag=True, help="Skriv en sammanfattning som JSON.")
@click.option("--force", is_flag=True, help="Skriv över en befintlig utdatafil.")
@click.option("--tak-procent", "cap_percent", default="20", show_default=True)
@click.option("--motor", "engine", type=click.Choice(["xlsx", "openpyxl"]), default="xlsx")
@click.option("--olika-forbund", "distinct", is_flag=True,
              help="Filerna är olika förbund även där namn eller medlemmar är desamma.")
@click.option("--med-osakra", "take_uncertain", is_flag=True,
              help="Ta med förbund vars tolkning är osäker; varje blad märks då OSÄKER TOLKNING.")
def consolidate_command(files, output, mapping_file, columns, as_json, force, cap_percent, engine,
                        distinct, take_uncertain):
    """Sammanställ flera förbunds budgetar till en arbetsbok (län eller sammanslagning).

    Gemensamma kategorier, en kolumn per förbund och totalt, elimineringar mellan
    förbunden, eget kapital mot taket och en avstämning som visar att inget tappats.
    Avslutningskod 0: klart, 1: avstämningen går inte ihop, 2: fel (inget skrivs).
    """
    from pathlib import Path

    from .core.consolidation import consolidate, elimination_problems, same_forbund
    from .errors import ReadError, XlpluginError
    from .io.atomic import atomic_path, check_output
    from .io.consolidation_writer import write_consolidation
    from .io.mapping import read_mapping
    from .io.reader import read_budgets

    policy = _policy(cap_percent, "intakter", None)
    if not str(output).lower().endswith(".xlsx"):
        click.echo(f"fel: {output}: utdatafilen ska sluta på .xlsx", err=True)
        sys.exit(EXIT_ERROR)
    try:
        check_output(output, force, list(files) + ([mapping_file] if mapping_file else []))
        keys = None
        if columns:
            from .io.layout import parse_header
            keys = []
            for text in columns:
                h = parse_header(text)
                if h is None or h.kind is None:
                    raise ReadError(f"--column '{text}': skriv t.ex. \"Budget 2026\" eller \"Plan 2027\"")
                keys.append(f"{h.kind} {h.year}")
        mapping, eliminations = read_mapping(mapping_file) if mapping_file else ({}, [])
        with _progress(len(files), "Läser arbetsböcker") as advance:
            read = read_budgets(files, engine=engine, advance=advance)
        errors = [b for b in read if isinstance(b, ReadError)]
        if errors:
            for exc in errors[:-1]:
                click.echo(f"fel: {exc}", err=True)
            raise errors[-1]
        unsure = [(path, b) for path, b in zip(files, read) if not b.reading.certain]
        if unsure and not take_uncertain:
            for path, b in unsure[:-1]:
                click.echo(f"fel: {path}: osäker tolkning: " + "; ".join(map(str, b.reading.reasons)), err=True)
            path, b = unsure[-1]
            raise ReadError("osäker tolkning: " + "; ".join(map(str, b.reading.reasons))
                            + ". Förbundet läggs inte ihop i tysthet: kör finsam kontrollera --forklara, gör "
                            "strukturen tydligare, eller ange --med-osakra för att ta med det (varje "
                            "blad märks då OSÄKER TOLKNING)", path, b.sheet)
        _warn_uncertain(read)
        budgets = [(b.organisation or Path(path).stem, b) for path, b in zip(files, read)]
        if not distinct:
            for i, j, why in same_forbund(budgets):
                raise ReadError(
                    f"samma förbund i två filer: {files[i]} och {files[j]} ({budgets[i][0]}; {why}). "
                    "Summerade skulle förbundet räknas två gånger. Ta med den ena, eller ange "
                    "--olika-forbund om de är olika förbund")
        cons = consolidate(budgets, mapping, eliminations, keys)
        if keys:
            missing = [k for k in keys if not any(k in f.columns for f in cons.forbund)]
            if missing:
                raise ReadError("ingen av arbetsböckerna har kolumnen " + ", ".join(missing))
        problems = elimination_problems(cons)
        if problems:
            raise ReadError("; ".join(problems), mapping_file)
        with atomic_path(output) as tmp:
            write_consolidation(cons, tmp, policy)
    except XlpluginError as exc:
        click.echo(f"fel: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    differences = {k: cons.reconciliation(k) for k in cons.keys}
    bad = [k for k, rec in differences.items() if any(v["difference"] for v in rec.values())]
    from .core.consolidation import against_sources
    unexplained = [d for k in cons.keys for d in against_sources(cons, k) if not d["explained_by"]]
    for d in unexplained:
        click.echo(f"fel: {d['forbund']}, {d['column']}: läst {d['measure']} {d['read']} men källan anger "
                   f"{d['stated']} ({d['cell'] or d['label']}) och inget i källan förklarar skillnaden; "
                   "kontrollera tolkningen med finsam kontrollera --forklara", err=True)
    bad += [d["column"] for d in unexplained if d["column"] not in bad]
    if as_json:
        click.echo(json.dumps(_consolidation_json(cons, files, policy), ensure_ascii=False, indent=2))
    else:
        from .text import kr
        click.echo(f"Skrev {output}: {len(cons.forbund)} förbund, {len(cons.keys)} kolumner.")
        for k in cons.keys:
            t = cons.totals(k)
            click.echo(f"  {k.capitalize()}: intäkter {kr(t['intakter'])}, kostnader {kr(t['kostnader'])}, "
                       f"resultat {kr(t['resultat'])}")
        unmapped = [m for m in cons.mapped if m.category == "ej_klassificerat"]
        if unmapped:
            click.echo(f"  {len(unmapped)} rader kunde inte klassificeras och står under 'Ej klassificerat' "
                       "(se bladet Mappning).")
        if cons.doubtful:
            click.echo(f"  {len(cons.doubtful)} rader har en osäker kategori (märkta OSÄKER på bladet Mappning, "
                       "med alternativen); rätta dem där och kör igen med --mapping.")
        if cons.proposed:
            click.echo(f"  {len(cons.proposed)} föreslagna elimineringar att bekräfta (se bladet Elimineringar).")
        click.echo("  Avstämning: " + ("inget har tappats – skillnaden är 0 i alla kolumner." if not bad
                                       else "SKILLNAD i " + ", ".join(bad) + " (se bladet Avstämning)."))
    sys.exit(EXIT_DISCREPANCY if bad else EXIT_OK)


@contextlib.contextmanager
def _progress(total: int, text: str):
    """Yield advance(n): a progress bar on a terminal when there are many files, else a no-op."""
    if total < 5 or not sys.stderr.isatty():
        yield lambda n=1: None
        return
    try:
        from rich.console import Console
        from rich.progress import Progress
    except ImportError:
        yield lambda n=1: None
        return
    # auto_refresh=False: no refresh thread, so the reading workers are forked from a
    # process with one thread; the bar is redrawn as files are done.
    with Progress(console=Console(stderr=True), transient=True, auto_refresh=False) as bar:
        task = bar.add_task(text, total=total)

        def advance(n=1):
            bar.advance(task, n)
            bar.refresh()
        yield advance


def _consolidation_json(cons, files, policy) -> dict:
    from .core.consolidation import against_sources, equity_by_forbund
    out = {
        "columns": [{"kind": k.split()[0], "year": int(k.split()[1])} for k in cons.keys],
        "forbund": [{"path": str(p), "organisation": f.budget.organisation, "name": f.name,
                     "reading_certain": f.budget.reading.certain,
                     "totals": {k: cons.inputs[k][f.name] for k in cons.keys if f.name in cons.inputs[k]}}
                    for p, f in zip(files, cons.forbund)],
        "consolidated": {},
        "eliminations": [{"forbund": e.forbund, "label": e.label, "column": e.column, "amount": e.amount,
                          "confirmed": e.confirmed, "note": e.note} for e in cons.eliminations + cons.proposed],
        "unmapped": [{"forbund": m.forbund, "label": m.line.label, "row": m.line.row}
                     for m in cons.mapped if m.category == "ej_klassificerat"],
        "uncertain_mappings": [{"forbund": m.forbund, "label": m.line.label, "row": m.line.row,
                                "category": m.category, "alternatives": list(m.alternatives), "why": m.doubt}
                               for m in cons.doubtful],
        "reconciliation": {},
        "equity": [{"year": y, "per_forbund": d["per_forbund"], "total": d["total"],
                    "complete": d["complete"], "cap": d["cap"]} for y, d in equity_by_forbund(cons, policy).items()],
    }
    for k in cons.keys:
        t = cons.totals(k)
        out["consolidated"][k] = {**t, "by_category": cons.consolidated(k)}
        rec = cons.reconciliation(k)
        out["reconciliation"][k] = {**rec["omslutning"], **{m: rec[m] for m in ("intakter", "kostnader", "resultat")},
                                    "sources": against_sources(cons, k)}
    return out


@main.command("uppfoljning", options_metavar="[FLAGGOR]")
@click.argument("budget", metavar="BUDGET.xlsx", type=click.Path(dir_okay=False))
@click.option("--utfall", "actuals_path", required=True, type=click.Path(dir_okay=False),
              help="Bokföringens utfall: en SIE 4-fil (.se, .si, .sie) eller en resultatrapport i Excel.")
@click.option("--period", required=True, metavar="ÅÅÅÅ-MM",
              help="Sista månaden som följs upp, t.ex. 2025-08; eller tertial 2025-T1/T2/T3, kvartal "
                   "2025-Q1…Q4, 2025-delår (augusti), 2025-helår.")
@click.option("--kolumn", "column", default=None, help='Budgetkolumnen, t.ex. "Budget 2025" (standard: årets budget).')
@click.option("--mappning", "mapping_path", default=None, type=click.Path(dir_okay=False),
              help="Arbetsbok med bladet Kontomappning (Konto | Objekt | Budgetrad) som ersätter förslaget.")
@click.option("--periodisering", "periodisation", default="jamn", metavar="jamn|fjol|FIL",
              help="jamn (standard), fjol (förra årets utfall per rad) eller en arbetsbok Rad | jan … dec.")
@click.option("--prognos", "forecast", type=click.Choice(["rest", "linjar"]), default="rest",
              help="Helårsprognos: rest = utfall + resten av årets budget (standard), linjar = utfall × 12 / månader.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False),
              help="Arbetsboken som skrivs (standard: Uppfoljning_ÅÅÅÅ-MM.xlsx).")
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON på stdout.")
@click.option("--force", is_flag=True, help="Skriv över en befintlig utdatafil.")
@click.option("--blad", "sheet", default=None, help="Läs budgeten från detta blad.")
def followup_command(budget, actuals_path, period, column, mapping_path, periodisation, forecast,
                     output, as_json, force, sheet):
    """Följ upp budgeten mot bokföringens utfall (SIE 4 eller resultatrapport): budget och
    utfall t.o.m. perioden, avvikelse, helårsprognos och eget kapital.

    Konton och objekt förs till budgetrader efter kontonummer i radtexten, projektens namn,
    kontonamn och BAS-intervall; förslaget skrivs till bladet Kontomappning, där du rättar
    det och kör igen med --mappning. Det som ingen regel för står under Ej mappat.
    Avslutningskod 0: klart, 1: avstämningen mot bokföringen går inte ihop, 2: fel (inget skrivs).
    """
    from .core.check import check_budget
    from .core.followup import (FollowUpError, Periodisation, actuals_from_sie, follow_up, map_actuals,
                                profile_from_last_year, propose_mapping)
    from .core.model import BUDGET, PLAN
    from .io.atomic import atomic_path, check_output
    from .io.followup_inputs import read_key, read_mapping
    from .io.resultatrapport import read_resultatrapport
    from .io.followup_writer import write_followup
    from .io.reader import read_budget
    from .io.sie import read_sie

    from .core.followup import parse_period
    ym = parse_period(period)
    if ym is None:
        click.echo(f"fel: --period {period}: skriv år och månad, t.ex. 2025-08, eller tertial "
                   "(2025-T2), kvartal (2025-Q3), delår eller helår", err=True)
        sys.exit(EXIT_ERROR)
    per = f"{ym[0]}{ym[1]:02d}"
    output = output or f"Uppfoljning_{ym[0]}-{ym[1]:02d}.xlsx"
    if not str(output).lower().endswith(".xlsx"):
        click.echo(f"fel: {output}: utdatafilen ska sluta på .xlsx", err=True)
        sys.exit(EXIT_ERROR)
    try:
        check_output(output, force, [budget, actuals_path] + ([mapping_path] if mapping_path else []))
        b = read_budget(budget, sheet=sheet)
        _warn_uncertain([b])
        if actuals_path.lower().endswith((".xlsx", ".xlsm")):
            actuals = read_resultatrapport(actuals_path, ym[0], ym[1])
        else:
            actuals = actuals_from_sie(_read_sie_with_progress(actuals_path, read_sie))
        year = int(actuals.months[0][:4])
        if column is None:
            col = next((c for c in b.columns if c.kind == BUDGET and c.year == year), None) or \
                next((c for c in b.columns if c.kind == PLAN and c.year == year), None)
            if col is None:
                raise FollowUpError(f"budgeten har ingen kolumn Budget {year} (räkenskapsåret i {actuals_path}); "
                                    f"ange --kolumn (kolumner: {', '.join(c.header for c in b.columns)})")
            column = col.header
        elif column not in [c.header for c in b.columns]:
            raise FollowUpError(f"kolumnen '{column}' finns inte (kolumner: {', '.join(c.header for c in b.columns)})")
        rules = read_mapping(mapping_path) if mapping_path else propose_mapping(b, column, actuals)
        if periodisation == "jamn":
            pz = Periodisation("jamn")
        elif periodisation == "fjol":
            if not actuals.previous:
                raise FollowUpError("--periodisering fjol: utfallsfilen har inget föregående år (#RAR -1 med #PSALDO)")
            prev = type(actuals)(path=actuals.path, format=actuals.format, company=actuals.company,
                                 fiscal_year=actuals.fiscal_year, months=actuals.months, rows=actuals.previous)
            pz = Periodisation("fjol", profile_from_last_year(map_actuals(prev, rules),
                                                              first_month=actuals.fiscal_year[0].month))
        else:
            pz = Periodisation("nyckel", read_key(periodisation))
        fu = follow_up(b, column, actuals, per, rules, pz, forecast)
        from .core.equity import ib_of_year
        ib = ib_of_year(check_budget(b).equity, year)
        with atomic_path(output) as tmp:
            write_followup(fu, tmp, ib)
    except FollowUpError as exc:
        click.echo(f"fel: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except XlpluginError as exc:
        click.echo(f"fel: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    rec = fu.reconciliation()
    bad = rec["difference"] != 0 or bool(actuals.differences)
    if as_json:
        click.echo(json.dumps(followup_json(fu), ensure_ascii=False, indent=2))
    else:
        t = fu.totals()
        click.echo(f"Skrev {output}: {len(fu.lines)} budgetrader, t.o.m. {ym[0]}-{ym[1]:02d}.")
        for key, name in (("intakter", "Intäkter"), ("kostnader", "Kostnader"), ("resultat", "Resultat")):
            x = t[key]
            click.echo(f"  {name}: budget t.o.m. {_kr2(x['budget_to_date'])}, utfall {_kr2(x['actual_to_date'])}, "
                       f"avvikelse {_kr2(x['deviation'])}, helårsprognos {_kr2(x['forecast_year'])}")
        if fu.unmapped:
            click.echo(f"  {len(fu.unmapped)} konton/objekt är inte mappade ({_kr2(rec['unmapped'])}); "
                       "se bladen Ej mappat och Kontomappning.")
        click.echo("  Avstämning: " + ("mappat + ej mappat = bokföringens resultat på öret."
                                       if rec["difference"] == 0 else f"SKILLNAD {_kr2(rec['difference'])}."))
    for d in actuals.differences[:10]:
        click.echo(f"obs: {actuals.path}: konto {d['account']} {d['period'][:4]}-{d['period'][4:]}: #PSALDO "
                   f"{d['psaldo']} men verifikationerna {d['vouchers']} (skillnad {d['difference']})", err=True)
    if len(actuals.differences) > 10:
        click.echo(f"obs: ytterligare {len(actuals.differences) - 10} skillnader mellan #PSALDO och "
                   "verifikationerna (se bladet Avstämning)", err=True)
    if rec["difference"] != 0:
        click.echo(f"fel: avstämningen går inte ihop: skillnad {rec['difference']} (se bladet Avstämning)", err=True)
    sys.exit(EXIT_DISCREPANCY if bad else EXIT_OK)


def _read_sie_with_progress(path, read_sie):
    """A progress bar on a terminal while a large SIE file (over 5 MB) is read."""
    import os
    if os.path.getsize(path) < 5_000_000 or not sys.stderr.isatty():
        return read_sie(path)
    try:
        from rich.console import Console
        from rich.progress import Progress
    except ImportError:
        return read_sie(path)
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Läser SIE-filen", total=None)

        def advance(done, total):
            bar.update(task, completed=done, total=total)
        return read_sie(path, advance)


def _kr2(x) -> str:
    """Kronor with öre, Swedish style: 1 234 567,50 kr."""
    from .text import kr_ore
    return kr_ore(x) + " kr"


def _money(x):
    """A Decimal amount for JSON: an exact number (whole kronor as int, else two decimals)."""
    q = x.quantize(Decimal("0.01"))
    return int(q) if q == q.to_integral_value() else float(q)


def followup_json(fu) -> dict:
    """The JSON of `finsam uppfoljning --json` (amounts in kronor with öre, revenue positive)."""
    b = fu.budget
    col = next(c for c in b.columns if c.header == fu.column)
    months = fu.actuals.months_to(fu.period)

    def amounts(x: dict) -> dict:
        return {k: _money(v) for k, v in x.items()}
    return {
        "budget": {"path": b.path, "organisation": b.organisation, "column": {"kind": col.kind, "year": col.year,
                                                                               "header": col.header}},
        "actuals": {"path": fu.actuals.path, "format": fu.actuals.format, "company": fu.actuals.company,
                    "fiscal_year": [str(fu.actuals.fiscal_year[0]), str(fu.actuals.fiscal_year[1])],
                    "period": f"{fu.period[:4]}-{fu.period[4:]}"},
        "lines": [{"label": x.label, "row": x.row,
                   "mapped_from": [{"account": a, "object": o or None} for a, o in x.mapped_from],
                   "budget_year": _money(x.budget_year), "budget_to_date": _money(x.budget_to_date),
                   "actual_to_date": _money(x.actual_to_date), "deviation": _money(x.deviation),
                   "deviation_pct": None if x.deviation_pct is None else float(x.deviation_pct),
                   "forecast_year": _money(x.forecast_year)} for x in fu.lines],
        "totals": {k: amounts(v) for k, v in fu.totals().items()},
        "unmapped": [{"account": m.row.account, "object": "; ".join(f"{d}:{c}" for d, c in m.row.objects) or None,
                      "name": m.row.name, "amount": _money(m.row.to_date(months))} for m in fu.unmapped],
        "reconciliation": amounts(fu.reconciliation()),
        "voucher_period_differences": [{k: (_money(v) if isinstance(v, Decimal) else v) for k, v in d.items()}
                                       for d in fu.actuals.differences],
        "mapping": [{"account": r.account_text, "object": r.object_text or None, "line": r.line, "why": r.why}
                    for r in fu.rules],
    }


@main.command("jamfor", options_metavar="[FLAGGOR]")
@click.argument("before", metavar="FÖRE.xlsx", type=click.Path(dir_okay=False))
@click.argument("after", metavar="EFTER.xlsx", type=click.Path(dir_okay=False))
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False),
              help="Arbetsboken som skrivs (standard: Jamforelse.xlsx).")
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON på stdout.")
@click.option("--force", is_flag=True, help="Skriv över en befintlig utdatafil.")
def compare_command(before, after, output, as_json, force):
    """Jämför förra årets plan med årets budget rad för rad (t.ex. Plan 2026 i fjol mot
    Budget 2026 i år): före, efter och förändringen i kr och %, rader som bara finns i
    den ena, och summorna. Avslutningskod 0: klart, 2: fel (inget skrivs)."""
    from .core.compare import compare
    from .io.atomic import atomic_path, check_output
    from .io.compare_writer import write_comparison
    from .io.reader import read_budget
    output = output or "Jamforelse.xlsx"
    try:
        check_output(output, force, [before, after])
        b, a = read_budget(before), read_budget(after)
        _warn_uncertain([b, a])
        cmp = compare(b, a)
        if not cmp.pairs:
            raise XlpluginError(f"budgetarna har inget år gemensamt ({before}: "
                                f"{', '.join(c.header for c in b.columns)}; {after}: {', '.join(c.header for c in a.columns)})")
        with atomic_path(output) as tmp:
            write_comparison(cmp, tmp)
    except XlpluginError as exc:
        click.echo(f"fel: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    if as_json:
        click.echo(json.dumps({
            "years": sorted({p.year for p in cmp.pairs}),
            "lines": [{"label": x.label, "before_label": x.before_label, "year": x.year,
                       "before": {"kind": x.pair.before_kind, "column": x.pair.before, "amount": x.before},
                       "after": {"kind": x.pair.after_kind, "column": x.pair.after, "amount": x.after},
                       "change": x.change, "matched_by": x.how} for x in cmp.lines],
            "totals": cmp.totals(),
            "only_before": [{"label": ln.label, "row": ln.row} for ln in cmp.only_before],
            "only_after": [{"label": ln.label, "row": ln.row} for ln in cmp.only_after],
        }, ensure_ascii=False, indent=2))
    else:
        from .text import kr
        click.echo(f"Skrev {output}: {len(cmp.lines)} jämförda rader för "
                   f"{', '.join(str(y) for y in sorted({p.year for p in cmp.pairs}))}.")
        for t in cmp.totals():
            if t["measure"] == "resultat":
                click.echo(f"  {t['year']}: resultat {t['before']['column']} {kr(t['before']['amount'])} → "
                           f"{t['after']['column']} {kr(t['after']['amount'])} ({kr(t['change'])})")
        if cmp.only_before or cmp.only_after:
            click.echo(f"  {len(cmp.only_before)} rader bara i {before}, {len(cmp.only_after)} bara i {after}.")
    sys.exit(EXIT_OK)


def run() -> None:
    """The `finsam` console command: `main`, then a quick exit.

    After the command has written everything (outputs are closed; stdout and stderr are
    flushed here), the process ends with os._exit: Python's own shutdown would spend
    some 20 ms freeing the budgets, lines and workbook text of a large consolidation one
    object at a time. `main` stays a normal click command for use in-process."""
    import os
    try:
        main(prog_name="finsam")
    except SystemExit as exc:
        code = exc.code
        if code is None:
            code = 0
        elif not isinstance(code, int):
            print(code, file=sys.stderr)
            code = 1
    else:
        code = 0
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        code = code or 1
    from .runtime import IN_PYODIDE
    if IN_PYODIDE:              # no process to end there: return the code as Python would
        raise SystemExit(code)
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
