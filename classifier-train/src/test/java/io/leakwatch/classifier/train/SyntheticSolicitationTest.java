package io.leakwatch.classifier.train;

import io.leakwatch.classifier.Category;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticSolicitationTest {
    @Test
    void shouldGiveTheSameLinesForTheSameSeed() {
        assertThat(SyntheticSolicitation.generate(7, 300)).isEqualTo(SyntheticSolicitation.generate(7, 300));
        assertThat(SyntheticSolicitation.generate(7, 300)).isNotEqualTo(SyntheticSolicitation.generate(8, 300));
    }

    @Test
    void shouldFillEverySlotOfEveryTemplate() {
        final List<SyntheticSolicitation.Line> lines =
            SyntheticSolicitation.generate(42, 3 * SyntheticSolicitation.templates());

        assertThat(lines).allSatisfy(l -> assertThat(l.text()).doesNotContain("{", "}").isNotBlank());
    }

    @Test
    void shouldTeachSolicitationAndThePersonalMessagesThatShareItsWords() {
        final List<SyntheticSolicitation.Line> lines = SyntheticSolicitation.generate(42, SyntheticSolicitation.templates());

        assertThat(lines).extracting(SyntheticSolicitation.Line::category)
            .contains(Category.ADULT, Category.FRAUD, Category.NORMAL)
            .doesNotContain(Category.TRANSACTIONAL);
    }
}
