package io.leakwatch.classifier.train;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.Classification;
import io.leakwatch.classifier.Classifiers;
import io.leakwatch.classifier.SmsClassifier;
import io.leakwatch.classifier.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainerTest {
    private static final Trainer.Config SMALL = new Trainer.Config(14, 4, 0.2, 1e-6, 200, 200, 1.0, 1.0, 3.0, 2.0, 0.5);

    static Path fixtureData() throws URISyntaxException {
        return Path.of(TrainerTest.class.getResource("/fixture-data").toURI());
    }

    @Test
    void shouldTrainTheSameModelForTheSameSeed(@TempDir final Path dir) throws Exception {
        final List<Example> examples = Corpora.load(fixtureData());
        final Path a = dir.resolve("a.bin.gz");
        final Path b = dir.resolve("b.bin.gz");
        final Path c = dir.resolve("c.bin.gz");
        Trainer.train(examples, 7, SMALL).save(a);
        Trainer.train(examples, 7, SMALL).save(b);
        Trainer.train(examples, 8, SMALL).save(c);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }

    @Test
    void shouldLearnTheFixtureCategories() throws Exception {
        final Model model = Trainer.train(Corpora.load(fixtureData()), 1, SMALL);
        final SmsClassifier classifier = Classifiers.withModel(model);
        assertThat(classifier.classify("【某某商城】双11全场5折起，会员满300减60，回T退订", null).category())
            .isEqualTo(Category.MARKETING);
        assertThat(classifier.classify("晚上一起吃饭吧，我在楼下等你", null).category()).isEqualTo(Category.NORMAL);
        assertThat(classifier.classify("【农业银行】您尾号1188的卡于07月01日消费人民币99.00元，余额500.00元。", null)
            .category()).isEqualTo(Category.TRANSACTIONAL);
    }

    @Test
    void shouldGiveIdenticalScoresAfterSaveAndLoad(@TempDir final Path dir) throws IOException, URISyntaxException {
        final Model trained = Trainer.train(Corpora.load(fixtureData()), 3, SMALL);
        final Path file = dir.resolve("model.bin.gz");
        trained.save(file);
        final SmsClassifier before = Classifiers.withModel(trained);
        final SmsClassifier after = Classifiers.withModel(Model.load(file));
        for (final String text : List.of("今晚回家吃饭吗", "百家乐娱乐城注册送彩金 http://x.cn", "FREE ringtone text 87121",
                "【美团】您的验证码是 123456", "")) {
            final Classification x = before.classify(text, null);
            final Classification y = after.classify(text, null);
            assertThat(y).as(text).isEqualTo(x);
        }
    }

    @Test
    void shouldRoundTripTheCommittedModel(@TempDir final Path dir) throws IOException {
        final Model committed = Classifiers.loadCommittedModel();
        final Path file = dir.resolve("copy.bin.gz");
        committed.save(file);
        final Model copy = Model.load(file);
        assertThat(copy.temperature()).isEqualTo(committed.temperature());
        final SmsClassifier a = Classifiers.withModel(committed);
        final SmsClassifier b = Classifiers.withModel(copy);
        final String text = "【优衣库】春季新品全场8折，会员再享95折，回T退订";
        assertThat(b.classify(text, null).score()).isEqualTo(a.classify(text, null).score());
    }

    @Test
    void shouldRefuseAFileThatIsNotAModel(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("junk.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Model.load(file))
            .isInstanceOf(IOException.class).hasMessageContaining("not a LeakWatch model");
    }
}
