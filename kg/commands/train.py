"""``kg train``: convert the public NER corpora and train the statistical NER from ``configs/ner.cfg``."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from kg.errors import InputError

_REPO = Path(__file__).resolve().parents[2]
# corpora are not shipped (research-use licences): point at them with --data-dir or PARKKG_DATA_DIR
DEFAULT_DATA_DIR = Path(os.environ["PARKKG_DATA_DIR"]) if os.environ.get("PARKKG_DATA_DIR") else None


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "train", help="train the statistical NER model (developer command)",
        description="Convert MSRA, People's Daily dev and CLUENER2020 train into spaCy's format and train the "
                    "NER (zh, char tokens) from a spaCy config (stage 1); with --finetune, then fine-tune it on silver "
                    "park/firm sentences from the gazetteers (stage 2, configs/ner_finetune.cfg). Fixed seed. Test sets "
                    "reported by `kg evaluate --public` are removed from training.",
        epilog="Example: OMP_NUM_THREADS=1 kg train --data-dir DATA --output kg/models/ner")
    p.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                   help="folder holding msra_ner/, peoples_daily_ner/, cluener2020/ (default: $PARKKG_DATA_DIR "
                        "beside the repository)")
    p.add_argument("--output", type=Path, default=Path("kg/models/ner"),
                   help="where the trained pipeline goes (default: kg/models/ner)")
    p.add_argument("--config", type=Path, default=None, help="spaCy config (default: configs/ner.cfg)")
    p.add_argument("--max-steps", type=int, default=None, help="override stage 1's [training] max_steps")
    p.add_argument("--finetune-steps", type=int, default=None, help="override stage 2's [training] max_steps")
    p.add_argument("--finetune", action="store_true",
                   help="also run stage 2, domain fine-tuning on silver park/firm sentences (off by default: it "
                        "cost 2-3 F1 points on the public test sets, see kg/models/MODEL_CARD.md)")
    p.add_argument("--base-model", type=Path, default=None,
                   help="skip stage 1 and fine-tune this trained pipeline")
    p.add_argument("--work-dir", type=Path, default=None,
                   help="where the converted corpora and checkpoints go (default: build/ner-training)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kg.ner.training import DEFAULT_CONFIG, DEFAULT_FINETUNE_CONFIG, train

    config = args.config or DEFAULT_CONFIG
    if not config.is_file():
        raise InputError(str(config), "spaCy config not found")
    if args.data_dir is None or not args.data_dir.is_dir():
        raise InputError(str(args.data_dir or "--data-dir"), "data folder not found (give --data-dir or set PARKKG_DATA_DIR)")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    out = train(args.data_dir, args.output, config=config, max_steps=args.max_steps,
                work_dir=args.work_dir, seed=args.seed,
                finetune_config=DEFAULT_FINETUNE_CONFIG if args.finetune else None,
                finetune_steps=args.finetune_steps, base_model=args.base_model)
    print(f"kg train: model written to {out}")
    return 0
