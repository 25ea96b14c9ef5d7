"""Evaluate the simple formulas budget sheets use, for cells without a cached value.

Files written by openpyxl and similar tools store formulas without results. Budget
subtotals are mostly SUM and + / - of cells, so a small exact evaluator (Decimal,
never float) covers them: numbers, cell references (same sheet or 'Other sheet'!A1),
ranges, + - * / %, parentheses, SUM, SUBTOTAL(9, …), ROUND, ABS, MIN, MAX. Anything else raises
FormulaError with a Swedish message.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Callable

from .engines import parse_ref


class FormulaError(ValueError):
    pass


# resolve(sheet or None, row, col) -> Decimal | None (None for an empty or text cell)
Resolver = Callable[[str | None, int, int], "Decimal | None"]

_TOKEN = re.compile(r"""
    \s*(?:
      (?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)
    | (?P<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)
    | (?P<func>[A-Za-z][A-Za-z0-9.]*)\s*\(
    | (?P<op>[-+*/(),;%^])
    )""", re.X)


def _tokens(text: str):
    pos = 0
    text = text.strip()
    if text.startswith("="):
        text = text[1:]
    out = []
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if text[pos:].strip() == "":
                break
            raise FormulaError(f"formeln '={text}' kan inte tolkas")
        pos = m.end()
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
    return out


def evaluate(formula: str, resolve: Resolver, formula_of=None) -> Decimal:
    """Evaluate `formula` (with or without "="); references go through `resolve`.

    `formula_of(sheet, row, col)` gives a cell's formula text, so that SUBTOTAL can leave
    out other SUBTOTAL cells in its range, as Excel does."""
    if "[" in formula:
        raise FormulaError(f"formeln '={formula.lstrip('=')}' hänvisar till en annan arbetsbok")
    toks = _tokens(formula)
    parser = _Parser(toks, resolve, formula, formula_of)
    value = parser.expr()
    if parser.i != len(toks):
        raise FormulaError(f"formeln '={formula.lstrip('=')}' kan inte tolkas")
    if isinstance(value, list):
        raise FormulaError(f"formeln '={formula.lstrip('=')}' ger ett område, inte ett tal")
    return value


class _Parser:
    def __init__(self, toks, resolve, text, formula_of=None):
        self.toks, self.i, self.resolve, self.text = toks, 0, resolve, text
        self.formula_of = formula_of
        self.in_subtotal = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expect(self, op):
        kind, val = self.take()
        if val != op:
            raise FormulaError(f"formeln '={self.text.lstrip('=')}' kan inte tolkas")

    def expr(self):
        value = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            rhs = self.term()
            value = _num(value) + _num(rhs) if op == "+" else _num(value) - _num(rhs)
        return value

    def term(self):
        value = self.unary()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            rhs = _num(self.unary())
            if op == "*":
                value = _num(value) * rhs
            else:
                if rhs == 0:
                    raise FormulaError("formeln delar med noll (#DIVISION/0!)")
                value = _num(value) / rhs
        return value

    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return -_num(self.unary())
        if self.peek()[1] == "+":
            self.take()
            return _num(self.unary())
        value = self.atom()
        while self.peek()[1] == "%":
            self.take()
            value = _num(value) / 100
        return value

    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return Decimal(val)
        if kind == "ref":
            return self.reference(val)
        if kind == "func":
            return self.call(val.upper())
        if val == "(":
            value = self.expr()
            self.expect(")")
            return value
        raise FormulaError(f"formeln '={self.text.lstrip('=')}' kan inte tolkas")

    def reference(self, text):
        sheet = None
        if "!" in text:
            sheet, text = text.rsplit("!", 1)
            if sheet.startswith("'"):
                sheet = sheet[1:-1].replace("''", "'")
        if ":" in text:
            a, b = text.split(":")
            (r1, c1), (r2, c2) = parse_ref(a), parse_ref(b)
            if (r2 - r1 + 1) * (c2 - c1 + 1) > 100_000:
                raise FormulaError("formeln hänvisar till ett för stort område")
            return [self.resolve(sheet, r, c) for r in range(min(r1, r2), max(r1, r2) + 1)
                    for c in range(min(c1, c2), max(c1, c2) + 1) if not self._nested_subtotal(sheet, r, c)]
        r, c = parse_ref(text)
        value = self.resolve(sheet, r, c)
        return Decimal(0) if value is None else value

    def _nested_subtotal(self, sheet, r, c) -> bool:
        if not self.in_subtotal or self.formula_of is None:
            return False
        f = self.formula_of(sheet, r, c)
        return bool(f) and "SUBTOTAL(" in f.upper()

    def call(self, name):
        if name == "SUBTOTAL":
            self.in_subtotal += 1
        try:
            return self._call(name)
        finally:
            if name == "SUBTOTAL":
                self.in_subtotal -= 1

    def _call(self, name):
        args = []
        if self.peek()[1] != ")":
            args.append(self.expr())
            while self.peek()[1] in (",", ";"):
                self.take()
                args.append(self.expr())
        self.expect(")")
        flat = []
        for a in args:
            flat.extend(v for v in a if v is not None) if isinstance(a, list) else flat.append(a)
        if name == "SUM":
            return sum(flat, Decimal(0))
        if name == "SUBTOTAL" and args and not isinstance(args[0], list) and int(args[0]) in (9, 109):
            rest = []
            for a in args[1:]:
                rest.extend(v for v in a if v is not None) if isinstance(a, list) else rest.append(a)
            return sum(rest, Decimal(0))
        if name in ("MIN", "MAX"):
            return (min if name == "MIN" else max)(flat) if flat else Decimal(0)
        if name == "ABS" and len(args) == 1:
            return abs(_num(args[0]))
        if name == "ROUND" and len(args) in (1, 2):
            digits = int(_num(args[1])) if len(args) == 2 else 0
            q = Decimal(1).scaleb(-digits)
            try:
                return _num(args[0]).quantize(q, rounding=ROUND_HALF_UP)
            except InvalidOperation:
                raise FormulaError("ROUND kan inte beräknas") from None
        raise FormulaError(f"funktionen {name} stöds inte när cellen saknar beräknat värde; "
                           "öppna och spara arbetsboken i Excel så att värdet sparas")


def _num(value) -> Decimal:
    if isinstance(value, list):
        raise FormulaError("ett område kan inte användas i en beräkning här")
    return value
