"""SIE 4 files: the accounting system's export (SIE-gruppen's format, type 4).

A text file, one record a line: `#LABEL field field …`. Fields are separated by spaces or
tabs; a field with spaces is quoted ("…", with \\" and \\\\ as escapes); an object list is
`{dim "code" dim "code" …}`. The character set is `#FORMAT PC8` (code page 437) unless the
file says otherwise; amounts use a dot and may carry öre; debit is positive and credit
negative (so revenue accounts are negative).

`read_sie(path)` returns an immutable `SieFile`; every problem is a `SieError` (a
ReadError) naming the file and line, in Swedish. Only what a follow-up needs is kept
(fiscal years, accounts, dimensions and objects, IB/UB/RES, period balances, vouchers);
the other records of the format are checked for shape and passed over.

Written here because nothing on PyPI is a maintained SIE 4 reader (see README).
"""

from __future__ import annotations

import datetime as _dt
import gc
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import partial
from pathlib import Path
import re
from typing import Mapping, NamedTuple

from ..errors import ReadError

# every record of SIE 4 (types 1-4, E and I); anything else is refused
KNOWN = frozenset({
    "FLAGGA", "FORMAT", "SIETYP", "PROGRAM", "GEN", "PROSA", "FTYP", "FNR", "ORGNR", "BKOD",
    "ADRESS", "FNAMN", "RAR", "TAXAR", "OMFATTN", "KPTYP", "VALUTA", "KONTO", "KTYP", "ENHET",
    "SRU", "DIM", "UNDERDIM", "OBJEKT", "IB", "UB", "OIB", "OUB", "RES", "PSALDO", "PBUDGET",
    "VER", "TRANS", "RTRANS", "BTRANS", "KSUMMA",
})
# records that may appear once
ONCE = frozenset({"FLAGGA", "FORMAT", "SIETYP", "PROGRAM", "GEN", "FNAMN", "ORGNR", "FNR",
                  "KPTYP", "VALUTA", "OMFATTN", "TAXAR", "ADRESS", "BKOD", "FTYP"})
ENCODINGS = {"PC8": "cp437", "PCUTF8": "utf-8"}

# code page 437 shows ISO-8859-1's å ä ö Å Ä Ö as these: a file in Latin-1 that says PC8
_LATIN1_AS_CP437 = set("σΣ÷┼─╓")


ZERO = Decimal(0)


class SieError(ReadError):
    """A SIE file that cannot be read (Swedish message with file and line)."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message, path, None, f"rad {line}" if line else None)
        self.line = line

    def __reduce__(self):
        return (type(self), (self.message, self.path, self.line))

    def __str__(self) -> str:
        where = ", ".join(p for p in (str(self.path) if self.path else "",
                                      f"rad {self.line}" if self.line else "") if p)
        return f"{where}: {self.message}" if where else self.message


class Transaction(NamedTuple):
    """One #TRANS row: `amount` in kronor (Decimal, öre kept), debit positive."""

    account: str
    objects: tuple[tuple[str, str], ...]
    amount: Decimal
    date: _dt.date
    text: str = ""


class Voucher(NamedTuple):
    """A voucher's head: its rows are summed into SieFile.movements as they are read (a
    year's export can hold 300 000 rows; the follow-up needs their sums per account,
    object and month, not the rows)."""

    series: str
    number: str
    date: _dt.date
    text: str
    row_count: int
    line: int


_VOUCHER = partial(tuple.__new__, Voucher)     # a Voucher from a tuple of its fields, in C


@dataclass(frozen=True)
class SieFile:
    """What a SIE 4 file says. Amounts are Decimal kronor, debit positive (SIE's signs).

    `years` maps the year number (0 this year, -1 last year) to (first day, last day);
    `period_balances` maps (year number, "YYYYMM", account, objects) to the period's
    movement; `balances` maps ("IB"|"UB"|"RES", year number, account) to the amount."""

    path: str
    format: str
    company: str
    org_nr: str
    years: Mapping[int, tuple[_dt.date, _dt.date]]
    accounts: Mapping[str, str]
    dimensions: Mapping[str, str]
    objects: Mapping[tuple[str, str], str]
    balances: Mapping[tuple[str, int, str], Decimal]
    period_balances: Mapping[tuple[int, str, str, tuple], Decimal]
    vouchers: tuple[Voucher, ...] = field(default_factory=tuple)
    chart: str = ""              # #KPTYP: the chart of accounts (BAS2014, EUBAS97, KBAS …)
    movements: Mapping[tuple[str, tuple, str], Decimal] = field(default_factory=dict)

    @property
    def fiscal_year(self) -> tuple[_dt.date, _dt.date]:
        return self.years[0]


# --- tokens -----------------------------------------------------------------------------------

# the common #TRANS row: account, {object list without quotes inside braces or with
# simple quoted codes}, amount, and whatever follows (date, text, quantity, sign)
_TRANS = re.compile(r'#TRANS[ \t]+(\d+)[ \t]+\{([^{}]*)\}[ \t]+(-?\d+(?:\.\d+)?)(?:[ \t]+(.*))?$')
_TRANS_LINE = re.compile(r'[ \t]*#TRANS[ \t]+(\d+)[ \t]+\{([^{}]*)\}[ \t]+(-?\d+(?:\.\d+)?)(?:[ \t]+(.*?))?[ \t]*$')

# what follows a #TRANS row's amount, commonly: the transaction date and a plain text
_TRANS_TAIL = re.compile(r'(\d{8})(?:[ \t]+"[^"\\]*")?[ \t]*$')

_TRANS_BLOCK = re.compile(r'^[ \t]*#TRANS[ \t]+(\d+)[ \t]+\{([^{}\n]*)\}[ \t]+(-?\d+(?:\.\d+)?)()[ \t]*$', re.M)

# the common #VER row: series, number, date and an optional simple text (then the rest)
_VER = re.compile(r'#VER[ \t]+("[^"\\]*"|[^\s"{}]+)[ \t]+("[^"\\]*"|[^\s"{}]*)[ \t]+(\d{8})'
                  r'(?:[ \t]+("[^"\\]*"|[^\s"{}]+))?(?:[ \t]+\d{8})?[ \t]*$')


# what is left of a run's amounts, one a line, when ASCII digits, "-", "." and the line
# breaks are taken out: nothing, when every amount is written as _TRANS reads it (see
# `_plain_amounts`)
_AMOUNT_CHARS = dict.fromkeys(b"-.0123456789\n")
RUN_LINES = 4096      # lines of vouchers read in one go


def _unquote(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text[0] == '"' and text[-1] == '"' else text


def tokenize(text: str, path: str | None = None, line: int | None = None) -> list:
    """Split one record into fields: strings, and tuples for {object lists}."""
    if '"' not in text and "{" not in text and "}" not in text:
        return text.split()
    return _tokenize_slow(text, path, line)


def _tokenize_slow(text: str, path: str | None = None, line: int | None = None) -> list:
    out: list = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in " \t":
            i += 1
            continue
        if ch == "{":
            end = _closing_brace(text, i, path, line)
            inner = _tokenize_slow(text[i + 1:end], path, line)
            if any(isinstance(t, tuple) for t in inner):
                raise SieError("objektlista inne i en objektlista", path, line)
            out.append(tuple(inner))
            i = end + 1
            continue
        if ch == "}":
            raise SieError("'}' utan '{'", path, line)
        if ch == '"':
            value, i = _quoted(text, i, path, line)
            out.append(value)
            continue
        j = i
        while j < n and text[j] not in " \t{}\"":
            j += 1
        out.append(text[i:j])
        i = j
    return out


def _quoted(text: str, i: int, path, line) -> tuple[str, int]:
    buf = []
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch == "\\" and j + 1 < len(text) and text[j + 1] in '"\\':
            buf.append(text[j + 1])
            j += 2
            continue
        if ch == '"':
            return "".join(buf), j + 1
        buf.append(ch)
        j += 1
    raise SieError("citattecken som inte avslutas", path, line)


def _closing_brace(text: str, i: int, path, line) -> int:
    j, quoted = i + 1, False
    while j < len(text):
        ch = text[j]
        if quoted:
            if ch == "\\" and j + 1 < len(text):
                j += 2
                continue
            if ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch == "}":
            return j
        j += 1
    raise SieError("objektlista utan '}'" if not quoted else "citattecken som inte avslutas", path, line)


# --- reading ----------------------------------------------------------------------------------

def _trans_prefix(prefix: str) -> tuple[str, str] | None:
    """(account, object list text) of a #TRANS row's text before " amount", when the row is
    plain: "#TRANS", an account of digits, "{…}" with no "{" inside, nothing after the
    braces; None for anything else (a date or text after the amount, a bad account …)."""
    before, _brace, rest = prefix.partition("{")
    objs_text, close, after = rest.partition("}")
    # str.split also splits on a no-break space and on \x1f; SIE separates by space and tab
    if not (before.isascii() and after.isascii()) or "\x1f" in before or "\x1f" in after:
        return None
    first = before.split()
    if (not close or len(first) != 2 or first[0] != "#TRANS" or after.strip() or "{" in objs_text
            or not before[-1:].isspace()):
        return None
    acc = first[1]
    return (acc, objs_text) if acc.isdigit() else None


def _plain_amounts(amounts: list[str]) -> bool:
    """Whether every amount (a text Decimal has read) is "-?digits[.digits]" as _TRANS
    reads it. Of the texts Decimal reads that hold only ASCII digits, "-" and ".", the
    others are ".5", "5." and "-.5"; anything else (exponents, "Inf", Unicode digits, "+")
    leaves a character behind. False sends the run to the row-by-row reading."""
    joined = "\n" + "\n".join(amounts) + "\n"
    return not joined.translate(_AMOUNT_CHARS) and "\n." not in joined and ".\n" not in joined \
        and "-." not in joined


def decode(data: bytes, path: str | None = None) -> tuple[str, str]:
    """(text, format name): by #FORMAT (PC8, code page 437, when not stated). A file that
    says PC8 but is UTF-8 or Latin-1 is refused: its å, ä and ö would come out wrong."""
    head = data[:4096]
    fmt = "PC8"
    for raw in head.splitlines():
        if raw.strip().upper().startswith(b"#FORMAT"):
            parts = raw.split()
            fmt = parts[1].decode("ascii", "replace").strip('"').upper() if len(parts) > 1 else "PC8"
            break
    if fmt not in ENCODINGS:
        raise SieError(f"okänd teckenuppsättning #FORMAT {fmt} (SIE 4 är PC8, teckentabell 437)", path,
                       _line_of(data, b"#FORMAT"))
    if data.startswith(b"\xef\xbb\xbf"):
        if fmt == "PC8":
            raise SieError("fel teckenkodning: filen säger #FORMAT PC8 men börjar som UTF-8 "
                           "(byte order mark); exportera om den som SIE 4 PC8", path, 1)
        data = data[3:]
    if fmt == "PC8" and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise SieError("fel teckenkodning: filen säger #FORMAT PC8 men är skriven i UTF-8; "
                           "exportera om den som SIE 4 PC8", path, _first_high_line(data))
    try:
        text = data.decode(ENCODINGS[fmt])
    except UnicodeDecodeError as exc:
        raise SieError(f"fel teckenkodning: byte {exc.start} går inte att läsa som {fmt}", path,
                       data[:exc.start].count(b"\n") + 1) from None
    if fmt == "PC8" and any(ch in text for ch in _LATIN1_AS_CP437) and not any(ch in text for ch in "åäöÅÄÖ"):
        raise SieError("fel teckenkodning: filen säger #FORMAT PC8 men verkar vara skriven i "
                       "ISO-8859-1 (å, ä och ö blir σ, Σ och ÷); exportera om den som SIE 4 PC8",
                       path, next((k for k, ln in enumerate(text.splitlines(), 1)
                                   if _LATIN1_AS_CP437 & set(ln)), None))
    return text, fmt


def _line_of(data: bytes, needle: bytes) -> int | None:
    k = data.find(needle)
    return data[:k].count(b"\n") + 1 if k >= 0 else None


def _first_high_line(data: bytes) -> int:
    k = next(i for i, b in enumerate(data) if b >= 0x80)
    return data[:k].count(b"\n") + 1


def read_sie(path: str | Path, progress=None) -> SieFile:
    """Read a SIE 4 file (see the module docstring); SieError on anything malformed.
    `progress(done, total)` is called now and then with lines read (for a progress bar)."""
    p = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SieError(f"filen går inte att läsa ({exc.strerror or exc})", p) from None
    return parse_sie(data, p, progress)


def parse_sie(data: bytes, path: str = "", progress=None) -> SieFile:
    text, fmt = decode(data, path)
    # The parse makes a few objects per line and no reference cycles; the cyclic garbage
    # collector would walk the growing voucher list again and again (10-15 % of the time
    # on 100 000 vouchers), so it is paused for the parse and put back as it was.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Parser(path, fmt, progress).parse(text)
    finally:
        if collecting:
            gc.enable()


def _date(token: str, path, line, what: str) -> _dt.date:
    try:
        if len(token) != 8 or not token.isdigit():
            raise ValueError
        return _dt.date(int(token[:4]), int(token[4:6]), int(token[6:]))
    except ValueError:
        raise SieError(f"{what} '{token}' är inget datum (ÅÅÅÅMMDD)", path, line) from None


def _amount(token, path, line) -> Decimal:
    if not isinstance(token, str):
        raise SieError("belopp saknas", path, line)
    try:
        if not token or token.count(".") > 1 or "," in token:
            raise InvalidOperation
        value = Decimal(token)
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise SieError(f"'{token}' är inget belopp (punkt som decimaltecken, t.ex. -1250.50)", path, line) from None
    return value


def _year_number(token, path, line) -> int:
    try:
        value = int(token)
    except (TypeError, ValueError):
        raise SieError(f"årsnummer '{token}' är inget tal (0, -1, …)", path, line) from None
    if value > 0:
        raise SieError(f"årsnummer {value}: 0 är innevarande år, -1 året före", path, line)
    return value


def _account(token, path, line) -> str:
    if not isinstance(token, str) or not token.isdigit():
        raise SieError(f"kontonummer '{token}' är inget tal", path, line)
    return token


def _objects(token, path, line) -> tuple[tuple[str, str], ...]:
    if not isinstance(token, tuple):
        raise SieError("objektlista {…} saknas", path, line)
    if len(token) % 2:
        raise SieError("objektlistan ska ha par av dimension och objekt", path, line)
    return tuple((token[k], token[k + 1]) for k in range(0, len(token), 2))


class _Parser:
    def __init__(self, path: str, fmt: str, progress=None):
        self.path, self.fmt, self.progress = path, fmt, progress
        self.seen: set[str] = set()
        self.company = self.org_nr = self.chart = ""
        self.years: dict[int, tuple[_dt.date, _dt.date]] = {}
        self.accounts: dict[str, str] = {}
        self.dimensions: dict[str, str] = {}
        self.objects: dict[tuple[str, str], str] = {}
        self.balances: dict[tuple[str, int, str], Decimal] = {}
        self.period_balances: dict[tuple[int, str, str, tuple], Decimal] = {}
        self.vouchers: list[Voucher] = []
        self.voucher_keys: set[tuple[str, str]] = set()
        self.pending_periods: list[tuple[int, str, int]] = []
        self.objects_seen: dict[str, tuple] = {}
        self.dates: dict[str, _dt.date] = {}
        self.months: dict[str, str] = {}          # a transaction date's "YYYYMMDD" → "YYYYMM"
        self.last_block: tuple = (-1, None)       # _plain_block's last (k, answer)
        self.movements: dict[tuple[str, tuple, str], Decimal] = {}
        self.slow_until = -1        # lines up to here are read voucher by voucher

    def error(self, message: str, line: int | None):
        raise SieError(message, self.path, line)

    def parse(self, text: str) -> SieFile:
        lines = text.splitlines()
        first = next(((k, ln.strip()) for k, ln in enumerate(lines, 1) if ln.strip()), None)
        if first is None or not first[1].startswith("#"):
            self.error("inte en SIE-fil: första raden ska vara en post som #FLAGGA", first[0] if first else 1)
        k, n = 0, len(lines)
        next_report = 50_000
        while k < n:
            if self.progress is not None and k >= next_report:
                self.progress(k, n)
                next_report = k + 50_000
            line_no = k + 1
            raw = lines[k].strip()
            k += 1
            if not raw:
                continue
            if raw in ("{", "}"):
                self.error(f"'{raw}' utanför en verifikation", line_no)
            if not raw.startswith("#"):
                self.error(f"rad som inte är en post: '{raw[:40]}'", line_no)
            m = _VER.match(raw)
            if m is not None:
                if k > self.slow_until:
                    fast = self.voucher_run(lines, k - 1)
                    if fast is not None:
                        k = fast
                        continue
                fast = self.plain_voucher(m, line_no, lines, k)
                if fast is not None:
                    k = fast
                    continue
                series, number, date, text = m.groups()
                k = self.voucher(["#VER", series.strip('"'), number.strip('"'), date,
                                  _unquote(text) if text else ""], line_no, lines, k)
                continue
            tokens = tokenize(raw, self.path, line_no)
            label = tokens[0][1:].upper() if isinstance(tokens[0], str) else ""
            if label not in KNOWN:
                self.error(f"okänd post {tokens[0]}", line_no)
            if label in ONCE:
                if label in self.seen:
                    self.error(f"posten #{label} finns två gånger", line_no)
                self.seen.add(label)
            if label in ("TRANS", "RTRANS", "BTRANS"):
                self.error(f"#{label} utanför en verifikation (#VER följd av {{ … }})", line_no)
            if label == "VER":
                k = self.voucher(tokens, line_no, lines, k)
                continue
            handler = getattr(self, "rec_" + label.lower(), None)
            if handler is not None:
                handler(tokens[1:], line_no)
        if "SIETYP" not in self.seen and "FLAGGA" not in self.seen:
            self.error("inte en SIE-fil: #FLAGGA och #SIETYP saknas", 1)
        if 0 not in self.years:
            self.error("räkenskapsåret saknas (#RAR 0 ÅÅÅÅMMDD ÅÅÅÅMMDD)", None)
        for year, period, line_no in self.pending_periods:
            if year not in self.years:
                self.error(f"#PSALDO för år {year}, som #RAR inte anger", line_no)
            start, end = self.years[year]
            first_month, last_month = start.year * 100 + start.month, end.year * 100 + end.month
            if not first_month <= int(period) <= last_month:
                self.error(f"perioden {period} ligger utanför räkenskapsåret {start:%Y%m%d}–{end:%Y%m%d}",
                           line_no)
        start, end = self.years[0]
        for v in self.vouchers:
            if not start <= v.date <= end:
                self.error(f"verifikation {v.series} {v.number}: datumet {v.date:%Y%m%d} ligger utanför "
                           f"räkenskapsåret {start:%Y%m%d}–{end:%Y%m%d}", v.line)
        return SieFile(path=self.path, format=self.fmt, company=self.company, org_nr=self.org_nr,
                       years=dict(self.years), accounts=dict(self.accounts),
                       dimensions=dict(self.dimensions), objects=dict(self.objects),
                       balances=dict(self.balances), period_balances=dict(self.period_balances),
                       vouchers=tuple(self.vouchers), movements=self.movements, chart=self.chart)

    # --- records -----------------------------------------------------------------------------

    def need(self, f: list, count: int, what: str, line: int):
        if len(f) < count or any(isinstance(x, tuple) for x in f[:count] if what != "objekt"):
            self.error(f"posten saknar fält: {what}", line)

    def rec_sietyp(self, f, line):
        self.need(f, 1, "typ", line)
        if f[0] not in ("1", "2", "3", "4"):
            self.error(f"#SIETYP {f[0]}: typerna är 1–4", line)

    def rec_kptyp(self, f, line):
        self.need(f, 1, "kontoplanstyp", line)
        self.chart = f[0]

    def rec_fnamn(self, f, line):
        self.need(f, 1, "företagsnamn", line)
        self.company = f[0]

    def rec_orgnr(self, f, line):
        self.need(f, 1, "organisationsnummer", line)
        self.org_nr = f[0]

    def rec_rar(self, f, line):
        self.need(f, 3, "årsnummer, start och slut", line)
        year = _year_number(f[0], self.path, line)
        if year in self.years:
            self.error(f"#RAR {year} finns två gånger", line)
        start = _date(f[1], self.path, line, "startdatum")
        end = _date(f[2], self.path, line, "slutdatum")
        if end < start:
            self.error("räkenskapsåret slutar före det börjar", line)
        self.years[year] = (start, end)

    def rec_konto(self, f, line):
        self.need(f, 2, "kontonummer och namn", line)
        acc = _account(f[0], self.path, line)
        if acc in self.accounts:
            self.error(f"kontot {acc} finns två gånger (#KONTO)", line)
        self.accounts[acc] = f[1]

    def rec_dim(self, f, line):
        self.need(f, 2, "dimension och namn", line)
        if f[0] in self.dimensions:
            self.error(f"dimensionen {f[0]} finns två gånger (#DIM)", line)
        self.dimensions[f[0]] = f[1]

    def rec_underdim(self, f, line):
        self.need(f, 3, "dimension, namn och överdimension", line)
        self.dimensions.setdefault(f[0], f[1])

    def rec_objekt(self, f, line):
        self.need(f, 3, "dimension, objekt och namn", line)
        key = (f[0], f[1])
        if key in self.objects:
            self.error(f"objektet {f[1]} i dimension {f[0]} finns två gånger (#OBJEKT)", line)
        self.objects[key] = f[2]

    def _balance(self, kind: str, f, line):
        self.need(f, 3, "årsnummer, konto och belopp", line)
        key = (kind, _year_number(f[0], self.path, line), _account(f[1], self.path, line))
        if key in self.balances:
            self.error(f"#{kind} {f[0]} {f[1]} finns två gånger", line)
        self.balances[key] = _amount(f[2], self.path, line)

    def rec_ib(self, f, line):
        self._balance("IB", f, line)

    def rec_ub(self, f, line):
        self._balance("UB", f, line)

    def rec_res(self, f, line):
        self._balance("RES", f, line)

    def rec_psaldo(self, f, line):
        if len(f) < 5:
            self.error("posten saknar fält: årsnummer, period, konto, {objekt} och belopp", line)
        year = _year_number(f[0], self.path, line)
        period = f[1]
        if not isinstance(period, str) or len(period) != 6 or not period.isdigit() or not 1 <= int(period[4:]) <= 12:
            self.error(f"perioden '{period}' ska skrivas ÅÅÅÅMM", line)
        key = (year, period, _account(f[2], self.path, line), _objects(f[3], self.path, line))
        if key in self.period_balances:
            self.error(f"#PSALDO {f[0]} {period} {f[2]} finns två gånger för samma objekt", line)
        self.period_balances[key] = _amount(f[4], self.path, line)
        self.pending_periods.append((year, period, line))

    def voucher(self, tokens, line, lines, k) -> int:
        f = tokens[1:]
        if len(f) < 3:
            self.error("#VER saknar fält: serie, nummer och datum", line)
        series, number = str(f[0]), str(f[1])
        date_ = self.dates.get(f[2])
        if date_ is None:
            date_ = self.dates[f[2]] = _date(f[2], self.path, line, "verifikationsdatum")
        text = f[3] if len(f) > 3 and isinstance(f[3], str) else ""
        key = (series, number)
        if number and key in self.voucher_keys:
            self.error(f"verifikation {series} {number} finns två gånger", line)
        self.voucher_keys.add(key)
        if k < len(lines) and lines[k] == "{":
            k += 1
        else:
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k >= len(lines) or lines[k].strip() != "{":
                self.error(f"verifikation {series} {number}: '{{' saknas på raden efter #VER", line + 1)
            k += 1
        rows: list[tuple] = []
        total = ZERO
        vmonth = f[2][:6]
        trans_match = _TRANS_LINE.match
        mv = self.movements
        mv_get = mv.get
        append = rows.append
        dec = Decimal
        n = len(lines)
        block = self._plain_block(lines, k)
        if block is not None:
            # every row up to the closing brace is a plain #TRANS (the common case): one
            # regular expression over the block, then the sums
            end, found = block
            for acc, objs_text, amount_text, _rest in found:
                objs = self.object_list(objs_text, k)
                amount = dec(amount_text)
                total += amount
                key = (acc, objs, vmonth)
                mv[key] = mv_get(key, ZERO) + amount
            rows = found
            k = end + 1
        while block is None:
            if k >= n:
                self.error(f"verifikation {series} {number}: '}}' saknas (filen tar slut)", line)
            raw = lines[k]
            k += 1
            m = trans_match(raw)
            if m is not None:
                acc, objs_text, amount_text, rest = m.groups()
                objs = self.object_list(objs_text, k)
                month = self._trans_month(rest, k, vmonth) if rest else vmonth
                amount = dec(amount_text)
                total += amount
                key = (acc, objs, month)
                mv[key] = mv_get(key, ZERO) + amount
                append(None)
                continue
            raw = raw.strip()
            if raw == "}":
                break
            if not raw:
                continue
            t = tokenize(raw, self.path, k)
            label = t[0][1:].upper() if isinstance(t[0], str) and t[0].startswith("#") else ""
            if label == "TRANS":
                tr = self.trans(t[1:], k, date_)
                month = f"{tr.date:%Y%m}"
                rows.append(None)
                total += tr.amount
                key = (tr.account, tr.objects, month)
                mv[key] = mv_get(key, ZERO) + tr.amount
            elif label in ("RTRANS", "BTRANS"):
                # added and removed rows of a corrected voucher: an added row is also written
                # as the #TRANS after it, a removed one is not; #TRANS alone gives the balance
                self.trans(t[1:], k, date_)
            elif label in KNOWN:
                self.error(f"posten #{label} inne i verifikation {series} {number} ('}}' saknas?)", k)
            else:
                self.error(f"okänd post {t[0]} inne i verifikation {series} {number}", k)
        if total != 0:
            self.error(f"verifikation {series} {number} balanserar inte: raderna summerar till {total}", line)
        self.vouchers.append(Voucher(series, number, date_, text, len(rows), line))
        return k

    def voucher_run(self, lines, start: int) -> int | None:
        """Plain vouchers from line index `start` (a #VER row) on, up to RUN_LINES lines
        at a time, in one loop over the lines: "#VER …" as _VER reads it, "{", rows
        "#TRANS account {objects} amount", "}". A row is cut at its last space: the amount
        is summed under the text before it, and each distinct text is checked and parsed
        once at the end of the run (`_trans_prefix`), as are the amounts' forms
        (`_plain_amounts`). Returns the index of the line after the
        run; None when anything in it is not plain (another record, a row with a date or
        text, a voucher number seen before, an unbalanced voucher …): the run is then read
        voucher by voucher, with every check and message, and nothing of it is kept."""
        stop = min(len(lines), start + RUN_LINES)
        end = stop - 1
        while end > start and lines[end] != "}":
            end -= 1
        self.slow_until = end
        if end <= start:
            return None
        objects_seen, dates, keys = self.objects_seen, self.dates, self.voucher_keys
        ver_match = _VER.match
        mv: dict[tuple[str, str, str], Decimal] = {}
        mv_get, dec = mv.get, Decimal
        vouchers, new_keys, amounts = [], set(), []
        add_amount = amounts.append
        head = None
        inside = False
        total = ZERO
        first_row = head_line = 0
        month = ""
        for k, line in enumerate(lines[start:end + 1], start):
            if inside:
                if line == "}":
                    rows = len(amounts) - first_row
                    if total != 0 or not rows:
                        return None
                    vouchers.append((*head, rows, head_line))
                    inside, head = False, None
                    continue
                prefix, _space, amount_text = line.rpartition(" ")
                try:
                    amount = dec(amount_text)
                except InvalidOperation:
                    return None
                add_amount(amount_text)
                total += amount
                key = (prefix, month)     # "   #TRANS 4530 {6 "X"}": checked once, below
                mv[key] = mv_get(key, ZERO) + amount
            elif head is None:
                m = ver_match(line)
                if m is None:
                    return None
                series, number, date, text = m.groups()
                series, number = series.strip('"'), number.strip('"')
                key = (series, number)
                if not number or key in keys or key in new_keys:
                    return None
                date_ = dates.get(date)
                if date_ is None:
                    try:
                        date_ = dates[date] = _date(date, self.path, k + 1, "verifikationsdatum")
                    except SieError:
                        return None
                new_keys.add(key)
                if text and len(text) >= 2 and text[0] == '"' and text[-1] == '"':
                    text = text[1:-1]            # _unquote, inline: once per voucher
                head, head_line = (series, number, date_, text or ""), k + 1
                month, total, first_row = date[:6], ZERO, len(amounts)
            elif line == "{":
                inside = True
            else:
                return None
        if head is not None or not _plain_amounts(amounts):
            return None                # a voucher left open, or an amount _TRANS would not read
        rows_read = {}                 # each row's text before its amount: (account, objects)
        for prefix, _month in mv:
            if prefix not in rows_read:
                row = _trans_prefix(prefix)
                if row is None:
                    return None
                try:
                    self.object_list(row[1], start + 1)
                except SieError:
                    return None
                rows_read[prefix] = row
        movements = self.movements
        for (prefix, month), amount in mv.items():
            acc, objs_text = rows_read[prefix]
            key = (acc, objects_seen[objs_text] if objs_text else (), month)
            movements[key] = movements.get(key, ZERO) + amount
        keys |= new_keys
        self.vouchers.extend(map(_VOUCHER, vouchers))
        if self.progress is not None:
            self.progress(end + 1, len(lines))
        return end + 1

    def plain_voucher(self, m, line: int, lines, k: int) -> int | None:
        """The common voucher, read in one go: "{" on the next line, then only plain
        #TRANS rows up to "}". Returns the line after it, or None (then `voucher` reads it
        row by row, with every check and message)."""
        if k >= len(lines) or lines[k] != "{":
            return None
        block = self._plain_block(lines, k + 1)
        if block is None:
            return None
        series, number, date, text = m.groups()
        series, number = series.strip('"'), number.strip('"')
        key = (series, number)
        keys = self.voucher_keys
        if not number or key in keys:
            return None
        date_ = self.dates.get(date)
        if date_ is None:
            return None
        end, found = block
        objects_seen, mv = self.objects_seen, self.movements
        if not all(row[1] in objects_seen for row in found):
            return None            # an object list not seen before: read (and check) it row by row
        mv_get, dec = mv.get, Decimal
        month = date[:6]
        total = ZERO
        for acc, objs_text, amount_text, _rest in found:
            objs = objects_seen[objs_text]
            amount = dec(amount_text)
            total += amount
            mkey = (acc, objs, month)
            mv[mkey] = mv_get(mkey, ZERO) + amount
        if total != 0:
            # put back what was added, and let the row-by-row reader report it
            for acc, objs_text, amount_text, _rest in found:
                mkey = (acc, objects_seen[objs_text], month)
                mv[mkey] = mv[mkey] - dec(amount_text)
            return None
        keys.add(key)
        self.vouchers.append(Voucher(series, number, date_, _unquote(text) if text else "", len(found), line))
        return end + 1

    def _plain_block(self, lines, k):
        """(index of the closing "}", the #TRANS rows' groups) when every line from k to
        the next "}" is a #TRANS row with no date or text after its amount; else None.
        The last answer is kept: `plain_voucher` and then `voucher` ask for the same k."""
        if self.last_block[0] == k:
            return self.last_block[1]
        found = None
        try:
            end = lines.index("}", k, k + 2000)
        except ValueError:
            end = None
        if end == k:
            found = end, []
        elif end is not None:
            rows = _TRANS_BLOCK.findall("\n".join(lines[k:end]))
            found = (end, rows) if len(rows) == end - k else None
        self.last_block = (k, found)
        return found

    def _trans_month(self, rest: str, line: int, default: str) -> str:
        """The month ("YYYYMM") of a #TRANS row's transaction date, in what follows its
        amount; `default` (the voucher's) when it has none. The common tail, a date and a
        plain text ('20250131 "Hyra jan"'), is read with one expression; any other goes
        through the tokenizer, which also reports a broken quote."""
        m = _TRANS_TAIL.match(rest)
        if m is not None:
            first = m.group(1)
        else:
            fields = _tokenize_slow(rest, self.path, line) if '"' in rest else rest.split()
            first = fields[0] if fields else ""
            if not first:
                return default
        month = self.months.get(first)
        if month is None:
            month = self.months[first] = f"{_date(first, self.path, line, 'transaktionsdatum'):%Y%m}"
        return month

    def object_list(self, text: str, line: int) -> tuple[tuple[str, str], ...]:
        """The objects of a #TRANS row's "{…}" (its inner text), parsed once per distinct
        text; SieError (naming `line`) when it is not an object list."""
        objs = self.objects_seen.get(text)
        if objs is None:
            objs = self.objects_seen[text] = _objects(tuple(_tokenize_slow(text, self.path, line)),
                                                      self.path, line)
        return objs

    def trans(self, f, line, voucher_date) -> Transaction:
        if len(f) < 3:
            self.error("#TRANS saknar fält: konto, {objekt} och belopp", line)
        acc = _account(f[0], self.path, line)
        objects = _objects(f[1], self.path, line)
        amount = _amount(f[2], self.path, line)
        date = voucher_date
        if len(f) > 3 and isinstance(f[3], str) and f[3]:
            date = _date(f[3], self.path, line, "transaktionsdatum")
        text = f[4] if len(f) > 4 and isinstance(f[4], str) else ""
        return Transaction(acc, objects, amount, date, text)


# --- what the vouchers and the period balances say --------------------------------------------

def result_account(account: str) -> bool:
    """Accounts of the income statement (BAS and Kommun-BAS: 3xxx-8xxx)."""
    return account[:1] in "345678"


def movements_from_vouchers(sie: SieFile) -> dict[tuple[str, tuple, str], Decimal]:
    """(account, objects, "YYYYMM") -> the month's movement, from #TRANS (year 0)."""
    return dict(sie.movements)


def movements_by_object_from_periods(sie: SieFile, year: int = 0) -> dict[tuple[str, tuple, str], Decimal]:
    """(account, objects, "YYYYMM") -> the month's movement from #PSALDO of `year`, with
    each account's total ({}) split by the objects of one dimension: the projects (6) if
    the file has them, else the dimension with the fewest number (1, kostnadsställe).
    Rows of several dimensions overlap (one amount is both a kostnadsställe's and a
    project's), so only one is used; what the objects do not cover stays on the account
    alone (objects ()), so the parts sum to the total. Without a total row, the objects'
    sum is the account's month."""
    totals: dict[tuple[str, str], Decimal] = {}
    parts: dict[tuple[str, str], dict[tuple, Decimal]] = {}
    dims: set[str] = set()
    for (y, period, acc, objs), amount in sie.period_balances.items():
        if y != year:
            continue
        if not objs:
            totals[(acc, period)] = amount
        elif len(objs) == 1:
            dims.add(objs[0][0])
    if not dims:
        return {(acc, (), period): amount for (acc, period), amount in totals.items()}
    dim = "6" if "6" in dims else min(dims, key=lambda d: (not d.isdigit(), int(d) if d.isdigit() else 0, d))
    for (y, period, acc, objs), amount in sie.period_balances.items():
        if y == year and len(objs) == 1 and objs[0][0] == dim:
            parts.setdefault((acc, period), {})[objs] = amount
    out: dict[tuple[str, tuple, str], Decimal] = {}
    for key in set(totals) | set(parts):
        acc, period = key
        split = parts.get(key, {})
        for objs, amount in split.items():
            out[(acc, objs, period)] = amount
        rest = totals[key] - sum(split.values(), ZERO) if key in totals else ZERO
        if rest or not split:
            out[(acc, (), period)] = rest
    return out


def voucher_period_differences(sie: SieFile) -> list[dict]:
    """Where both exist: result accounts whose month in #PSALDO (the account's total, {})
    differs from the sum of its #TRANS that month. [{"account", "period", "psaldo",
    "vouchers", "difference"}] (kronor, SIE's signs)."""
    if not sie.vouchers or not any(y == 0 for (y, *_r) in sie.period_balances):
        return []
    by_voucher: dict[tuple[str, str], Decimal] = {}
    for (acc, _objs, period), amount in movements_from_vouchers(sie).items():
        by_voucher[(acc, period)] = by_voucher.get((acc, period), Decimal(0)) + amount
    by_period = {(acc, period): amount for (y, period, acc, objs), amount in sie.period_balances.items()
                 if y == 0 and not objs and result_account(acc)}
    out = []
    for key in sorted(set(by_period) | {k for k in by_voucher if result_account(k[0])}):
        a, b = by_period.get(key, Decimal(0)), by_voucher.get(key, Decimal(0))
        if a != b:
            out.append({"account": key[0], "period": key[1], "psaldo": a, "vouchers": b, "difference": a - b})
    return out
