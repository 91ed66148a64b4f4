"""Contextual token vectors, for aligning the words of two sentences.

Sentence vectors say whether two claims tell the same event; they do not say
which number of one is set against which number of the other, or which name
stands where another name stood.  The model's vectors of the single sub-word
tokens do: a token's vector in a middle layer carries its role in the
sentence, so "Altria" in "with Altria rising 5%" and "Lorillard" in "with
Lorillard up 5%" are each other's closest token, as are "Dover" and "Calais"
in "ran aground off Dover" / "encalló frente a Calais" (word alignment as in
SimAlign, Jalili Sabet et al. 2020: mutual best cosine between sub-word
vectors of a multilingual encoder, no training).

For the default model the vectors come from the same 4-bit weights the
embedding engine runs, through a small NumPy transformer (only the layers up
to the one read are run; a token's word-embedding row is decoded on use), so
no torch is needed.  Any other sentence-transformers model gives its hidden
states through transformers.
"""
from __future__ import annotations

import mmap
import threading
from pathlib import Path
from typing import Any, NamedTuple, Optional, Sequence

import numpy as np

#: the layer whose token vectors are aligned (of 12; middle layers align
#: words best -- SimAlign reads layer 8 of mBERT and XLM-R)
ALIGN_LAYER = 8


class TokenVectors(NamedTuple):
    """One text's tokens: ``offsets`` (n, 2) character spans in the text (the
    special tokens left out) and ``vectors`` (n, dim), L2-normalised."""

    offsets: np.ndarray
    vectors: np.ndarray


def _text_tokens(x: np.ndarray, offsets, skip: int) -> TokenVectors:
    """The rows of ``x`` of the tokens that hold characters of the text after
    the prompt (``skip`` characters), offsets made text-relative, vectors
    L2-normalised.  (A word's first piece may take the space before it, or
    the prompt's.)"""
    keep = [i for i, (s, e) in enumerate(offsets) if e > s and e > skip]
    offs = np.array([(max(offsets[i][0], skip) - skip, offsets[i][1] - skip) for i in keep],
                    dtype=np.int64).reshape(-1, 2)
    vec = x[keep]
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    return TokenVectors(offs, vec)


def _gelu(x: np.ndarray) -> np.ndarray:
    from math import sqrt

    try:
        from scipy.special import erf
    except ImportError:  # pragma: no cover - scipy comes with scikit-learn
        erf = np.vectorize(__import__("math").erf)
    return 0.5 * x * (1.0 + erf(x / sqrt(2.0)))


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class Unigram:
    """The default model's tokenizer: SentencePiece unigram segmentation
    (the split of each word into pieces whose scores sum highest) after NFKC
    normalisation, with "▁" marking the start of each word, as the engine
    and the ``tokenizers`` library tokenize (a test compares them).  Plain
    Python: a dictionary of the pieces, nothing loaded that a check does not
    use.  ``encode`` gives (id, start, end) per piece, offsets into the text
    as given."""

    def __init__(self, pieces: Sequence[str], scores: Sequence[float], unk: int):
        self.ids = {p: i for i, p in enumerate(pieces) if p}
        self.scores = scores
        self.unk = unk
        self.longest = max(len(p) for p in self.ids)
        self.unk_score = min(scores) - 10.0

    def encode(self, text: str) -> list[tuple[int, int, int]]:
        import re
        import unicodedata

        out = []
        for m in re.finditer(r"[^ ]+", text):  # split at spaces only, as Metaspace splits
            word, start = m.group(), m.start()
            norm, where = [], []  # the NFKC form, and the offset each character came from
            for k, ch in enumerate(word):
                for c in unicodedata.normalize("NFKC", ch):
                    norm.append(c)
                    where.append(start + k)
            piece = "▁" + "".join(norm)
            where = [start] + where
            n = len(piece)
            best = [0.0] + [float("-inf")] * n
            back = [(0, -1)] * (n + 1)
            for i in range(n):
                if best[i] == float("-inf"):
                    continue
                found = False
                for j in range(i + 1, min(n, i + self.longest) + 1):
                    pid = self.ids.get(piece[i:j])
                    if pid is not None:
                        found = True
                        score = best[i] + self.scores[pid]
                        if score > best[j]:
                            best[j], back[j] = score, (i, pid)
                if not found and best[i] + self.unk_score > best[i + 1]:
                    best[i + 1], back[i + 1] = best[i] + self.unk_score, (i, self.unk)
            parts, j = [], n
            while j > 0:
                i, pid = back[j]
                parts.append((pid, i, j))
                j = i
            for pid, i, j in reversed(parts):
                end = where[j - 1] + 1 if j - 1 < len(where) else m.end()
                out.append((pid, where[i], end))
        return out


class E5Tokens:
    """Token vectors of the default e5 model at ``layer``, in NumPy."""

    def __init__(self, source: str | Path, layer: int = ALIGN_LAYER, prompt: str = "query: "):
        from .models import BLOCK_BYTES, QK, parse_header, read_tensor

        with open(source, "rb") as fh:
            self._buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        e5 = self._e5 = parse_header(self._buf)
        self.layer = min(layer, e5.layers)
        self.prompt = prompt
        self._tok = Unigram(e5.pieces, e5.scores, e5.unk)
        H = e5.hidden
        self._heads = e5.heads
        self._eps = e5.eps
        get = lambda name: read_tensor(self._buf, e5, name)  # noqa: E731
        self._pos = get("emb.pos").reshape(e5.max_positions, H)
        self._type = get("emb.type").reshape(e5.type_vocab, H)[0]
        self._ln = (get("emb.ln.w"), get("emb.ln.b"))
        dtype, count, off, nbytes = e5.tensors["emb.word"]
        self._word = (dtype, off, H)
        self._row_bytes = H // QK * BLOCK_BYTES
        self._layers = []
        for i in range(self.layer):
            p = {k: get(f"l{i}.{k}") for k in
                 ("q.w", "q.b", "k.w", "k.b", "v.w", "v.b", "ao.w", "ao.b", "aln.w", "aln.b",
                  "fi.w", "fi.b", "fo.w", "fo.b", "oln.w", "oln.b")}
            qkv = np.concatenate([p["q.w"].reshape(H, H), p["k.w"].reshape(H, H), p["v.w"].reshape(H, H)]).T
            self._layers.append({
                "qkv": np.ascontiguousarray(qkv), "qkv.b": np.concatenate([p["q.b"], p["k.b"], p["v.b"]]),
                "ao": np.ascontiguousarray(p["ao.w"].reshape(H, H).T), "ao.b": p["ao.b"],
                "aln": (p["aln.w"], p["aln.b"]),
                "fi": np.ascontiguousarray(p["fi.w"].reshape(e5.ffn, H).T), "fi.b": p["fi.b"],
                "fo": np.ascontiguousarray(p["fo.w"].reshape(H, e5.ffn).T), "fo.b": p["fo.b"],
                "oln": (p["oln.w"], p["oln.b"]),
            })

    def _word_rows(self, ids: Sequence[int]) -> np.ndarray:
        from .models import DTYPE_Q4, dequantize_q4

        dtype, off, H = self._word
        if dtype != DTYPE_Q4:
            return np.stack([np.frombuffer(self._buf, "<f4", H, off + 4 * H * i) for i in ids])
        rb = self._row_bytes
        return np.stack([dequantize_q4(self._buf[off + rb * i: off + rb * (i + 1)], H) for i in ids])

    def hidden(self, ids: Sequence[int]) -> np.ndarray:
        """The hidden states of ``ids`` after :attr:`layer` layers, (n, dim)."""
        n, H, h = len(ids), self._e5.hidden, self._heads
        d = H // h
        x = self._word_rows(ids) + self._pos[:n] + self._type
        x = _layer_norm(x, *self._ln, self._eps)
        for p in self._layers:
            qkv = x @ p["qkv"] + p["qkv.b"]
            q, k, v = (qkv[:, i * H:(i + 1) * H].reshape(n, h, d).transpose(1, 0, 2) for i in range(3))
            att = q @ k.transpose(0, 2, 1) / np.sqrt(d)
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(1, 0, 2).reshape(n, H)
            x = _layer_norm(x + ctx @ p["ao"] + p["ao.b"], *p["aln"], self._eps)
            f = _gelu(x @ p["fi"] + p["fi.b"])
            x = _layer_norm(x + f @ p["fo"] + p["fo.b"], *p["oln"], self._eps)
        return x

    def encode(self, text: str) -> TokenVectors:
        pieces = self._tok.encode(self.prompt + text)[: self._e5.max_positions - 2]
        ids = [self._e5.bos] + [i for i, _s, _e in pieces] + [self._e5.eos]
        offsets = [(0, 0)] + [(s, e) for _i, s, e in pieces] + [(0, 0)]
        return _text_tokens(self.hidden(ids).astype(np.float32), offsets, len(self.prompt))


class HFTokens:
    """Token vectors of a sentence-transformers model (its first module's
    transformer) at ``layer``, through torch."""

    def __init__(self, st_model: Any, layer: int = ALIGN_LAYER, prompt: str = ""):
        self._st = st_model
        self.prompt = prompt
        first = st_model[0]
        self._auto = first.auto_model
        self._tok = first.tokenizer
        n = int(getattr(self._auto.config, "num_hidden_layers", layer))
        self.layer = min(layer, n)

    def encode(self, text: str) -> TokenVectors:
        import torch

        enc = self._tok(self.prompt + text, return_offsets_mapping=True, truncation=True, return_tensors="pt")
        offsets = enc.pop("offset_mapping")[0].tolist()
        with torch.no_grad():
            out = self._auto(**enc, output_hidden_states=True)
        return _text_tokens(out.hidden_states[self.layer][0].float().numpy(), offsets, len(self.prompt))


class TokenEncoder:
    """Token vectors of claim texts for one model, memoised per text.

    ``spec`` is the embedder's model spec; ``model`` a function returning the
    loaded sentence-transformers model (called only for a model other than
    the default)."""

    def __init__(self, spec: Any, model=None, layer: int = ALIGN_LAYER, size: int = 4096):
        self.spec = spec
        self._model = model
        self.layer = layer
        self._impl: Optional[Any] = None
        self._lock = threading.Lock()
        self._memo: dict[str, TokenVectors] = {}
        self._size = size

    def _get(self):
        if self._impl is None:
            if getattr(self.spec, "source", None):
                self._impl = E5Tokens(self.spec.source, self.layer, getattr(self.spec, "prompt", "") or "")
            else:
                self._impl = HFTokens(self._model(), self.layer, getattr(self.spec, "prompt", "") or "")
        return self._impl

    def encode(self, text: str) -> TokenVectors:
        with self._lock:
            got = self._memo.get(text)
            if got is None:
                got = self._get().encode(text)
                if len(self._memo) >= self._size:
                    self._memo.pop(next(iter(self._memo)))
                self._memo[text] = got
            return got
