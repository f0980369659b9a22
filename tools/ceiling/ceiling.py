#!/usr/bin/env python3
"""How far can a strong linear text model go on the issue-4 targets with these corpora?

An independent check on LeakWatch's classifier (classifier/README.md, docs/classifier.md): scikit-learn's
TF-IDF character n-grams with a linear SVM, on LeakWatch's own fixed split (the template split of
io.leakwatch.classifier.train.Split, re-implemented below; on 2026-12-07 it put every message in the same bucket as
a dump of the Java split did),
the regularisation C chosen on the validation bucket, the test bucket scored once with that choice.

It asks five questions:
  specialist  a model trained on one corpus alone, scored on that corpus: the most this model family gets from the
              corpus without having to agree with any other corpus's labels;
  mixed       one model over every Chinese corpus (zh-inbox weighted 3, as LeakWatch does): what a single model
              for all traffic pays for the corpora's different ideas of spam;
  oracle      the same data with a copy of every feature per corpus (shared + own weights, Daume's "frustratingly
              easy" domain adaptation) and the true corpus given at test time: a model that knew where each
              message came from, which a classifier of live traffic never does;
  unseen      the mixed model without zh-inbox, scored on zh-inbox: real received SMS from a source it never saw
              (LeakWatch's eval prints the same estimate for its own model);
  classes     a specialist of zh-spam-classes (MARKETING / FRAUD / ADULT), recall per source class.
A specialist of zh-sms is also trained with punctuation removed, which LeakWatch's Lucene tokens never see, and one of
zh-inbox with its labels changed by one policy: a message with an opt-out marker (退订, 回T, 拒收...) is spam, as
China's 2015 rules on SMS services (通信短信息服务管理规定) ask commercial SMS to offer a way to refuse (136 inform
and 3 normal messages change). The policy makes a surface feature decide the label, so part of what it gains is
circular; it measures how much the label policy weighs, no more.

Needs python3-sklearn (Debian: apt-get install python3-sklearn; tested with 1.2.1). Not part of the test suite.

  python3 tools/ceiling/ceiling.py --data ../shared/data --out docs/classifier-ceiling.md
"""
import argparse
import re
import sys
import time
import unicodedata
import warnings
from pathlib import Path

import numpy as np
import scipy.sparse as sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score, recall_score
from sklearn.svm import LinearSVC

C_GRID = (0.3, 1.0, 3.0)
CHINESE = ("zh-sms", "zh-inbox", "zh-personal", "zh-spam-classes")
SPAM_CLASS_CATEGORY = {"IL_Escort_service": "ADULT", "IL_Gambling": "FRAUD", "IL_Fake_ID_and_invoice": "FRAUD"}
JAVA_NOT_WHITESPACE = {"\u00a0", "\u2007", "\u202f", "\u0085"}
SPLIT_NAME = {"train": "TRAIN", "val": "VALIDATION", "test": "TEST"}
OPT_OUT = re.compile(r"退订|回T|回t|拒收|退定|回复TD|回TD|回N|回复N|回0退")


def java_hash(s):
    """Java's String.hashCode: over UTF-16 code units, 32-bit overflow."""
    units = s.encode("utf-16-le")
    h = 0
    for i in range(0, len(units), 2):
        h = (31 * h + (units[i] | units[i + 1] << 8)) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


def template_key(text):
    """Split.templateKey: digit runs and standalone x masks -> 0, whitespace removed, lower-cased."""
    out = []
    i, n = 0, len(text)
    digit = lambda c: "0" <= c <= "9" or "\uff10" <= c <= "\uff19"
    letter = lambda c: ("a" <= c <= "z") or ("A" <= c <= "Z")
    while i < n:
        c = text[i]
        if digit(c):
            while i < n and digit(text[i]):
                i += 1
            out.append("0")
            continue
        if c in "xX" and not letter(text[i - 1] if i > 0 else " "):
            j = i
            while j < n and text[j] in "xX":
                j += 1
            if not letter(text[j] if j < n else " "):
                out.append("0")
            else:
                out.append(text[i:j])
            i = j
            continue
        if not c.isspace() or c in JAVA_NOT_WHITESPACE:
            out.append(c)
        i += 1
    return "".join(out).lower()


def split_of(text):
    bucket = java_hash(template_key(text)) % 10  # Python's % is floorMod
    return "TEST" if bucket <= 1 else "VALIDATION" if bucket == 2 else "TRAIN"


def normalise(text):
    """Full-width to half-width, lower case, links as one token, every digit masked like zh-sms' spam, and every
    mask run as a token by its length: the label leak of zh-sms (digits only in its normal class) cannot be learnt."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = re.sub(r"https?://\S+|www\.\S+", " qurl ", t)
    t = re.sub(r"[0-9]", "x", t)

    def token(m):
        n = len(m.group(0))
        return " qn%d " % (1 if n <= 3 else 2 if n <= 6 else 3 if n <= 8 else 4 if n == 11 else 5)

    return re.sub(r"xx+|(?<![a-z])x(?![a-z])", token, t)


def load(data):
    """(corpus, source label, binary spam or None, split, text) for every message LeakWatch trains or scores on."""
    rows = []
    simple = {"zh-personal": "zh-personal/messages.tsv", "zh-inbox": "zh-inbox/messages.tsv",
              "zh-sms": "zh-sms/messages.tsv", "uci-sms": "uci-sms/SMSSpamCollection.tsv"}
    for corpus, rel in simple.items():
        for line in (data / rel).read_text(encoding="utf-8").split("\n"):
            if "\t" not in line:
                continue
            label, text = line.split("\t", 1)
            rows.append((corpus, label, label in ("spam", "1"), split_of(text), text))
    for name, split in SPLIT_NAME.items():
        for line in (data / "zh-spam-classes" / f"{name}.tsv").read_text(encoding="utf-8").split("\n"):
            f = line.split("\t")
            if len(f) < 3 or not f[2].strip():
                continue
            rows.append(("zh-spam-classes", f[0], True, split, f[2]))
    return rows


def spam_category(cls):
    if cls.startswith("AD_"):
        return "MARKETING"
    if cls.startswith("FR_"):
        return "FRAUD"
    return SPAM_CLASS_CATEGORY.get(cls)


class Data:
    def __init__(self, rows, without_punctuation=False):
        prepare = (lambda t: re.sub(r"[^\w]+", " ", normalise(t))) if without_punctuation else normalise
        self.rows = [(c, lab, y, s, prepare(t)) for c, lab, y, s, t in rows]

    def part(self, corpus, split):
        r = [x for x in self.rows if x[0] == corpus and x[3] == split]
        return [x[4] for x in r], np.array([x[2] for x in r]), [x[1] for x in r]


def vectoriser(latin):
    if latin:
        return [TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 5), sublinear_tf=True),
                TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"\S+")]
    return [TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2)]


def features(vs, texts, fit=False):
    return sparse.hstack([v.fit_transform(texts) if fit else v.transform(texts) for v in vs]).tocsr()


def with_domains(x, domains, n):
    """[x, x if domain 0, x if domain 1, ...]: shared weights plus one copy per corpus."""
    blocks = [x] + [sparse.diags((domains == k).astype(float)) @ x for k in range(n)]
    return sparse.hstack(blocks).tocsr()


def choose(fit, score_val, score_test):
    """Fits one model per C, keeps the best on validation, returns (C, validation, test) for it."""
    best = None
    for c in C_GRID:
        model = fit(c)
        v = score_val(model)
        if best is None or v > best[1]:
            best = (c, v, model)
    return best[0], best[1], score_test(best[2])


def binary_run(d, train_corpora, eval_corpora, weights=None, oracle=False, latin=False, choose_on=None):
    """C is chosen on the mean validation F1 of choose_on (default: every corpus scored)."""
    texts, ys, doms, sw = [], [], [], []
    for k, corpus in enumerate(train_corpora):
        t, y, _ = d.part(corpus, "TRAIN")
        texts += t
        ys.append(y)
        doms += [k] * len(t)
        sw += [(weights or {}).get(corpus, 1.0)] * len(t)
    vs = vectoriser(latin)
    x = features(vs, texts, fit=True)
    y = np.concatenate(ys)
    doms, sw = np.array(doms), np.array(sw)
    n = len(train_corpora)
    if oracle:
        x = with_domains(x, doms, n)

    def matrix(corpus, split):
        t, yy, _ = d.part(corpus, split)
        m = features(vs, t)
        if oracle:
            m = with_domains(m, np.full(len(t), train_corpora.index(corpus)), n)
        return m, yy

    evals = {c: (matrix(c, "VALIDATION"), matrix(c, "TEST")) for c in eval_corpora}
    chosen = choose_on or eval_corpora
    mean_f1 = lambda model, i: float(np.mean([f1_score(evals[k][i][1], model.predict(evals[k][i][0])) for k in chosen]))
    per = lambda model, i: {c: f1_score(e[i][1], model.predict(e[i][0])) for c, e in evals.items()}
    c, _, test = choose(lambda cc: LinearSVC(C=cc, max_iter=5000, random_state=0).fit(x, y, sample_weight=sw),
                        lambda m: mean_f1(m, 0), lambda m: (per(m, 0), per(m, 1)))
    return c, test


def classes_run(d):
    tr, _, lab_tr = d.part("zh-spam-classes", "TRAIN")
    keep = [i for i, lab in enumerate(lab_tr) if spam_category(lab)]
    vs = vectoriser(False)
    x = features(vs, [tr[i] for i in keep], fit=True)
    y = np.array([spam_category(lab_tr[i]) for i in keep])

    def part(split):
        t, _, lab = d.part("zh-spam-classes", split)
        k = [i for i, cls in enumerate(lab) if spam_category(cls)]
        return features(vs, [t[i] for i in k]), np.array([spam_category(lab[i]) for i in k]), [lab[i] for i in k]

    val, test = part("VALIDATION"), part("TEST")
    macro = lambda m, p: recall_score(p[1], m.predict(p[0]), average="macro")
    c, _, model = choose(lambda cc: LinearSVC(C=cc, max_iter=5000, random_state=0).fit(x, y), lambda m: macro(m, val), lambda m: m)
    predicted = model.predict(test[0])
    recall = {}
    for cls in sorted(set(test[2])):
        idx = [i for i, v in enumerate(test[2]) if v == cls]
        recall[cls] = (float(np.mean(predicted[idx] == test[1][idx])), len(idx))
    return c, recall


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True, type=Path, help="the labelled corpora (shared/data)")
    p.add_argument("--out", required=True, type=Path, help="markdown report to write")
    a = p.parse_args()
    if not (a.data / "zh-sms" / "messages.tsv").is_file():
        sys.exit(f"ceiling.py: --data {a.data}: no zh-sms/messages.tsv under it")
    warnings.filterwarnings("ignore")
    started = time.time()
    rows = load(a.data)
    counts = {}
    for c, _, _, s, _ in rows:
        counts[(c, s)] = counts.get((c, s), 0) + 1
    d = Data(rows)
    out = ["# How far a strong linear model gets on these corpora", "",
           "Produced by `python3 tools/ceiling/ceiling.py --data <shared/data> --out docs/classifier-ceiling.md` "
           "(scikit-learn %s; the script's docstring says what each row is). Binary spam F1 on LeakWatch's fixed "
           "split; C of the linear SVM chosen on validation from %s, test scored once." % (
               __import__("sklearn").__version__, list(C_GRID)), "",
           "Split sizes (train / validation / test): " + "; ".join(
               f"{c} {counts.get((c, 'TRAIN'), 0)} / {counts.get((c, 'VALIDATION'), 0)} / {counts.get((c, 'TEST'), 0)}"
               for c in ("zh-sms", "zh-inbox", "zh-personal", "uci-sms", "zh-spam-classes")), "",
           "| model | trained on | C | zh-sms val / test | zh-inbox val / test | uci-sms val / test |",
           "|---|---|---:|---:|---:|---:|"]

    def row(name, trained, c, res, corpora):
        cells = [f"{res[0][k]:.3f} / {res[1][k]:.3f}" if k in corpora else "" for k in ("zh-sms", "zh-inbox", "uci-sms")]
        out.append(f"| {name} | {trained} | {c} | " + " | ".join(cells) + " |")
        print(out[-1], flush=True)

    for corpus in ("zh-sms", "zh-inbox"):
        c, res = binary_run(d, [corpus], [corpus])
        row("specialist", corpus, c, res, [corpus])
    relabelled = [(c, lab, y or (c == "zh-inbox" and bool(OPT_OUT.search(t))), s, t) for c, lab, y, s, t in rows]
    c, res = binary_run(Data(relabelled), ["zh-inbox"], ["zh-inbox"])
    row("specialist, zh-inbox relabelled: an opt-out marker makes a message spam", "zh-inbox", c, res, ["zh-inbox"])
    c, res = binary_run(Data(rows, without_punctuation=True), ["zh-sms"], ["zh-sms"])
    row("specialist, punctuation removed (as LeakWatch's tokens do)", "zh-sms", c, res, ["zh-sms"])
    c, res = binary_run(d, ["uci-sms"], ["uci-sms"], latin=True)
    row("specialist", "uci-sms", c, res, ["uci-sms"])
    c, res = binary_run(d, list(CHINESE), ["zh-sms", "zh-inbox"], weights={"zh-inbox": 3.0})
    row("mixed", "the four Chinese corpora, zh-inbox ×3", c, res, ["zh-sms", "zh-inbox"])
    c, res = binary_run(d, list(CHINESE), ["zh-sms", "zh-inbox"], weights={"zh-inbox": 3.0}, oracle=True)
    row("oracle (true corpus given)", "the four Chinese corpora, zh-inbox ×3", c, res, ["zh-sms", "zh-inbox"])
    c, res = binary_run(d, ["zh-sms", "zh-personal", "zh-spam-classes"], ["zh-sms", "zh-inbox"], choose_on=["zh-sms"])
    row("unseen source (C chosen on zh-sms)", "the Chinese corpora but zh-inbox", c, res, ["zh-sms", "zh-inbox"])
    c, recall = classes_run(d)
    out += ["", f"zh-spam-classes specialist (MARKETING / FRAUD / ADULT, C {c} by macro recall on validation), "
                 "recall of its project category per source class on test:", "",
            "| class | test messages | recall |", "|---|---:|---:|"]
    out += [f"| {cls} | {n} | {r:.3f} |" for cls, (r, n) in recall.items()]
    a.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print("\n".join(out[-len(recall) - 2:]))
    print(f"wrote {a.out} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
