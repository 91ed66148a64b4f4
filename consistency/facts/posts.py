"""Posts: a person named with the post they hold, set in commas beside the
name.

"Marina Escolano, secretaria general del SITCA, defendió ...", "la
secretaria general del SITCA, Lucía Ferrandis, advirtió ...", "said Lucía
Ferrandis, the union's secretary general, addressing ...": who holds a post
is a fact of the story, whatever the sentence tells besides, and two
articles that give one post to two people disagree
(``rules.actor.ENT001``, through the clusterer's post pairs).

Only the comma shape is read (an apposition: the name, then the post between
commas, or the post, then the name between commas); the post is the words
between the commas (not opening with a clause word or a preposition), or
the words before the name's comma from the first word that opens a noun
phrase ("el", "the", "su"), within ``max_words`` words after the last
punctuation or clause word.  A post a determiner of its own kind opens ("a
spokesman", "un portavoz") is one of several, and says nothing of who holds
the post.  The words are data:
``[posts]`` in ``lang/<lang>/entities.toml``.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple, Optional

from .. import lang as _lang
from . import names


class Post(NamedTuple):
    """A person (an entity key and its name as written) and the post the
    sentence gives them; spans are article offsets."""

    key: str
    name: str
    name_start: int
    name_end: int
    post: str
    post_start: int
    post_end: int


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@functools.lru_cache(maxsize=None)
def _data(lang: str) -> dict:
    return (_lang.load(lang, "entities") or {}).get("posts") or {}


def _folded(words) -> frozenset:
    return frozenset(names.fold(w) for w in words)


def _post(text: str, s: int, e: int, data: dict, before: bool) -> Optional[tuple[int, int]]:
    """The claim-relative span of the post in ``text[s:e]`` (leading and
    trailing spaces left out), or None when it is no post: too long, empty,
    with a digit, or (``before``: the words up to the name's comma) cut at the
    last clause word."""
    piece = text[s:e]
    words = list(_WORD.finditer(piece))
    if before:
        # from the first word that opens a noun phrase ("fueron decretados por
        # el consejero regional de Movilidad, Tomás Olabarri": "el consejero
        # regional de Movilidad"); none, and the words are no post ("fue
        # condenado a año y medio de cárcel, Gonzalo Ferrán")
        stops = _folded(data.get("stop", ()))
        cut = [m for m in words if names.fold(m.group()) in stops]
        if cut:
            words = [m for m in words if m.start() > cut[-1].start()]
        words = words[-int(data.get("max_words", 6)):]
        opens = _folded(data.get("opens", ()))
        at = [i for i, m in enumerate(words) if names.fold(m.group()) in opens]
        if not at:
            return None
        words = words[at[0]:]
    if not words or len(words) > int(data.get("max_words", 6)) or re.search(r"\d", piece):
        return None
    if not before and names.fold(words[0].group()) in _folded(data.get("stop", ())) | \
            _folded(data.get("prepositions", ())):
        return None  # "Ramiro Saldívar, who took over last year, said", "Tomás Ergüeta, del Kaldera,"
    if not any(m.group()[:1].islower() for m in words):
        return None  # only names: "Lucía Ferrandis, Marina Escolano, ..." is a list
    first = names.fold(words[0].group())
    if first in _folded(data.get("indefinite", ())):
        return None  # "a spokesman, Tom Reed," is one of several
    return s + words[0].start(), s + words[-1].end()


def find(text: str, lang: str, people: tuple) -> tuple[tuple[int, int, int, int], ...]:
    """(name start, name end, post start, post end), claim-relative, for each
    person of ``people`` ((start, end) of PER names in ``text``) set in
    commas beside a post."""
    data = _data(lang)
    if not data:
        return ()
    out = []
    for s, e in people:
        after = text[e:].lstrip(" ")
        # "la secretaria general del SITCA, Lucía Ferrandis, advirtió" (a
        # name set in commas after a post is that post's holder)
        head = text[:s].rstrip(" ")
        if head.endswith(",") and after[:1] in (",", ".", ";", ""):
            start = max(head.rfind(c, 0, len(head) - 1) for c in ",;:(\"“”«»—–") + 1
            span = _post(text, start, len(head) - 1, data, before=True)
            if span is not None:
                out.append((s, e, *span))
        # "Marina Escolano, secretaria general del SITCA, defendió" (when
        # the name stands in commas between two phrases, both are read:
        # "... and the third in Villanueva del Coto, Inspector Ramón Egaña,
        # head of the regional police's heritage unit, said")
        if after.startswith(","):
            gap = len(text) - e - len(after)
            close = text.find(",", e + gap + 1)
            if close > 0:
                span = _post(text, e + gap + 1, close, data, before=False)
                if span is not None:
                    out.append((s, e, *span))
    return tuple(out)


def posts(claim) -> tuple[Post, ...]:
    """The posts a claim gives people (see the module's documentation)."""
    people = [(x.start - claim.start, x.end - claim.start, x) for x in claim.facts.entities
              if x.type == "PER" and x.key.startswith("per:")]
    found = find(claim.text, claim.lang, tuple((s, e) for s, e, _ in people))
    by_span = {(s, e): x for s, e, x in people}
    return tuple(Post(key=by_span[(s, e)].key, name=by_span[(s, e)].text,
                      name_start=claim.start + s, name_end=claim.start + e,
                      post=" ".join(claim.text[ps:pe].split()),
                      post_start=claim.start + ps, post_end=claim.start + pe)
                 for s, e, ps, pe in found)


#: cosine above which two posts, each embedded on its own, may be one post:
#: the model must not read them apart (as two sources described in words
#: are apart at 0.84 or less: "the city council" / "la policía regional"
#: 0.80); their words (:func:`same_post`) decide, as the model alone reads
#: two posts about as close as one post in two languages ("la secretaria
#: general del SITCA" / "la ministra de Transportes" 0.881, "the union's
#: secretary general" / "secretaria general del SITCA" 0.883)
POST_SAME = 0.84


def surname(name: str) -> str:
    """The last word of a person's name, folded ("Lucía Ferrandis": "ferrandis")."""
    words = _WORD.findall(name)
    return names.fold(words[-1]) if words else ""


def mentions(text: str, name: str) -> bool:
    """``text`` names the person ``name`` (by surname)."""
    s = surname(name)
    return bool(s) and re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", names.fold(text)) is not None


def qualifiers(post: str, lang: str) -> frozenset:
    """The concepts of ``[posts] qualifiers`` a post holds ("the plant's
    former director": {"former"}; "exdirector de la planta": {"former"}, by
    the prefix)."""
    data = _data(lang)
    words = [names.fold(w) for w in _WORD.findall(post)]
    found = set()
    for concept, forms in (data.get("qualifiers") or {}).items():
        for form in forms:
            f = names.fold(form)
            if (f.endswith("-") and any(w.startswith(f[:-1]) and len(w) > len(f) + 2 for w in words)) \
                    or f in words:
                found.add(concept)
    return frozenset(found)


def rival_holders(p: Post, p_lang: str, p_text: str, q: Post, q_lang: str, q_text: str) -> bool:
    """``p`` and ``q`` could give one post to two people: two people (not
    one key, not one surname), neither named anywhere in the other's article
    (``p_text``, ``q_text``: an article that names both may give them two
    posts), and the same qualifiers on both posts ("former director" and
    "director" are two people's posts).  Whether the posts are one post is
    for :func:`same_post` and the model (:data:`POST_SAME`) to say."""
    if p.key == q.key or surname(p.name) == surname(q.name):
        return False
    if mentions(q_text, p.name) or mentions(p_text, q.name):
        return False
    return qualifiers(p.post, p_lang) == qualifiers(q.post, q_lang)


def _post_parts(post: str, lang: str) -> tuple[list[str], set]:
    """(the folded words that say what a post is, the folded names in it):
    lower-case words that do not open or cut a post, are no preposition and
    no function word ("the union's secretary general": union, secretary,
    general); capitalised words are names ("secretaria general del SITCA":
    sitca), except a first word written so only because it opens the
    sentence ("Chief executive")."""
    from ..lexicon import is_function_word
    from .attributions import role_named

    data = _data(lang)
    skip = _folded(data.get("opens", ())) | _folded(data.get("stop", ())) | _folded(data.get("prepositions", ()))
    words, named = [], set()
    role = role_named(post, lang)
    if role is not None:
        # a position the data knows is one word of its concept, in any
        # language ("chief executive" / "consejera delegada": role:ceo)
        post = post[:role[0]] + " " * (role[1] - role[0]) + post[role[1]:]
        words.append("role:" + role[2])
    for n, w in enumerate(_WORD.findall(post)):
        possessive = bool(re.search(r"['’]s?$", w))
        w = re.sub(r"['’]s?$", "", w)
        f = names.fold(w)
        if f in skip or is_function_word(f, lang):
            continue
        if w[:1].isupper() and (n > 0 or possessive or w.isupper() or _capitalised_next(post, w)):
            named.add(f)
        else:
            words.append(f)
    return words, named


def _capitalised_next(post: str, first: str) -> bool:
    """The post's first word is followed by a capitalised word: one name
    ("Ríos Vivos spokeswoman"), not a sentence's capital ("Chief executive")."""
    rest = _WORD.findall(post[post.find(first) + len(first):])
    return bool(rest) and rest[0][:1].isupper()


def post_words(post: str, lang: str) -> list[str]:
    """The folded words that say what a post is (:func:`_post_parts`)."""
    return _post_parts(post, lang)[0]


#: the fewest words a post must have to be compared by its words alone,
#: without a name both posts share ("director" is every organisation's)
POST_WORDS = 2


def same_post(p: str, p_lang: str, q: str, q_lang: str) -> bool:
    """One post by its words (a position of ``[roles]`` in
    ``attributions.toml`` is one word, its concept: "chief executive" /
    "consejera delegada"): the words of the post with fewer all have a
    partner in the other's (:func:`~consistency.lexicon.words_cover`:
    "secretaria general del SITCA" / "the union's secretary general"), at
    least ``POST_WORDS`` of them unless both name one organisation ("La
    portavoz de Ríos Vivos" / "Ríos Vivos spokeswoman"), and no two names
    of organisations apart ("El director del Servicio de Emergencias" / "El
    director del Museo Provincial").  Not "la secretaria general del SITCA"
    / "la ministra de Transportes" nor "el presidente ruso" / "su homólogo
    ruso", which the model alone reads as close (0.88, 0.90) as a
    translation of one post."""
    from ..lexicon import words_cover

    (a, na), (b, nb) = _post_parts(p, p_lang), _post_parts(q, q_lang)
    shared = bool(na & nb)
    if na and nb and not shared:
        return False
    if len(a) > len(b):
        a, b, p_lang, q_lang = b, a, q_lang, p_lang
    if len(a) < POST_WORDS and not shared:
        return False
    return words_cover(a, p_lang, b, q_lang)
