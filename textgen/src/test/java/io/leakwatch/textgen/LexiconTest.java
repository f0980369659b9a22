package io.leakwatch.textgen;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexiconTest {
    private static final Lexicon SAMPLE = Lexicon.load(LexiconTest.class, "/io/leakwatch/textgen/sample.tsv");

    @Test
    void shouldReadListsWithTheirEmptyValues() {
        assertThat(SAMPLE.list("colours")).containsExactly("red", "", "blue");
    }

    @Test
    void shouldReadTheRowsOfATableInFileOrder() {
        assertThat(SAMPLE.table("banks")).isDeepEqualTo(new String[][] {{"招商银行", "95555"}, {"工商银行", "95588"}});
    }

    @Test
    void shouldKeepOtherRecordsWithTheirLineNumbers() {
        assertThat(SAMPLE.entries("template")).singleElement()
            .satisfies(e -> assertThat(e.name()).isEqualTo("greeting"))
            .satisfies(e -> assertThat(e.value()).isEqualTo("Hello {name}."))
            .satisfies(e -> assertThat(e.line()).isEqualTo(6));
    }

    @Test
    void shouldNameTheResourceAndWhatIsMissing() {
        assertThatThrownBy(() -> SAMPLE.list("sizes")).hasMessage("/io/leakwatch/textgen/sample.tsv: no list sizes");
        assertThatThrownBy(() -> SAMPLE.table("colours")).hasMessage("/io/leakwatch/textgen/sample.tsv: no table colours");
        assertThatThrownBy(() -> Lexicon.load(LexiconTest.class, "/io/leakwatch/textgen/absent.tsv"))
            .hasMessage("missing classpath resource /io/leakwatch/textgen/absent.tsv");
        assertThatThrownBy(() -> Lexicon.load(LexiconTest.class, "/io/leakwatch/textgen/broken.tsv"))
            .hasMessage("/io/leakwatch/textgen/broken.tsv:1: expected kind<TAB>name<TAB>value");
    }
}
