package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.Category;
import io.leakwatch.simulator.Scenario;
import io.leakwatch.simulator.corpus.TextFiller;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * TRANSACTIONAL traffic that no leak explains: bank alerts from 955xx numbers, operator notices
 * from 10086/10010/10000, deliveries and travel from 106 ports, and OTPs of services the operator
 * does not watch.
 *
 * <p>The templates are written for this project with the shapes of real notices (signature in
 * 【】 first or last, card tails, amounts, pickup codes); no text is copied from any corpus.
 */
public final class Notices {

    private record Sender(String number, String signature) {
    }

    private static final String[][] BANKS = {
        {"95588", "工商银行"}, {"95533", "建设银行"}, {"95599", "农业银行"}, {"95566", "中国银行"},
        {"95555", "招商银行"}, {"95559", "交通银行"}, {"95528", "浦发银行"}, {"95568", "民生银行"},
        {"95561", "兴业银行"}, {"95511", "平安银行"}, {"95558", "中信银行"}, {"95595", "光大银行"},
    };
    private static final List<String> BANK_TEMPLATES = List.of(
            "【{sig}】您尾号{last4}的储蓄卡{M}月{d}日{HH}:{mm}消费支出人民币{amt}元，活期余额{bal}元。",
            "您尾号{last4}卡{M}月{d}日{HH}:{mm}快捷支付收入(转账){amt}元，余额{bal}元。【{sig}】",
            "【{sig}】您的信用卡本期账单已出，应还金额{amt}元，最低还款{small}元，到期还款日{M2}月{d2}日。",
            "【{sig}】您账户{last4}于{M}月{d}日{HH}:{mm}代发工资收入人民币{big}元，余额{bal}元。",
            "{sig}提醒：您尾号{last4}的账户于{M}月{d}日{HH}:{mm}完成一笔网上银行转账，金额{amt}元。如非本人操作请及时致电客服。",
            "【{sig}】您尾号{last4}的信用卡{M}月{d}日{HH}:{mm}在{merchant}消费{amt}元，可用额度{bal}元。");
    private static final List<String> OPERATOR_TEMPLATES = List.of(
            "【{sig}】尊敬的客户，截至{M}月{d}日{HH}时，您本月套餐内通用流量已使用{used}GB，剩余{left}GB。",
            "尊敬的客户，您好！您{M}月的话费账单已出，本月消费{amt}元，当前余额{bal}元。【{sig}】",
            "【{sig}】您的账户余额已不足{lowbal}元，为免影响正常使用，请及时充值。",
            "【{sig}】您已成功充值{topup}元，当前账户余额{bal}元，感谢您的支持。",
            "【{sig}】尊敬的客户，您本月套餐内国内语音已使用{minutes}分钟，剩余{minutesleft}分钟。");
    private static final List<String> DELIVERY_TEMPLATES = List.of(
            "【{sig}】您的包裹已到{place}驿站，取件码{pickup}，请于{HH2}:00前领取。",
            "【{sig}】您的快件{waybill}正在派送中，快递员{surname}师傅，电话{mobile}，请保持电话畅通。",
            "【{sig}】您的快件{waybill}已签收，签收人：{signer}。感谢使用，期待再次为您服务。",
            "【{sig}】您的订单{order}已出库，预计{M2}月{d2}日送达，请留意查收。");
    private static final List<String> TRAVEL_TEMPLATES = List.of(
            "【{sig}】订单{ticket}，{person}您已购{M2}月{d2}日{train}次{car}车{seat}号，{city}站{HH}:{mm}开，检票口{gate}。",
            "【{sig}】尊敬的旅客{person}，您预订的{M2}月{d2}日{flight}航班已出票，起飞时间{HH}:{mm}，请提前到达机场办理乘机手续。",
            "【{sig}】您乘坐的{flight}航班已开始办理值机，座位号{seatcode}，登机口{gate}，请留意登机时间。",
            "【{sig}】您预订的{M2}月{d2}日入住的{city}店已确认，订单号{order}，如需取消请提前一天联系。");
    private static final String[] DELIVERY = {"菜鸟驿站", "顺丰速运", "中通快递", "圆通速递", "韵达快递", "京东物流"};
    private static final String[] TRAVEL = {"铁路12306", "中国国航", "东方航空", "南方航空", "华住会", "锦江酒店"};
    private static final String[] UNWATCHED = {"支付宝", "抖音", "小红书", "哔哩哔哩", "高德地图", "网易云音乐",
        "快手", "闲鱼", "得物", "微博", "百度", "爱奇艺", "唯品会", "饿了么", "美团", "淘宝"};
    private static final List<String> MERCHANTS = List.of("财付通", "支付宝", "美团", "京东商城", "全家便利店",
            "永辉超市", "中国石化", "星巴克", "滴滴出行", "盒马鲜生");
    private static final List<String> SIGNERS = List.of("本人", "门卫", "快递柜", "家人", "前台", "驿站");
    private static final List<String> TRAIN_PREFIX = List.of("G", "D", "K", "Z", "T");
    private static final List<String> AIRLINES = List.of("CA", "MU", "CZ", "HU", "ZH", "3U");

    private final List<Sender> banks = new ArrayList<>();
    private final Sender[] operators = new Sender[3];
    private final List<Sender> delivery = new ArrayList<>();
    private final List<Sender> travel = new ArrayList<>();
    private final List<WatchedApp> unwatched = new ArrayList<>();
    private final Timeline timeline;
    private final long bankSeed;

    /** Claims the notice senders; unwatched services that share a name with a scenario app are left out. */
    public Notices(final List<Scenario.App> apps, final Numbering numbering, final Timeline timeline, final Rng rng) {
        this.timeline = timeline;
        this.bankSeed = rng.stream("notices.banks").nextLong();
        for (final String[] bank : BANKS) {
            numbering.claim(bank[0]);
            banks.add(new Sender(bank[0], bank[1]));
        }
        operators[0] = new Sender("10086", "中国移动");
        operators[1] = new Sender("10010", "中国联通");
        operators[2] = new Sender("10000", "中国电信");
        for (final Sender operator : operators) {
            numbering.claim(operator.number());
        }
        for (final String name : DELIVERY) {
            delivery.add(new Sender(numbering.stablePort("notice:" + name), name));
        }
        for (final String name : TRAVEL) {
            travel.add(new Sender(numbering.stablePort("notice:" + name), name));
        }
        final Set<String> watchedNames = new HashSet<>();
        for (final Scenario.App app : apps) {
            watchedNames.add(app.name());
            watchedNames.add(app.signature());
        }
        final List<Scenario.App> others = new ArrayList<>();
        for (final String name : UNWATCHED) {
            if (!watchedNames.contains(name)) {
                others.add(new Scenario.App("unwatched-" + others.size(), name, name, "other", 0.0));
            }
        }
        unwatched.addAll(WatchedApp.of(others, numbering));
    }

    /** A notice to {@code subscriber}, at {@code epochSecond}. */
    public Event notice(final long epochSecond, final int subscriber, final String msisdn, final SplittableRandom random) {
        final int kind = random.nextInt(100);
        if (kind < 18 && !unwatched.isEmpty()) {
            final Event otp = TextFiller.pick(unwatched, random).otp(epochSecond, msisdn, random);
            return Event.of(epochSecond, otp.sender(), msisdn, otp.text(), Category.TRANSACTIONAL, Event.Source.NOTICE);
        }
        final Sender sender;
        final List<String> templates;
        if (kind < 48) {
            sender = banks.get((int) Math.floorMod(Rng.mix(bankSeed ^ subscriber), (long) banks.size()));
            templates = BANK_TEMPLATES;
        } else if (kind < 66) {
            sender = operatorOf(msisdn);
            templates = OPERATOR_TEMPLATES;
        } else if (kind < 92) {
            sender = TextFiller.pick(delivery, random);
            templates = DELIVERY_TEMPLATES;
        } else {
            sender = TextFiller.pick(travel, random);
            templates = TRAVEL_TEMPLATES;
        }
        final String text = render(TextFiller.pick(templates, random), sender.signature(), epochSecond, subscriber,
                random);
        return Event.of(epochSecond, sender.number(), msisdn, text, Category.TRANSACTIONAL, Event.Source.NOTICE);
    }

    /** The subscriber's own carrier, by number prefix. */
    private Sender operatorOf(final String msisdn) {
        final int prefix = Integer.parseInt(msisdn.substring(0, 3));
        return switch (prefix) {
            case 130, 131, 132, 155, 156, 175, 176, 185, 186 -> operators[1];
            case 133, 153, 177, 180, 181, 189 -> operators[2];
            default -> operators[0];
        };
    }

    private String render(final String template, final String signature, final long epochSecond, final int subscriber,
                          final SplittableRandom random) {
        final LocalDateTime now = timeline.local(epochSecond);
        final LocalDateTime later = now.plusDays(1 + random.nextInt(20));
        final StringBuilder out = new StringBuilder(template.length() + 40);
        int i = 0;
        while (i < template.length()) {
            final char c = template.charAt(i);
            final int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            final String key = template.substring(i + 1, close);
            out.append(value(key, signature, now, later, subscriber, random));
            i = close + 1;
        }
        return out.toString();
    }

    private String value(final String key, final String signature, final LocalDateTime now, final LocalDateTime later,
                         final int subscriber, final SplittableRandom random) {
        return switch (key) {
            case "sig" -> signature;
            case "M" -> Integer.toString(now.getMonthValue());
            case "d" -> Integer.toString(now.getDayOfMonth());
            case "HH" -> two(now.getHour());
            case "mm" -> two(now.getMinute());
            case "M2" -> Integer.toString(later.getMonthValue());
            case "d2" -> Integer.toString(later.getDayOfMonth());
            case "HH2" -> two(Math.min(23, Math.max(now.getHour() + 2, 18) + random.nextInt(3)));
            case "last4" -> String.format(Locale.ROOT, "%04d", Math.floorMod(Rng.mix(bankSeed + subscriber), 10_000));
            case "amt" -> money(random, random.nextInt(4) == 0 ? 2000 : 300);
            case "small" -> money(random, 200);
            case "big" -> money(random, 20_000);
            case "bal" -> money(random, 50_000);
            case "lowbal" -> Integer.toString(5 + random.nextInt(4) * 5);
            case "topup" -> Integer.toString(List.of(30, 50, 100, 200).get(random.nextInt(4)));
            case "used" -> String.format(Locale.ROOT, "%.2f", random.nextDouble() * 30);
            case "left" -> String.format(Locale.ROOT, "%.2f", random.nextDouble() * 20);
            case "minutes" -> Integer.toString(random.nextInt(500));
            case "minutesleft" -> Integer.toString(random.nextInt(300));
            case "merchant" -> TextFiller.pick(MERCHANTS, random);
            case "place" -> TextFiller.place(random);
            case "pickup" -> (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(6)) + "-" + (1000 + random.nextInt(9000));
            case "waybill" -> (signature.startsWith("顺丰") ? "SF" : "") + TextFiller.number(random, 12 + random.nextInt(2));
            case "surname", "person" -> TextFiller.name(random);
            case "mobile" -> TextFiller.mobile(random);
            case "signer" -> TextFiller.pick(SIGNERS, random);
            case "order" -> TextFiller.number(random, 12);
            case "ticket" -> "E" + TextFiller.number(random, 9);
            case "train" -> TextFiller.pick(TRAIN_PREFIX, random) + (1 + random.nextInt(2000));
            case "car" -> two(1 + random.nextInt(16));
            case "seat" -> two(1 + random.nextInt(20)) + "ABCDF".charAt(random.nextInt(5));
            case "city" -> TextFiller.place(random);
            case "gate" -> Integer.toString(1 + random.nextInt(30));
            case "flight" -> TextFiller.pick(AIRLINES, random) + (1000 + random.nextInt(9000));
            case "seatcode" -> (10 + random.nextInt(50)) + String.valueOf("ABCDEFGHJK".charAt(random.nextInt(10)));
            default -> throw new IllegalStateException("unknown notice field {" + key + "}");
        };
    }

    private static String two(final int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String money(final SplittableRandom random, final int scale) {
        final double amount = Math.exp(random.nextDouble() * Math.log(scale)) + random.nextInt(100) / 100.0;
        return String.format(Locale.ROOT, "%.2f", amount);
    }
}
