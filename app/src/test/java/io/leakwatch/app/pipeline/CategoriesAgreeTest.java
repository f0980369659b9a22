package io.leakwatch.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakwatch.classifier.Category;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message category is declared three times, because the modules that declare it depend on nothing of ours: the
 * classifier's enum (what is predicted, and which categories are spam), the Avro enum of {@code schemas} (the wire
 * format; the topology maps between the two by name) and the simulator's (what the truth says was sent). The app
 * sees all three, so it holds them together: the same names in the same order, and the same spam categories.
 */
class CategoriesAgreeTest {

    @Test
    void shouldDeclareTheSameCategoriesInTheClassifierTheSchemasAndTheSimulator() {
        final List<String> classifier = names(Stream.of(Category.values()));

        assertThat(names(Stream.of(io.leakwatch.schemas.Category.values()))).isEqualTo(classifier);
        assertThat(names(Stream.of(io.leakwatch.simulator.Category.values()))).isEqualTo(classifier);
        assertThat(io.leakwatch.schemas.Category.getClassSchema().getEnumSymbols()).isEqualTo(classifier);
    }

    @Test
    void shouldCallTheSameCategoriesSpamInTheClassifierAndTheSimulator() {
        final List<String> spam = names(Stream.of(Category.values()).filter(Category::isSpam));

        assertThat(spam).containsExactly("MARKETING", "ADULT", "FRAUD");
        assertThat(names(io.leakwatch.simulator.Category.SPAM.stream())).isEqualTo(spam);
        assertThat(io.leakwatch.schemas.Category.getClassSchema().getDoc()).startsWith("What a message is. "
                + String.join(", ", spam.subList(0, 2)) + " and " + spam.get(2) + " are spam;");
    }

    private static List<String> names(final Stream<? extends Enum<?>> values) {
        return values.map(Enum::name).toList();
    }
}
