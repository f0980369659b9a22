package io.leakwatch.classifier.eval;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.Classifiers;
import io.leakwatch.classifier.train.Corpora;
import io.leakwatch.classifier.train.Example;
import io.leakwatch.classifier.train.Split;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EvaluationTest {
    @Test
    void shouldPrintTargetsMetricsAndConfusionMatrix() {
        final List<Example> test = List.of(
            new Example(Corpora.ZH_INBOX, "spam", Category.MARKETING, "【某某商城】全场5折起，会员满200减50，回T退订", Split.TEST),
            new Example(Corpora.ZH_INBOX, "inform", Category.TRANSACTIONAL, "【美团】您的验证码是 662910，5分钟内有效。", Split.TEST),
            new Example(Corpora.ZH_INBOX, "normal", Category.NORMAL, "晚上一起看电影吧", Split.TEST),
            new Example(Corpora.ZH_SPAM_CLASSES, "IL_Gambling", Category.FRAUD, "百家乐真人娱乐城注册送彩金 http://t.cn/abc", Split.TEST));
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        final Evaluation.Results r = Evaluation.report(Classifiers.loadDefault(), null, test,
            new PrintStream(buf, true, StandardCharsets.UTF_8));
        final String report = buf.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("## Targets (issue 4)", "## zh-inbox (test: 3 messages)", "| true \\ predicted |",
            "**spam (binary)**", "IL_Gambling");
        assertThat(r.corpus(Corpora.ZH_INBOX).spamF1()).isEqualTo(1.0);
        assertThat(r.recall("IL_Gambling", Category.FRAUD)).isEqualTo(1.0);
    }

    @Test
    void shouldScoreTheInboxTestSplitWithAModelThatNeverSawTheInbox() {
        final List<Example> all = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(new Example(Corpora.ZH_PERSONAL, "NORMAL", Category.NORMAL, "今晚" + i + "点一起吃饭吧", Split.TRAIN));
            all.add(new Example(Corpora.ZH_SMS, "1", Category.MARKETING, "全场" + i + "折大促销，抢购从速", Split.TRAIN));
        }
        // Inbox messages of every split: only the two TEST ones may be scored, and none may be trained on.
        all.add(new Example(Corpora.ZH_INBOX, "spam", Category.MARKETING, "店庆全场3折大促销，抢购从速", Split.TEST));
        all.add(new Example(Corpora.ZH_INBOX, "normal", Category.NORMAL, "今晚8点一起吃饭吧", Split.TEST));
        all.add(new Example(Corpora.ZH_INBOX, "normal", Category.NORMAL, "明天见", Split.TRAIN));
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        final Confusion c = Evaluation.unseenSource(all, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(c.total()).isEqualTo(2);
        assertThat(buf.toString(StandardCharsets.UTF_8))
            .contains("## Unseen source: zh-inbox test, model trained without zh-inbox (2 messages)", "**spam (binary)**");
        // Without inbox messages there is nothing to score: no section, no model trained.
        assertThat(Evaluation.unseenSource(all.subList(0, 80),
            new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8))).isNull();
    }

    /** Runs on the real corpora when they are present (CI); a plain clone skips it. */
    @Test
    void shouldMeetTheMetTargetsOnTheSharedData() {
        final Path data = sharedData();
        assumeTrue(data != null, "shared data not found (set LEAKWATCH_DATA); skipping");
        final List<Example> test = Corpora.load(data).stream().filter(e -> e.split() == Split.TEST).toList();
        final Evaluation.Results r = Evaluation.report(Classifiers.loadDefault(), null, test,
            new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(r.corpus(Corpora.ZH_PERSONAL).recall(Category.NORMAL)).isGreaterThan(0.99);
        assertThat(r.pooledRecall(List.of("FR_Phishing(Bank)", "FR_Phishing(Other)", "FR_Other", "FR_Financial",
            "IL_Gambling", "IL_Fake_ID_and_invoice"), Category.FRAUD)).isGreaterThanOrEqualTo(0.90);
        assertThat(r.corpus(Corpora.ZH_INBOX).precision(Category.TRANSACTIONAL)).isGreaterThanOrEqualTo(0.95);
        assertThat(r.corpus(Corpora.ZH_SMS).spamF1()).isGreaterThan(0.94);
        assertThat(r.corpus(Corpora.UCI).spamF1()).isGreaterThan(0.92);
    }

    private static Path sharedData() {
        final String env = System.getenv("LEAKWATCH_DATA");
        for (final String candidate : new String[] {env, "../../shared/data", "../shared/data"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate).resolve("zh-inbox"))) {
                return Path.of(candidate);
            }
        }
        return null;
    }
}
