package io.leakwatch.classifier.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed structural cues of an SMS that the classifier always looks for: one-time-code keywords,
 * opt-out markers and chat-group invitations. Keywords are folded (half-width, lower case) like the text they are matched against.
 */
final class Cues {
    static final int OTP = 0;
    static final int OPT_OUT = 1;
    static final int GROUP_INVITE = 2;

    private static final String[] OTP_KEYWORDS = {
        "验证码", "校验码", "动态码", "动态密码", "确认码", "短信码", "激活码", "认证码", "授权码", "安全码", "验证密码",
        "随机码", "随机密码", "临时密码", "登录密码", "交易码", "动态口令", "提货码", "取件码", "取货码",
        "verification code", "verify code", "security code", "confirmation code", "login code", "one-time",
        "one time password", "otp", "passcode", "code is", "code:",
    };
    private static final String[] OPT_OUT_KEYWORDS = {
        "退订", "拒收", "回t", "回复t", "回td", "回复td", "回n退", "回复n", "退回t", "unsubscribe", "opt out", "opt-out",
        "optout", "reply stop", "txt stop", "text stop", "send stop", "stop to", "to stop", "stop2", "stop 2",
    };

    /**
     * Invitations to join a chat group: there a "验证码" is the pass phrase to quote when asking to join
     * (stock-tip and gambling groups), not a one-time code.
     */
    private static final String[] GROUP_INVITE_KEYWORDS = {
        "建群", "加群", "进群", "入群", "群号", "q群", "qq群", "微信群", "股票群", "群内", "群满", "人满即封", "满即封",
    };

    static final KeywordMatcher MATCHER;
    static final int[] KIND;

    static {
        final List<String> all = new ArrayList<>();
        final List<Integer> kinds = new ArrayList<>();
        for (final String k : OTP_KEYWORDS) {
            all.add(k);
            kinds.add(OTP);
        }
        for (final String k : OPT_OUT_KEYWORDS) {
            all.add(k);
            kinds.add(OPT_OUT);
        }
        for (final String k : GROUP_INVITE_KEYWORDS) {
            all.add(k);
            kinds.add(GROUP_INVITE);
        }
        MATCHER = new KeywordMatcher(all);
        KIND = kinds.stream().mapToInt(Integer::intValue).toArray();
    }

    private Cues() {
    }
}
