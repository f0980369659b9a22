package io.leakwatch.simulator.traffic;

import io.leakwatch.simulator.Category;
import io.leakwatch.simulator.Scenario;
import io.leakwatch.simulator.corpus.TextFiller;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An app of the scenario as the carrier sees it: its ports and the way its OTPs read. Ports and
 * OTP wording depend only on the app id, so an app looks the same in every scenario.
 *
 * @param index     position in the scenario's app list
 * @param app       the scenario's definition
 * @param ports     one or two 106/1069 ports its OTPs come from
 * @param templates the one or two OTP wordings it uses
 * @param codeDigits length of its verification codes
 */
public record WatchedApp(int index, Scenario.App app, List<String> ports, List<String> templates, int codeDigits) {

    // {s} signature, {c} code, {m} minutes valid. Signature first or last, as real OTPs put it.
    private static final List<String> OTP_TEMPLATES = List.of(
            "【{s}】您的验证码是{c}，{m}分钟内有效，请勿泄露。",
            "【{s}】验证码{c}，用于手机号登录，{m}分钟内有效。验证码提供给他人可能导致账号被盗，请勿泄露，谨防被骗。",
            "您的注册验证码为{c}，请在{m}分钟内完成验证。如非本人操作，请忽略本短信。【{s}】",
            "【{s}】{c}（{s}验证码），请在页面中输入完成验证，有效期{m}分钟。",
            "{c}是您的{s}验证码，{m}分钟内有效。若非本人操作请忽略。【{s}】",
            "【{s}】尊敬的用户，您正在注册{s}账号，验证码：{c}，切勿将验证码告知他人。",
            "【{s}】您正在进行手机号注册，验证码{c}，{m}分钟内输入有效。工作人员不会向您索要验证码。",
            "验证码：{c}，您正在使用手机号登录{s}，{m}分钟内有效，请勿转发他人。【{s}】");

    /** The apps of a scenario, in its order, with ports claimed from {@code numbering}. */
    public static List<WatchedApp> of(final List<Scenario.App> apps, final Numbering numbering) {
        final List<WatchedApp> out = new ArrayList<>(apps.size());
        for (int i = 0; i < apps.size(); i++) {
            final Scenario.App app = apps.get(i);
            final SplittableRandom random = new SplittableRandom(Rng.stableHash("app:" + app.id()));
            final int portCount = 1 + random.nextInt(2);
            final List<String> ports = new ArrayList<>(portCount);
            for (int p = 0; p < portCount; p++) {
                ports.add(numbering.stablePort("port:" + app.id() + ":" + p));
            }
            final int first = random.nextInt(OTP_TEMPLATES.size());
            final List<String> templates = random.nextBoolean()
                    ? List.of(OTP_TEMPLATES.get(first))
                    : List.of(OTP_TEMPLATES.get(first), OTP_TEMPLATES.get((first + 1 + random.nextInt(
                            OTP_TEMPLATES.size() - 1)) % OTP_TEMPLATES.size()));
            final int codeDigits = 4 + random.nextInt(3);
            out.add(new WatchedApp(i, app, List.copyOf(ports), templates, codeDigits));
        }
        return List.copyOf(out);
    }

    /** The app id. */
    public String id() {
        return app.id();
    }

    /** An OTP message from one of the app's ports. */
    public Event otp(final long epochSecond, final String recipient, final SplittableRandom random) {
        final String code = digits(random, codeDigits);
        final String text = TextFiller.pick(templates, random)
                .replace("{s}", app.signature())
                .replace("{c}", code)
                .replace("{m}", Integer.toString(random.nextInt(3) == 0 ? 10 : 5));
        return Event.of(epochSecond, TextFiller.pick(ports, random), recipient, text, Category.TRANSACTIONAL, Event.Source.OTP);
    }

    private static String digits(final SplittableRandom random, final int length) {
        final StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
