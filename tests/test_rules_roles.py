"""Who did it and where, read off real extraction: the name after a verb of
telling is who was told, not the actor; a place after a comma that follows
a name both claims share only places that name ("from Wembley, London")."""
from __future__ import annotations

from consistency.config import Config
from consistency.rules.actor import actor
from consistency.rules.location import _qualifies_shared
from test_rules_cases import _side


def claim(text, lang="en", aid="a"):
    return _side(aid, {"lang": lang, "text": text}, Config())[1]


def test_who_was_told_is_no_actor():
    assert actor(claim("The 58-year-old from Dunmere told the Morning Ledger she was disappointed.")) is None
    assert actor(claim("Un agricultor dijo a la agencia Interfax que la ayuda llegó tarde.", "es")) is None
    # the subject is still the actor
    assert actor(claim("Ilse Brandvold signed the loans into law in May.")).text == "Ilse Brandvold"


def test_a_place_after_a_shared_name_only_places_it():
    a = claim("Mr Norlund, 58, from Dunmere, Caldera, said he was interrogated at the camp.")
    b = claim("The 58-year-old from Dunmere told the Ledger he was interrogated at the camp.", aid="b")
    caldera = next(e for e in a.facts.entities if e.text == "Caldera")
    assert _qualifies_shared(caldera, a, b)
    # without the shared name it is a place of its own
    c = claim("The 58-year-old from Harwick told the Ledger he was interrogated at the camp.", aid="c")
    assert not _qualifies_shared(caldera, a, c)


def test_a_person_titled_by_a_name_of_unknown_type_is_the_actor():
    """"el ministro de Minería, Julián Arrate, dio por concluido el rescate":
    "Minería" is a name no table types; the person named after the title is
    the actor, as after an organisation's title."""
    c = claim("Poco después de las tres de la mañana, el ministro de Pesca, Anselmo Larraz, "
              "dio por concluido el rescate ante las familias.", "es")
    assert [e.type for e in c.facts.entities if e.text == "Pesca"] == ["MISC"]
    assert actor(c).text == "Anselmo Larraz"
