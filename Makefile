# make demo   set up (first time) and check the bundled seeds/: writes reports/seeds.html
# make test   set up (first time) and run the whole test suite
VENV ?= .venv
export HF_HUB_OFFLINE = 1
export TOKENIZERS_PARALLELISM = false

.PHONY: demo test bench clean

demo:
	@scripts/setup-env.sh
	$(VENV)/bin/consistency check seeds --html reports/seeds.html --json reports/seeds.json --sarif reports/seeds.sarif --fail-on never

test:
	@scripts/setup-env.sh test
	@scripts/run-tests.sh

bench:
	@scripts/setup-env.sh test
	$(VENV)/bin/python benchmarks/cluster_quality.py
	$(VENV)/bin/python benchmarks/heldout_eval.py
	$(VENV)/bin/python benchmarks/stories_eval.py
	$(VENV)/bin/python benchmarks/verify_bench.py
	$(VENV)/bin/python benchmarks/scale.py --sizes 10,100

clean:
	rm -rf $(VENV) build *.egg-info reports/*.html reports/*.json reports/*.sarif
