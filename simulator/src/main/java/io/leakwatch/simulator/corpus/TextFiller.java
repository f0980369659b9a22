package io.leakwatch.simulator.corpus;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the corpora's entity placeholders ({@code DIGIT}, {@code NAME}, {@code PLACE},
 * {@code URL}, {@code CELLPHONE}, {@code PHONE}, {@code WECHAT}, {@code QQ}, {@code HOTLINE},
 * {@code BANK}) and, in spam, {@code zh-sms}'s standalone {@code x} digit masks with plausible
 * synthetic values. Every number made here is random, so no real contact ends up in the traffic.
 *
 * <p>Entities (phones, URLs, names) are drawn from one random source and digits from another, so a
 * campaign can keep its call-back number while its amounts and dates vary from message to message.
 */
public final class TextFiller {

    // CELLPHONE before PHONE, or "CELLPHONE" would be read as "CELL" + PHONE.
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "CELLPHONE|PHONE|HOTLINE|WECHAT|DIGIT|NAME|PLACE|URL|QQ|BANK|(?<![A-Za-z])[xX]+(?![A-Za-z])");

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军",
            "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "晓燕", "子涵", "浩然");
    private static final List<String> TITLES = List.of("经理", "女士", "先生", "老师", "总", "小姐");
    private static final List<String> PLACES = List.of("北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉",
            "西安", "重庆", "苏州", "天津", "长沙", "郑州", "东莞", "佛山", "宁波", "合肥", "朝阳区", "海淀区", "浦东新区",
            "天河区", "福田区", "西湖区", "江宁区", "武侯区", "万达广场", "国贸中心", "人民广场", "步行街", "滨江路");
    private static final List<String> BANKS = List.of("工商银行", "建设银行", "农业银行", "中国银行", "招商银行",
            "交通银行", "邮储银行", "浦发银行", "民生银行", "兴业银行", "平安银行", "中信银行");
    private static final List<String> AREA_CODES = List.of("010", "021", "020", "0755", "0571", "025", "028", "027",
            "029", "023", "0512", "0731", "0371", "0769", "0757", "0574", "0551");
    private static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "133", "135", "136", "137",
            "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "177", "178", "180",
            "181", "182", "183", "185", "186", "187", "188", "189");
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String ALNUM = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private TextFiller() {
    }

    /** Fills every placeholder, entities and digits from the same source. */
    public static String fill(final String template, final SplittableRandom random) {
        return fill(template, random, random, true);
    }

    /**
     * Fills every placeholder.
     *
     * @param entities  source for phones, URLs, names, places, banks, WeChat and QQ ids
     * @param digits    source for {@code DIGIT} and {@code x} masks
     * @param fillMasks whether standalone {@code x} runs are digit masks (spam from zh-sms) or text
     */
    public static String fill(final String template, final SplittableRandom entities, final SplittableRandom digits,
                              final boolean fillMasks) {
        final Matcher m = PLACEHOLDER.matcher(template);
        if (!m.find()) {
            return template;
        }
        final StringBuilder out = new StringBuilder(template.length() + 32);
        int last = 0;
        do {
            final String token = m.group();
            out.append(template, last, m.start());
            if (m.start() == last && last > 0 && out.length() > 0 && Character.isDigit(out.charAt(out.length() - 1))) {
                // Glued placeholders (CELLPHONECELLPHONE) would run two numbers into one.
                out.append(' ');
            }
            if (token.charAt(0) == 'x' || token.charAt(0) == 'X') {
                out.append(fillMasks ? maskedDigits(token.length(), digits) : token);
            } else {
                out.append(entity(token, entities, digits));
            }
            last = m.end();
        } while (m.find());
        out.append(template, last, template.length());
        return out.toString();
    }

    private static String entity(final String token, final SplittableRandom entities, final SplittableRandom digits) {
        return switch (token) {
            case "DIGIT" -> number(digits, digits.nextInt(10) < 8 ? 1 + digits.nextInt(3) : 4);
            case "CELLPHONE" -> mobile(entities);
            case "PHONE" -> pick(AREA_CODES, entities) + (entities.nextBoolean() ? "-" : "")
                    + (2 + entities.nextInt(7)) + number(entities, 7).substring(0, 7);
            case "HOTLINE" -> entities.nextBoolean()
                    ? "400-" + (100 + entities.nextInt(900)) + "-" + (1000 + entities.nextInt(9000))
                    : "95" + (100 + entities.nextInt(900));
            case "WECHAT" -> (entities.nextInt(3) == 0 ? "wx" : "") + letters(entities, 3 + entities.nextInt(5))
                    + number(entities, 2 + entities.nextInt(5));
            case "QQ" -> number(entities, 6 + entities.nextInt(5));
            case "URL" -> url(entities);
            case "NAME" -> name(entities);
            case "PLACE" -> pick(PLACES, entities);
            case "BANK" -> pick(BANKS, entities);
            default -> throw new IllegalStateException("unhandled placeholder " + token);
        };
    }

    /** A random 11-digit mobile number of a mainland carrier. */
    public static String mobile(final SplittableRandom random) {
        final StringBuilder out = new StringBuilder(11).append(pick(MOBILE_PREFIXES, random));
        for (int i = 0; i < 8; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** A Chinese person's name or a name with a title, such as 王经理. */
    public static String name(final SplittableRandom random) {
        final String surname = pick(SURNAMES, random);
        return random.nextInt(3) == 0 ? surname + pick(TITLES, random) : surname + pick(GIVEN, random);
    }

    /** A place name. */
    public static String place(final SplittableRandom random) {
        return pick(PLACES, random);
    }

    private static String url(final SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> "t.cn/" + alnum(random, 7);
            case 1 -> "http://" + letters(random, 4 + random.nextInt(5)) + ".com";
            case 2 -> "www." + letters(random, 3 + random.nextInt(6)) + ".cn";
            default -> "dwz.cn/" + alnum(random, 6);
        };
    }

    private static String maskedDigits(final int length, final SplittableRandom random) {
        return length == 11 ? mobile(random) : number(random, length);
    }

    /** A number of exactly {@code length} digits without a leading zero. */
    public static String number(final SplittableRandom random, final int length) {
        final StringBuilder out = new StringBuilder(length);
        out.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static String letters(final SplittableRandom random, final int length) {
        return chars(LOWER, random, length);
    }

    private static String alnum(final SplittableRandom random, final int length) {
        return chars(ALNUM, random, length);
    }

    private static String chars(final String alphabet, final SplittableRandom random, final int length) {
        final StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** A uniformly chosen element. */
    public static <T> T pick(final List<T> items, final SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }
}
