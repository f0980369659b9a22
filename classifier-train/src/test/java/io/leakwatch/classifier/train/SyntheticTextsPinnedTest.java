package io.leakwatch.classifier.train;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic texts the committed model was trained on ({@link Trainer#SEED}, {@link Trainer.Config#DEFAULT}'s
 * counts), pinned by their SHA-256: a change to a template, a word list or the order of random draws changes the
 * training data, and so the model. When that is the intent, retrain the model and update these digests with it.
 */
class SyntheticTextsPinnedTest {
    private static final String NOTICES_SHA256 = "c96d7052f9cd3ba4aec17a6d62570381231adb5b4553e09fe35c5017f8be4d83";
    private static final String SOLICITATION_SHA256 = "95d0f2629db93f0712676d9c3a03d7f93ff0e633274bbdc2b5bf8f39005657d0";

    @Test
    void shouldGenerateTheNoticesTheCommittedModelWasTrainedOn() {
        final List<String> notices = SyntheticNotices.generate(Trainer.SEED, Trainer.Config.DEFAULT.syntheticNotices());

        assertThat(sha256(String.join("\n", notices))).isEqualTo(NOTICES_SHA256);
    }

    @Test
    void shouldGenerateTheSolicitationTheCommittedModelWasTrainedOn() {
        final List<String> lines = SyntheticSolicitation.generate(Trainer.SEED, Trainer.Config.DEFAULT.syntheticSolicitation())
            .stream().map(l -> l.category() + "\t" + l.text()).toList();

        assertThat(sha256(String.join("\n", lines))).isEqualTo(SOLICITATION_SHA256);
    }

    private static String sha256(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (final NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
