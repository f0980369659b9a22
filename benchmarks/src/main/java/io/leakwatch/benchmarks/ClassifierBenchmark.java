package io.leakwatch.benchmarks;

import io.leakwatch.classifier.Classification;
import io.leakwatch.classifier.Classifier;
import io.leakwatch.classifier.Classifiers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Classification throughput on one core, for a realistic mix of traffic: Chinese one-time codes, bank, delivery
 * and operator notices, personal chat, marketing with opt-out, fraud and adult spam, and English messages.
 * Codes and amounts vary per call, so nothing is served from a cache.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ClassifierBenchmark -prof gc
 * </pre>
 * Report ops/s (messages per second per thread) and {@code gc.alloc.rate.norm} (bytes allocated per message).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class ClassifierBenchmark {
    /** Templates; {@code #} is replaced by digits that change with every call. */
    private static final String[] TEMPLATES = {
        "【美柚】您的验证码是######，5分钟内有效，请勿泄露给他人。",
        "【招商银行】您尾号####的储蓄卡##月##日##:##消费支出人民币###.##元，活期余额#,###.##元。",
        "【丰巢】您的快递已存入丰巢柜(XX小区#号柜)，取件码######，请于##小时内取件。",
        "【中国移动】尊敬的客户，截至##日##时，您本月已用流量###MB，剩余###MB，话费余额##.##元。",
        "那我还是去你楼下等你吧，快点啊。我马上就到。",
        "今晚#点老地方吃饭，别迟到哦",
        "【优衣库】春季新品全场#折起，会员再享##折，详情 http://t.cn/A#### 回T退订",
        "亲爱的会员，店庆##周年，全场满###减##，##月##日前有效，详询400-###-####，拒收请回复R",
        "澳门百家乐真人娱乐城，注册即送###元彩金，首存##%返水，网址 www.am####.com",
        "尊敬的用户您的网银密码器将于今日失效，请立即登录 http://icbc-#####.cn 进行升级【工商银行】",
        "本会所提供酒店上门服务，学生妹少妇模特，无需定金满意付款，电话139########",
        "代开各类发票，增值税专用发票，点数优惠，电话/微信 138########",
        "I'll be there in ## mins, save me a seat ok?",
        "Your Amazon verification code is ######. Don't share it with anyone.",
        "URGENT! You have won a ###,### prize. To claim call 0906####### now. T&C apply",
        "Sorry, I'll call later. Are we still meeting at #pm?",
    };
    private static final int VARIANTS = 64;

    private Classifier classifier;
    private String[] messages;
    private String[] senders;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        classifier = Classifiers.loadDefault();
        messages = new String[TEMPLATES.length * VARIANTS];
        senders = new String[messages.length];
        final java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        final String[] senderPool = {"1069012345678", "95555", "10086", "13800138000", null, "AMAZON"};
        for (int i = 0; i < messages.length; i++) {
            final StringBuilder b = new StringBuilder();
            for (final char c : TEMPLATES[i % TEMPLATES.length].toCharArray()) {
                b.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
            }
            messages[i] = b.toString();
            senders[i] = senderPool[random.nextInt(senderPool.length)];
        }
    }

    @Benchmark
    public Classification classify() {
        final int i = next;
        next = i + 1 == messages.length ? 0 : i + 1;
        return classifier.classify(messages[i], senders[i]);
    }
}
