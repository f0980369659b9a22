#!/usr/bin/env python3
"""Writes carrier-scale-120-apps.json (see README.md). Run once; the JSON it wrote is committed and is what counts."""
import json
import os
import random

rnd = random.Random(301)
sectors = ["e-commerce", "food-delivery", "mother-baby", "travel", "ride-hailing", "bank", "hospital",
           "games", "education", "insurance", "real-estate", "fitness"]
syllables = list("乐优易聚享惠美佳安康宝智云星达盛通华信诚和悦途趣拍淘米果橙桔柚豆")
suffix = {"e-commerce": "商城", "food-delivery": "外卖", "mother-baby": "妈妈", "travel": "旅行", "ride-hailing": "出行",
          "bank": "银行", "hospital": "医院", "games": "游戏", "education": "课堂", "insurance": "保险",
          "real-estate": "房产", "fitness": "健身"}
apps, used = [], set()
for rank in range(1, 121):
    sector = sectors[(rank - 1) % len(sectors)]
    while True:
        stem = rnd.choice(syllables) + rnd.choice(syllables)
        name = stem + suffix[sector]
        if name not in used and stem[0] != stem[1]:
            used.add(name)
            break
    apps.append({"id": f"app{rank:03d}", "name": name, "signature": name, "sector": sector,
                 "registrationsPerDay": round(4000 * rank ** -0.95)})
by_sector = {}
for app in apps:
    by_sector.setdefault(app["sector"], []).append(app["id"])
pairs, co = set(), []
while len(co) < 20:
    a, b = rnd.sample(by_sector[rnd.choice(sectors)], 2)
    if (a, b) in pairs or (b, a) in pairs:
        continue
    pairs.add((a, b))
    co.append({"apps": [a, b], "share": round(rnd.uniform(0.1, 0.3), 2)})


def leak(app, kind, start, rate, median, most, buyers, category, messages, **more):
    return {"app": app, "kind": kind, "start": start, **more, "victimRate": rate,
            "delayHours": {"median": median, "max": most}, "buyers": buyers, "category": category,
            "messagesPerVictim": messages}


scenario = {
    "name": "carrier-scale-120-apps", "seed": 301, "start": "2026-11-01T00:00:00+08:00", "days": 6,
    "subscribers": 400000, "apps": apps, "coRegistration": co,
    "background": {"p2pPerSubscriberPerDay": 1.5, "noticesPerSubscriberPerDay": 0.4,
                   "spamPerSubscriberPerDay": 0.2, "spamSenders": 2000},
    "seasonal": [{"start": "2026-11-04T00:00:00+08:00", "end": "2026-11-06T00:00:00+08:00",
                  "category": "MARKETING", "multiplier": 4.0}],
    "leaks": [
        leak("app100", "realtime", "2026-11-02T12:00:00+08:00", 0.3, 3, 12, 2, "FRAUD", 2),
        leak("app031", "bulk", "2026-11-03T20:00:00+08:00", 0.15, 24, 72, 3, "MARKETING", 1, lookbackDays=14),
        leak("app002", "realtime", "2026-11-02T00:00:00+08:00", 0.05, 12, 48, 2, "MARKETING", 1),
        leak("app079", "realtime", "2026-11-04T06:00:00+08:00", 0.25, 6, 24, 2, "MARKETING", 2),
        leak("app003", "realtime", "2026-11-03T09:00:00+08:00", 0.2, 2, 8, 3, "ADULT", 2),
    ],
}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "carrier-scale-120-apps.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(scenario, f, ensure_ascii=False, indent=2)
