package io.leakwatch.simulator.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.leakwatch.simulator.Category;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCorpusTest {

    /**
     * The labelled corpora cannot be committed (licences, size); the check runs where they are: {@code -Dleakwatch.data},
     * else {@code LEAKWATCH_DATA} (as for the classifier's {@code EvaluationTest}), else the project machines' copy.
     */
    private static final Path DATA = Path.of(System.getProperty("leakwatch.data",
            System.getenv().getOrDefault("LEAKWATCH_DATA", "/work/shared/data")));

    @Test
    void shouldRegenerateTheCommittedCorpusByteForByte(@TempDir final Path out) throws IOException {
        assumeTrue(Files.isDirectory(DATA.resolve("zh-spam-classes")), "labelled corpora not present at " + DATA + " (set LEAKWATCH_DATA); skipping");

        SampleCorpus.main(new String[] {DATA.toString(), out.toString()});

        for (final Category category : Category.CORPUS) {
            final String name = category.name() + ".txt";
            try (InputStream committed = SampleCorpus.class.getResourceAsStream(
                    "/io/leakwatch/simulator/texts/" + name)) {
                assertThat(Files.readString(out.resolve(name), StandardCharsets.UTF_8))
                        .as(name).isEqualTo(new String(committed.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void shouldShipEveryCategoryWithHeldOutNormalTexts() throws IOException {
        final Corpus corpus = Corpus.load(Map.of());

        assertThat(corpus.texts(Category.NORMAL)).hasSize(SampleCorpus.NORMAL_COUNT)
                .filteredOn(text -> !text.contains("CELLPHONE") && !text.contains("DIGIT"))
                .allMatch(TemplateBucket::isHeldOut);
        assertThat(corpus.texts(Category.MARKETING)).hasSize(
                SampleCorpus.MARKETING_CLASSES_COUNT + SampleCorpus.MARKETING_ZH_SMS_COUNT);
        assertThat(corpus.texts(Category.FRAUD)).hasSize(SampleCorpus.FRAUD_COUNT);
        assertThat(corpus.texts(Category.ADULT)).hasSizeGreaterThan(20);
    }

    @Test
    void shouldFillPlaceholdersWithSyntheticValues() {
        final String filled = TextFiller.fill("请致电CELLPHONE或加WECHAT，详询URL，仅需DIGIT元，xx月xx日止",
                new java.util.SplittableRandom(1));

        assertThat(filled).doesNotContain("CELLPHONE", "WECHAT", "URL", "DIGIT", "xx")
                .containsPattern("致电1[3578]\\d{9}或加");
    }
}
