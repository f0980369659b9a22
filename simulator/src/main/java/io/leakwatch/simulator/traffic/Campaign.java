package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.corpus.TextFiller;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A spam campaign: one corpus text whose entities (call-back number, WeChat id, URL) are fixed once,
 * sent again and again with the small variations bulk senders use to slip past exact-match filters.
 */
public final class Campaign {

    /** Words that make a corpus text fit the customers of a sector (buyers target what they bought). */
    private static final Map<String, List<String>> SECTOR_WORDS = Map.of(
            "mother-baby", List.of("宝宝", "婴", "儿童", "孕", "妈妈", "母婴", "早教", "月子", "奶粉", "亲子"),
            "hospital", List.of("宝宝", "婴", "儿童", "摄影", "写真", "月子", "早教", "孕", "奶粉", "亲子"),
            "food-delivery", List.of("外卖", "餐", "美食", "红包", "优惠券", "饭", "小吃"),
            "e-commerce", List.of("包邮", "旗舰店", "秒杀", "折起", "购物"),
            "travel", List.of("酒店", "机票", "旅游", "景区"),
            "ride-hailing", List.of("车", "驾"),
            "bank", List.of("贷", "信用卡", "额度", "理财"));

    private static final int MIN_SECTOR_MATCHES = 3;

    private final String template;
    private final long entitySeed;

    private Campaign(final String template, final long entitySeed) {
        this.template = template;
        this.entitySeed = entitySeed;
    }

    /** A campaign on a random text of {@code texts}. */
    public static Campaign pick(final List<String> texts, final SplittableRandom random) {
        return new Campaign(TextFiller.pick(texts, random), random.nextLong());
    }

    /** A campaign on a text that suits {@code sector}'s customers where the corpus has a few, else any. */
    public static Campaign pickForSector(final List<String> texts, final String sector, final SplittableRandom random) {
        final List<String> words = sector == null ? List.of() : SECTOR_WORDS.getOrDefault(sector, List.of());
        final List<String> matching = texts.stream().filter(text -> words.stream().anyMatch(text::contains)).toList();
        return pick(matching.size() >= MIN_SECTOR_MATCHES ? matching : texts, random);
    }

    /** One message of the campaign. */
    public String render(final SplittableRandom random) {
        final SplittableRandom entities = new SplittableRandom(entitySeed);
        final boolean newDigits = random.nextInt(10) < 3;
        final SplittableRandom digits = newDigits ? random : new SplittableRandom(~entitySeed);
        final String text = TextFiller.fill(template, entities, digits, true);
        return vary(text, random);
    }

    /** Small per-message changes: an opt-out tail, a random tag, a swapped punctuation mark. */
    private static String vary(final String text, final SplittableRandom random) {
        final int roll = random.nextInt(100);
        if (roll < 12 && !text.contains("退订")) {
            return text + (random.nextBoolean() ? " 退订回T" : "，回TD退订");
        }
        if (roll < 22) {
            return text + " [" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26))
                    + random.nextInt(100) + "]";
        }
        if (roll < 30) {
            return text.replace('，', ',').replace('！', '!');
        }
        return text;
    }
}
