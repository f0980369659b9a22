package io.leakwatch.classifier.eval;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.train.Corpora;
import io.leakwatch.classifier.train.Example;
import io.leakwatch.classifier.train.Split;
import io.leakwatch.classifier.train.Trainer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrossValidationTest {
    /** 20 chat messages (zh-personal; the five without a suffix in {@code plainChat}) and 20 adverts (zh-sms, TRAIN). */
    private static List<Example> chatAndAdverts(final Split plainChat) {
        final List<Example> all = new ArrayList<>();
        final String[] chat = {"今晚一起吃饭吧", "明天几点见面", "到家了吗", "我在路上了", "周末去爬山吗"};
        final String[] ads = {"全场大促销抢购从速", "新店开业全场五折", "会员日满减优惠券", "品牌特卖限时秒杀", "清仓甩卖买一送一"};
        for (int i = 0; i < 5; i++) {
            for (final String suffix : new String[] {"", "啊", "呀", "哦"}) {
                all.add(new Example(Corpora.ZH_PERSONAL, "NORMAL", Category.NORMAL, chat[i] + suffix,
                    suffix.isEmpty() ? plainChat : Split.TRAIN));
                all.add(new Example(Corpora.ZH_SMS, "1", Category.MARKETING, ads[i] + suffix, Split.TRAIN));
            }
        }
        return all;
    }

    @Test
    void shouldScoreEveryTrainAndValidationMessageOnceAndNeverATestOne() {
        final List<Example> all = chatAndAdverts(Split.VALIDATION);
        // test messages of a corpus that has nothing else: it must not show up at all
        all.add(new Example(Corpora.UCI, "spam", Category.FRAUD, "You have won a prize, call now", Split.TEST));
        all.add(new Example(Corpora.UCI, "ham", Category.NORMAL, "see you at lunch", Split.TEST));

        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        final Evaluation.Results r = CrossValidation.print(all, 2, Trainer.SEED, Trainer.Config.DEFAULT,
            new PrintStream(buf, true, StandardCharsets.UTF_8));

        assertThat(r.corpora()).containsExactlyInAnyOrder(Corpora.ZH_PERSONAL, Corpora.ZH_SMS);
        assertThat(r.corpus(Corpora.ZH_PERSONAL).total()).isEqualTo(20);
        assertThat(r.corpus(Corpora.ZH_SMS).total()).isEqualTo(20);
        assertThat(buf.toString(StandardCharsets.UTF_8))
            .contains("## 2-fold cross-validation over the train and validation buckets (seed 42)", "| zh-sms | 20 |");
    }

    @Test
    void shouldHandEveryMissAndOnlyMissesToTheReceiver() {
        final List<Example> all = chatAndAdverts(Split.TRAIN);
        // an advert filed as normal: whichever fold holds it, the other fold's adverts teach the model otherwise
        final Example mislabelled = new Example(Corpora.ZH_SMS, "0", Category.NORMAL, "全场五折大促销限时抢购会员满减", Split.TRAIN);
        all.add(mislabelled);
        all.add(new Example(Corpora.ZH_SMS, "0", Category.NORMAL, "全场五折大促销限时抢购会员满减优惠", Split.TEST));

        final List<CrossValidation.Miss> misses = new ArrayList<>();
        final Evaluation.Results r = CrossValidation.run(all, 2, Trainer.SEED, Trainer.Config.DEFAULT,
            CrossValidation.Grouping.TEMPLATE, misses::add);

        assertThat(misses).extracting(CrossValidation.Miss::example).contains(mislabelled)
            .allMatch(e -> e.split() != Split.TEST);
        assertThat(misses).allMatch(m -> m.predicted().category() != m.example().category());
        final Confusion c = r.corpus(Corpora.ZH_SMS);
        long wrong = 0;
        for (final Category t : Category.values()) {
            for (final Category p : Category.values()) {
                wrong += t == p ? 0 : c.count(t, p);
            }
        }
        final Confusion personal = r.corpus(Corpora.ZH_PERSONAL);
        for (final Category p : Category.values()) {
            wrong += p == Category.NORMAL ? 0 : personal.count(Category.NORMAL, p);
        }
        assertThat(misses).as("one per wrong prediction the results count").hasSize((int) wrong);
    }

    @Test
    void shouldKeepATemplateInOneFold() {
        final Example a = new Example(Corpora.ZH_INBOX, "inform", Category.TRANSACTIONAL, "您的验证码是 482913", Split.TRAIN);
        final Example b = new Example(Corpora.ZH_INBOX, "inform", Category.TRANSACTIONAL, "您的验证码是 99", Split.TRAIN);
        for (int folds = 2; folds <= 10; folds++) {
            assertThat(CrossValidation.fold(a, folds)).isEqualTo(CrossValidation.fold(b, folds)).isBetween(0, folds - 1);
        }
    }

    @Test
    void shouldKeepASignatureInOneFoldWhenGroupedBySignature() {
        final Example otp = new Example(Corpora.ZH_INBOX, "inform", Category.TRANSACTIONAL, "【某银行】您的验证码是 482913",
            Split.TRAIN);
        final Example bill = new Example(Corpora.ZH_INBOX, "inform", Category.TRANSACTIONAL,
            "您本月账单已出，应还 356.00 元【某银行】", Split.TRAIN);
        final Example unsigned = new Example(Corpora.ZH_INBOX, "normal", Category.NORMAL, "今晚一起吃饭吧", Split.TRAIN);
        int apart = 0;
        for (int folds = 2; folds <= 10; folds++) {
            assertThat(CrossValidation.fold(otp, folds, CrossValidation.Grouping.SIGNATURE))
                .isEqualTo(CrossValidation.fold(bill, folds, CrossValidation.Grouping.SIGNATURE));
            assertThat(CrossValidation.fold(unsigned, folds, CrossValidation.Grouping.SIGNATURE))
                .as("an unsigned message goes by its template").isEqualTo(CrossValidation.fold(unsigned, folds));
            apart += CrossValidation.fold(otp, folds) != CrossValidation.fold(bill, folds) ? 1 : 0;
        }
        assertThat(apart).as("by template, the two templates of one sender fall apart for some fold counts").isPositive();
    }

    @Test
    void shouldRefuseFewerThanTwoFolds() {
        assertThatThrownBy(() -> CrossValidation.run(List.of(), 1, 1, Trainer.Config.DEFAULT))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }
}
