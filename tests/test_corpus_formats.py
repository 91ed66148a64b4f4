"""Corpus loading: formats, front matter, encodings, bad files."""
import datetime as dt
import json

import pytest

from consistency.config import Config
from consistency.corpus import load_corpus
from consistency.errors import InputError

EN = "The ministry said on Monday that 40 people were arrested in Havana.\n"
ES = "El ministerio dijo el lunes que 40 personas fueron detenidas en La Habana.\n"


def load(*paths):
    return load_corpus([str(p) for p in paths], Config())


def test_txt_front_matter(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("---\noutlet: Daily Example\ntitle: Arrests\nurl: https://example.org/a\n"
                 "published: 2024-05-02\nlang: en\n---\n" + EN, encoding="utf-8")
    (art,) = load(f).articles
    assert (art.id, art.outlet, art.title, art.url, art.published, art.lang) == (
        "a", "Daily Example", "Arrests", "https://example.org/a", dt.date(2024, 5, 2), "en")
    assert art.lang_source == "front-matter" and art.published_source == "metadata"
    assert art.text.endswith(EN)
    head = art.text.index(EN)
    assert art.ignored[0] == (0, head)  # the front matter is ignored, not deleted


def test_front_matter_keys_as_site_generators_write_them(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: Arrests\ndate: May 2, 2024\nlanguage: en\npublisher: Daily Example\n"
                 "tags: [crime]\n---\n" + EN, encoding="utf-8")
    (art,) = load(f).articles
    assert (art.outlet, art.published, art.lang, art.published_source, art.lang_source) == (
        "Daily Example", dt.date(2024, 5, 2), "en", "metadata", "front-matter")


def test_a_key_s_own_name_wins_over_another_name_for_it(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ndate: 2024-05-01\npublished: 2024-05-02\n---\n" + EN, encoding="utf-8")
    (art,) = load(f).articles
    assert art.published == dt.date(2024, 5, 2)


@pytest.mark.parametrize("value,day", [
    ("2024-05-02T10:00:00+02:00", dt.date(2024, 5, 2)),
    ("Thu, 02 May 2024 10:00:00 +0200", dt.date(2024, 5, 2)),
    ("Thursday, May 2, 2024", dt.date(2024, 5, 2)),
    ("2 de mayo de 2024", dt.date(2024, 5, 2)),
])
def test_publication_dates_written_in_other_ways(tmp_path, value, day):
    f = tmp_path / "a.md"
    f.write_text(f"---\npublished: {value}\n---\n" + EN, encoding="utf-8")
    (art,) = load(f).articles
    assert art.published == day


def test_an_unreadable_publication_date_is_unknown_and_said(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\npublished: 02/05/2024\n---\n" + EN, encoding="utf-8")
    corpus = load(f)
    assert corpus.articles[0].published is None
    assert any("invalid published date '02/05/2024'" in n for n in corpus.notes)


def test_md_without_front_matter_detects_spanish(tmp_path):
    f = tmp_path / "b.md"
    f.write_text(ES, encoding="utf-8")
    (art,) = load(f).articles
    assert art.lang == "es" and art.lang_source == "detected" and art.published is None


def test_html_visible_text_only(tmp_path):
    f = tmp_path / "c.html"
    f.write_text("<html lang='es'><head><title>Detenciones</title><style>p{color:red}</style>"
                 "<script>var secret = 1;</script>"
                 "<meta property='article:published_time' content='2024-03-01T10:00:00Z'></head>"
                 "<body><p>El ministerio dijo el lunes que 40 personas fueron detenidas.</p>"
                 "<script>alert(1)</script><p>Otra frase &amp; m&aacute;s.</p></body></html>", encoding="utf-8")
    (art,) = load(f).articles
    assert "secret" not in art.text and "alert" not in art.text and "color" not in art.text
    assert "El ministerio dijo el lunes que 40 personas fueron detenidas." in art.text
    assert "Otra frase & más." in art.text
    assert (art.lang, art.title, art.published) == ("es", "Detenciones", dt.date(2024, 3, 1))


def test_json_and_jsonl(tmp_path):
    j = tmp_path / "d.json"
    j.write_text(json.dumps([{"text": EN, "outlet": "A", "published": "2024-01-02"},
                             {"text": ES, "outlet": "B", "id": "b-es"}]), encoding="utf-8")
    jl = tmp_path / "e.jsonl"
    jl.write_text(json.dumps({"text": "Reuters reported that 12 ships left the port of Odesa on Friday."}) + "\n",
                  encoding="utf-8")
    arts = load(j, jl).articles
    assert [(a.id, a.outlet, a.lang) for a in arts] == [("d-1", "A", "en"), ("b-es", "B", "es"), ("e", None, "en")]
    assert arts[0].published == dt.date(2024, 1, 2)


def test_json_keys_under_other_names(tmp_path):
    j = tmp_path / "d.json"
    j.write_text(json.dumps([{"text": EN, "publisher": "A", "date": "2024-01-02", "language": "en",
                              "link": "https://example.org/a", "headline": "Arrests"}]), encoding="utf-8")
    (art,) = load(j).articles
    assert (art.outlet, art.published, art.lang, art.url, art.title) == (
        "A", dt.date(2024, 1, 2), "en", "https://example.org/a", "Arrests")


def test_malformed_jsonl_names_line(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"text": "ok text here about ships."}\n{"text": oops}\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load(f)
    assert str(exc.value).startswith(f"{f}: line 2: invalid JSON")


@pytest.mark.parametrize("encoding,note", [
    ("utf-8", None),
    ("utf-8-sig", None),
    ("cp1252", "not valid UTF-8 (first bad byte at 12); decoded as cp1252"),
    ("utf-16", "decoded as utf-16 (byte order mark)"),
])
def test_encodings(tmp_path, encoding, note):
    text = "The minister’s office said “40 people” — in Bogotá — were arrested on Monday.\n"
    f = tmp_path / "enc.txt"
    f.write_bytes(text.encode(encoding))
    corpus = load(f)
    (art,) = corpus.articles
    assert art.text.lstrip("\ufeff") == text
    if note:
        assert corpus.notes == [f"{f}: {note}"]
    else:
        assert corpus.notes == []


def test_empty_file_is_skipped_with_a_note(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(EN, encoding="utf-8")
    corpus = load(tmp_path)
    assert [a.id for a in corpus.articles] == ["ok"]
    assert corpus.notes == [f"{tmp_path / 'empty.txt'}: empty; skipped"]


def test_binary_file_is_an_input_error(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(InputError) as exc:
        load(f)
    assert str(exc.value) == f"{f}: binary file (not text); expected .txt, .md, .html, .json or .jsonl"


def test_directory_with_mixed_files_is_sorted_and_recursive(tmp_path):
    (tmp_path / "z.txt").write_text(EN, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.md").write_text(ES, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "m.html").write_text("<p>Reuters reported that 12 ships left Odesa on Friday.</p>", encoding="utf-8")
    arts = load(tmp_path).articles
    assert [a.path for a in arts] == [(tmp_path / "m.html").as_posix(), (sub / "a.md").as_posix(),
                                      (tmp_path / "z.txt").as_posix()]


def test_missing_path(tmp_path):
    with pytest.raises(InputError) as exc:
        load(tmp_path / "nope")
    assert str(exc.value) == f"{tmp_path / 'nope'}: no such file or directory"


@pytest.mark.parametrize("text,outlet", [
    ("Body text here about ships.\nOriginal from www.nytimes.com\n", "nytimes.com"),
    ("Body text here about ships.\nSource: https://www.elpais.com/\n", "elpais.com"),
    ("Texto del cuerpo sobre barcos.\nFuente: www.bbc.co.uk\n", "bbc.co.uk"),
    ("The source of the claim is unknown.\nNothing else.\n", None),
])
def test_outlet_inferred_from_a_source_line(tmp_path, text, outlet):
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    (art,) = load(f).articles
    assert art.outlet == outlet


def test_front_matter_outlet_wins_over_a_source_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("---\noutlet: The Times\n---\nBody text here about ships.\nOriginal from www.nytimes.com\n",
                 encoding="utf-8")
    (art,) = load(f).articles
    assert art.outlet == "The Times"
