"""The chart decision for one line (core.categories.decide / line_category), on tiny inline
cases: which evidence goes first, and when the category is marked osäker with its
alternatives instead of guessed in silence."""

import pytest

from xlplugin.core.categories import UNMAPPED, decide, line_category
from xlplugin.io.ranges import budget_from_ranges


def test_specific_words_decide_without_doubt():
    c = decide("Samordningsteam Sala", "cost")
    assert (c.category, c.certain, c.alternatives) == ("individinsatser", True, ())


@pytest.mark.parametrize("label, blocks, category", [
    # a generic word ("Löner", "Hyra") gives way to the block the line stands in
    ("Löner", [("Samordningsteam Kalix", "under")], "individinsatser"),
    ("Lokalhyra", [("Individinriktade insatser", "under")], "individinsatser"),
    ("Resor", [("Styrelse", "under")], "styrelse"),
    # under a heading that names no category of the chart, the generic word stands
    ("Hyra", [("Kostnader", "under")], "administration"),
    ("Hyra", [], "administration"),
])
def test_the_block_goes_before_generic_words(label, blocks, category):
    c = decide(label, "cost", blocks)
    assert (c.category, c.certain) == (category, True)


def test_a_word_inside_a_longer_word_of_another_category_is_no_conflict():
    """"revision" in "Brukarrevision", "psykiatri" in "Psykiatridagen"."""
    assert decide("Brukarrevision", "cost").category == "utvardering"
    assert decide("Brukarrevision", "cost").certain
    assert (decide("Psykiatridagen", "cost").category, decide("Psykiatridagen", "cost").certain) == ("struktur", True)


def test_two_categories_in_the_line_are_a_doubt_and_the_first_named_is_taken():
    c = decide("Utvärdering och processtöd", "cost")
    assert c.category == "utvardering" and not c.certain
    assert c.alternatives == ("processtod",) and "Processtöd" in c.doubt
    c = decide("Processtöd och utvärdering", "cost")
    assert (c.category, c.alternatives) == ("processtod", ("utvardering",))


def test_the_block_settles_which_of_the_lines_words_counts():
    c = decide("Utbildning styrelse", "cost", [("Styrelse", "under")])
    assert (c.category, c.certain) == ("styrelse", True)
    assert not decide("Utbildning styrelse", "cost").certain


def test_words_against_the_block_are_a_doubt():
    c = decide("Digitala verktyg", "cost", [("Metoder och arbetssätt", "under")])
    assert c.category == "administration" and c.alternatives == ("metoder",)
    assert c.doubt == "raden står under 'Metoder och arbetssätt' (Metoder och arbetssätt)"


def test_a_wider_heading_holds_its_parts_without_doubt():
    """NV's Strukturinriktade insatser hold utbildning, utvärdering, processtöd and
    ofördelade medel; "Styrelse och förvaltning" holds the office."""
    for label, cat in (("Utvärdering", "utvardering"), ("Processtöd samverkan", "processtod"),
                       ("Samverkansmedel ofördelat", "ofordelat")):
        c = decide(label, "cost", [("Strukturinriktade insatser", "under")])
        assert (c.category, c.certain) == (cat, True)
    c = decide("Kansli", "cost", [("Styrelse och förvaltning", "under")])
    assert (c.category, c.certain) == ("administration", True)
    c = decide("Lokaler", "cost", [("Styrelse och kansli", "under")])
    assert (c.category, c.certain) == ("administration", True)


def test_only_an_account_number_is_a_doubt():
    c = decide("7020 Steget vidare", "cost")
    assert c.category == "administration" and c.alternatives == (UNMAPPED,)
    assert c.doubt == "bara kontonumret talar för kategorin"
    assert decide("7010 Löner kansli", "cost").certain


def test_a_generic_word_under_a_project_heading_is_the_projects_cost_marked_osaker():
    """"Lokalhyra" under "Nya Vägar (ESF+)": the heading names an activity, not a category;
    an activity's own costs go with it, most activities are individinsatser, and the
    doubt names the word's own category and Ej klassificerat as the alternatives."""
    c = decide("Lokalhyra", "cost", [("Nya Vägar (ESF+)", "under")])
    assert (c.category, c.alternatives) == ("individinsatser", ("administration", UNMAPPED))
    assert c.doubt == ("raden står under 'Nya Vägar (ESF+)', som inte säger vilken kategori; "
                       "räknad som insatsens kostnad")
    c = decide("Studie- och yrkesvägledare", "cost", [("Personal", "under")])
    assert c.category == "administration" and c.doubt == "bara en allmän rubrik talar för kategorin"
    # the förbund's own part names no category either, but is no activity
    assert decide("Lokalhyra", "cost", [("Förbundsgemensamt", "under")]).category == "administration"
    assert decide("Lokalhyra", "cost", [("Förbundsgemensamt", "under")]).certain
    for heading in ("Ledning och styrning", "Organisation", "Förbundets drift", "Gemensamma kostnader"):
        c = decide("Kontorshyra", "cost", [(heading, "under")])
        assert (c.category, c.certain) == ("administration", True), heading


def test_income_words():
    assert decide("3510 Ränteintäkter", "revenue").category == "ovriga_intakter"
    assert decide("Bidrag Bollnäs kn", "revenue").category == "medlemsbidrag"
    assert decide("Kiruna k:n", "revenue").category == decide("Reg. Nb", "revenue").category == "medlemsbidrag"
    c = decide("Intäkter från Arbetsförmedlingen för DUA", "revenue")
    assert (c.category, c.certain) == ("ovriga_intakter", True)
    c = decide("Statlig medfinansiering via Försäkringskassan", "revenue")
    assert c.category == "medlemsbidrag" and c.alternatives == ("ovriga_intakter",)


def test_nothing_known_is_unmapped_not_guessed():
    c = decide("Fontänklubben", "cost", [("Verksamhet", "under")])
    assert (c.category, c.certain) == (UNMAPPED, True)


def test_line_category_reads_the_blocks_of_a_budget():
    """A project name under its category row takes the row's category, and the member
    contributions their role; "Löner" under a team is the team's."""
    b = budget_from_ranges(
        [["Kommuner (25 %)"], ["Staten (50 %)"], ["Individinsatser"], ["- Jobbspåret"], ["- Löner"],
         ["Styrelse"], ["RESULTAT"]],
        [[500_000], [1_000_000], [-700_000], [-300_000], [-400_000], [-200_000], [600_000]],
        [["Budget 2025"]])
    got = {ln.label: line_category(b, ln) for ln in b.lines}
    assert got["- Jobbspåret"].category == got["- Löner"].category == "individinsatser"
    assert got["- Löner"].rule == "under 'Individinsatser'" and got["- Löner"].certain
    assert got["Kommuner (25 %)"].category == got["Staten (50 %)"].category == "medlemsbidrag"


@pytest.mark.parametrize("label, named, category", [
    ("Lokalhyra Storgatan", "Storgatan", "administration"),             # a proper name: open
    ("5010 Hyra Jobbverkstan", "Jobbverkstan", "individinsatser"),      # a workshop: an activity
    ("Lokalhyra projektet", "projektet", "individinsatser"),            # an activity's cost
    ("Löner handläggare team", "handläggare team", "individinsatser"),
])
def test_a_generic_word_beside_a_name_is_a_doubt(label, named, category):
    c = decide(label, "cost")
    assert c.category == category and c.alternatives[-1] == UNMAPPED
    assert c.doubt.startswith(f"raden nämner också '{named}', som inte säger vilken kategori")


@pytest.mark.parametrize("label", ["Resor och traktamenten", "Löner inkl PO", "Sociala avgifter", "Hyra kontor",
                                   "Personalkostnader"])
def test_a_generic_word_with_only_cost_words_beside_it_stands(label):
    assert decide(label, "cost").certain


def test_a_summa_row_that_names_no_category_leaves_a_generic_line_open():
    """Lines read as summed by "Summa Steget" (their heading not taken as their parent):
    the Summa row names an activity, not a category, so "Personal" is not surely the office's."""
    c = decide("Personal", "cost", [("Summa steget", "i")])
    assert c.category == "individinsatser" and c.alternatives == ("administration", UNMAPPED)
    assert c.doubt.startswith("raden står i 'Summa steget', som inte säger vilken kategori")
    assert decide("Personal", "cost", [("Summa kostnader", "i")]).certain


def test_handledning_is_the_teams_own_under_the_team_and_training_alone():
    assert decide("Handledning", "cost", [("Samordningsteam Kalix", "under")]).category == "individinsatser"
    c = decide("Handledning", "cost")
    assert (c.category, c.certain) == ("utbildning", True)


def test_the_osaker_mark_names_the_alternatives_the_doubt_does_not():
    from xlplugin.core.categories import doubt_text
    c = decide("7020 Steget vidare", "cost")
    assert doubt_text(c.doubt, c.alternatives) == ("OSÄKER: bara kontonumret talar för kategorin "
                                                   "(alternativ: Ej klassificerat)")
    c = decide("Utvärdering och processtöd", "cost")
    assert doubt_text(c.doubt, c.alternatives) == "OSÄKER: raden nämner också Processtöd"
    c = decide("Lokalhyra", "cost", [("Kompassen", "under")])
    assert doubt_text(c.doubt, c.alternatives).endswith("(alternativ: Administration, Ej klassificerat)")
