package io.leakwatch.classifier.eval;

import io.leakwatch.classifier.Classifiers;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed model on the held-out solicitation test set ({@code solicitation/README.md}): the level it reached
 * when it was committed, so that a retrained model that loses short solicitation, or starts flagging notices and
 * personal messages, fails here. Issue 19's goal is recall 0.9 at precision 0.95; the committed model reaches 0.858
 * at 0.975 (docs/solicitation.md).
 */
class SolicitationSetTest {
    @Test
    void shouldCatchShortSolicitationWithoutFlaggingNoticesAndPersonalMessages() throws Exception {
        final List<Solicitation.Message> test = Solicitation.load(resource("test.tsv"));

        final Solicitation.Results r = Solicitation.score(Classifiers.loadDefault(), test, miss -> { });

        assertThat(r.spamCount()).isGreaterThanOrEqualTo(120);
        assertThat(r.negativeCount()).isGreaterThanOrEqualTo(120);
        assertThat(r.spamRecall()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.spamPrecision()).isGreaterThanOrEqualTo(0.95);
    }

    private static Path resource(final String name) throws URISyntaxException {
        return Path.of(SolicitationSetTest.class.getResource("/io/leakwatch/classifier/solicitation/" + name).toURI());
    }
}
