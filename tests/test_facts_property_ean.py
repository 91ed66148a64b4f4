"""Property tests for the entity, attribution and negation extractors.

On arbitrary text (and on text built from the words the extractors look
for) they never raise, and every span indexes the article text exactly.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.facts import attributions, entities, negation

WORDS = [
    "the", "Cuban", "Cuba's", "Cuba’s", "foreign", "ministry", "Ministerio", "de",
    "Relaciones", "Exteriores", "Cuba", "según", "un", "informe", "Reuters", "dijo",
    "a", "said", "according", "to", "Mr.", "Shoigu", "Ryazan", "Vedomosti",
    "newspaper", "not", "no", "has", "yet", "aún", "It", "is", "clear", "“", "”",
    ",", ".", "\n", "EE.", "UU.", "The", "Moscow", "Times", "K.", "didn't", "n’t",
    "reads", "statement", "kazajos", "región", "Sajalín", "X", "'s", "", "¿", "—",
]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(prefix=st.text(max_size=20), text=texts, lang=st.sampled_from(["en", "es", "fr"]))
def test_spans_index_the_article(prefix, text, lang):
    article = prefix + text
    off = len(prefix)
    for e in entities.extract(text, off, lang, None):
        assert article[e.start:e.end] == e.text and e.text
        assert e.type in ("ORG", "PER", "LOC", "NORP", "MISC")
        assert ":" in e.key
    for a in attributions.extract(text, off, lang, None):
        assert article[a.start:a.end] == a.text
        assert article[a.source_start:a.source_end] == a.source and a.source
        assert a.start <= a.source_start < a.source_end <= a.end
    for n in negation.extract(text, off, lang, None):
        assert article[n.start:n.end] == n.cue and n.cue
