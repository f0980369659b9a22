package io.leakwatch.classifier.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Hand-written TRANSACTIONAL templates (one-time codes, bank and payment alerts, deliveries, operator bills,
 * travel, appointments; Chinese and English), filled with random apps, codes, amounts and dates. They add to
 * {@code zh-inbox}'s {@code inform} messages, the only real notices in the corpora, and give English notices
 * at all. Written for this project in the shapes real notices take; no corpus text is copied.
 */
public final class SyntheticNotices {
    private static final String[] APPS = {
        "美柚", "宝宝树", "饿了么", "美团", "滴滴出行", "京东", "淘宝", "拼多多", "小红书", "抖音", "快手", "携程", "去哪儿",
        "哈啰出行", "叮咚买菜", "盒马", "闲鱼", "唯品会", "网易", "腾讯科技", "百度", "微博", "知乎", "B站", "keep", "好大夫在线",
        "平安好医生", "12306", "招商银行", "建设银行", "支付宝", "微信支付", "顺丰速运", "中国移动", "中国联通", "中国电信",
    };
    private static final String[] BANKS = {
        "招商银行", "工商银行", "建设银行", "农业银行", "中国银行", "交通银行", "浦发银行", "民生银行", "兴业银行", "平安银行",
        "中信银行", "光大银行", "邮储银行",
    };
    private static final String[] COURIERS = {"顺丰速运", "中通快递", "圆通速递", "韵达快递", "申通快递", "京东物流", "邮政EMS", "菜鸟驿站", "丰巢"};
    private static final String[] CITIES = {"北京", "上海", "广州", "深圳", "成都", "杭州", "武汉", "西安", "南京", "重庆"};
    private static final String[] EN_APPS = {"Google", "Microsoft", "Amazon", "PayPal", "Uber", "WhatsApp", "Apple", "HSBC", "Barclays", "DHL"};

    private static final String[] TEMPLATES = {
        "【{app}】您的验证码是{code6}，{min}分钟内有效，请勿泄露给他人。",
        "【{app}】验证码{code6}，用于登录，{min}分钟内有效。如非本人操作，请忽略本短信。",
        "【{app}】您正在注册{app}账号，验证码：{code4}，切勿将验证码告诉他人。",
        "{code6}（{app}动态验证码），请在{min}分钟内填写，工作人员不会向您索取。",
        "【{app}】您的校验码为{code6}，您正在进行身份验证，打死不要告诉别人哦！",
        "您的动态密码为{code6}，有效期{min}分钟。【{bank}】",
        "【{bank}】您正在进行快捷支付，验证码{code6}，金额{amount}元，请勿泄露。",
        "验证码：{code4}，您正在修改登录密码，若非本人操作请联系客服。【{app}】",
        "【{app}】尊敬的用户，您的账号于{date} {time}在新设备登录，如非本人操作请及时修改密码。",
        "【{bank}】您尾号{tail4}的储蓄卡{date}{time}消费支出人民币{amount}元，活期余额{balance}元。",
        "【{bank}】您尾号{tail4}的信用卡于{date}{time}消费{amount}元，可用额度{balance}元。",
        "您尾号{tail4}卡{date}{time}转入人民币{amount}元，余额{balance}元。【{bank}】",
        "【{bank}】您的信用卡本期账单{amount}元，最低还款{small}元，到期还款日{date}。",
        "【支付宝】您的账户于{date}{time}支出{amount}元，如有疑问请致电95188。",
        "【微信支付】您于{date}{time}向商户付款{amount}元，交易单号{long}。",
        "【{courier}】您的快件已到达{city}驿站，取件码{pickup}，请于{date}前取件。",
        "【{courier}】您的快递已存入丰巢柜，取件码{code6}，地址：{city}路{small}号，{hours}小时内免费。",
        "【{courier}】您的包裹正在派送中，快递员电话{mobile}，运单号{long}。",
        "【{courier}】运单{long}已签收，签收人：本人。感谢使用{courier}。",
        "【中国移动】尊敬的客户，截至{date}{time}，您当月已用流量{small}MB，剩余{small}MB，话费余额{balance}元。",
        "【中国联通】您的账户余额{balance}元，本月套餐费{amount}元已扣除，详询10010。",
        "【中国电信】您本月账单{amount}元，其中套餐月租{small}元，可登录营业厅查询明细。",
        "尊敬的客户，您于{date}充值{small}元已到账，当前话费余额{balance}元。【中国移动】",
        "【{app}】您的订单{long}已发货，预计{date}送达，请保持电话畅通。",
        "【{app}】订单{long}支付成功，金额{amount}元，商家正在备货。",
        "【航旅纵横】您预订的{date}{city}-{city} {flight}航班已出票，请于起飞前{small}分钟办理值机。",
        "【铁路客服】订单{ticket}，您已购{date}{train}次{small}车{small}号，{city}站{time}开，请凭证件进站乘车。",
        "【{app}】您已成功预约{date}{time}的挂号，就诊科室：内科，请提前{small}分钟到院取号。",
        "【{city}燃气】您的燃气账户本期应缴{amount}元，请于{date}前缴纳。",
        "【{app}】您的{amount}元退款已原路退回，请注意查收。",
        "【{bank}】您尾号{tail4}的账户{date}{time}工资入账{amount}元，余额{balance}元。",
        "【{app}】您的会员将于{date}到期，到期后将自动续费{small}元，可在设置中关闭。",
        "Your {enapp} verification code is {code6}. Don't share this code with anyone.",
        "{code6} is your {enapp} security code. It expires in {min} minutes.",
        "Use {code4} as your {enapp} login code. If you didn't request it, ignore this message.",
        "{enapp}: your package {long} will be delivered on {date}. Track it in the app.",
        "{enapp}: A payment of {amount} GBP was made from card ending {tail4} on {date}.",
        "Your {enapp} OTP for the transaction of {amount} is {code6}. Valid for {min} mins.",
    };

    private SyntheticNotices() {
    }

    /** {@code n} filled templates, the same for the same seed. */
    public static List<String> generate(final long seed, final int n) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(fill(TEMPLATES[i % TEMPLATES.length], random));
        }
        return out;
    }

    /** How many templates there are (each appears {@code n / templates} times in {@link #generate}). */
    public static int templates() {
        return TEMPLATES.length;
    }

    private static String fill(final String template, final SplittableRandom r) {
        final StringBuilder b = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            final char c = template.charAt(i);
            if (c == '{') {
                final int end = template.indexOf('}', i);
                b.append(slot(template.substring(i + 1, end), r));
                i = end + 1;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static String slot(final String name, final SplittableRandom r) {
        return switch (name) {
            case "app" -> pick(APPS, r);
            case "enapp" -> pick(EN_APPS, r);
            case "bank" -> pick(BANKS, r);
            case "courier" -> pick(COURIERS, r);
            case "city" -> pick(CITIES, r);
            case "code6" -> digits(6, r);
            case "code4" -> digits(4, r);
            case "tail4" -> digits(4, r);
            case "min" -> String.valueOf(1 + r.nextInt(30));
            case "hours" -> String.valueOf(12 + r.nextInt(36));
            case "small" -> String.valueOf(1 + r.nextInt(500));
            case "amount" -> String.format(Locale.ROOT, "%.2f", r.nextInt(1_000_000) / 100.0);
            case "balance" -> String.format(Locale.ROOT, "%,.2f", r.nextInt(10_000_000) / 100.0);
            case "date" -> String.format(Locale.ROOT, "%02d月%02d日", 1 + r.nextInt(12), 1 + r.nextInt(28));
            case "time" -> String.format(Locale.ROOT, "%02d:%02d", r.nextInt(24), r.nextInt(60));
            case "long" -> digits(12 + r.nextInt(6), r);
            case "mobile" -> "1" + (3 + r.nextInt(7)) + digits(9, r);
            case "pickup" -> (1 + r.nextInt(30)) + "-" + (1 + r.nextInt(9)) + "-" + digits(4, r);
            case "flight" -> pick(new String[] {"CA", "MU", "CZ", "HU", "ZH", "3U"}, r) + digits(4, r);
            case "train" -> pick(new String[] {"G", "D", "K", "Z", "T"}, r) + (1 + r.nextInt(2000));
            case "ticket" -> "E" + digits(9, r);
            default -> throw new IllegalArgumentException("unknown slot {" + name + "}");
        };
    }

    private static String pick(final String[] values, final SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    private static String digits(final int n, final SplittableRandom r) {
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }
}
