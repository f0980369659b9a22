package io.leakwatch.classifier.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeaturesTest {
    private final Featurizer featurizer = new Featurizer(18, CueLexicon.defaultLexicon());

    @Test
    void shouldProduceTheTermsOfLucenesCjkBigramFilter() throws IOException {
        for (final String text : List.of("【招商银行】您尾号8812的储蓄卡消费支出人民币", "今晚 回家 吃饭吗？好的", "验证码123456请勿泄露",
                "中文和abc混合的文本，还有数字12和符号！", "单")) {
            featurizer.featurize(text);
            final List<String> ours = new ArrayList<>();
            final FeatureVector f = featurizer.features;
            for (int i = 0; i < f.size; i++) {
                final String name = f.name(i);
                if (!name.contains(":") && !name.endsWith("bias")) {
                    ours.add(name);
                }
            }
            assertThat(ours).as(text).containsExactlyInAnyOrderElementsOf(lucene(featurizer.text.normText()));
        }
    }

    @Test
    void shouldMapMasksAndDigitsToTheSameTokens() {
        final String masked = featurizer.featurize("店庆x月x日全场xx元，电话xxxxxxxxxxx").text.normText();
        final String digits = featurizer.featurize("店庆3月8日全场99元，电话13912345678").text.normText();
        assertThat(masked).isEqualTo(digits).contains(" qm ").contains(" qn ");
        assertThat(featurizer.featurize("详见 http://t.cn/abc 或 www.example.com").text.normText())
            .doesNotContain("t.cn").doesNotContain("example").contains(TextAnalysis.URL_TOKEN);
    }

    @Test
    void shouldGiveAMaskedTextTheFeaturesOfItsDigits() {
        // zh-sms masked every digit of its spam with x; any feature that tells the two apart is a label leak.
        for (final String[] pair : List.of(
                new String[] {"详情QQ：1234567890", "详情QQ：xxxxxxxxxx"},          // script mix: masks are not Latin
                new String[] {"500ml装，win10系统", "xxxml装，winxx系统"},           // a mask run inside a word
                new String[] {"店庆3月8日全场999元起", "店庆x月x日全场xxx元起"})) { // "xxx" is no escort cue
            final List<String> digits = sortedNames(pair[0]);
            assertThat(sortedNames(pair[1])).as(pair[1]).isEqualTo(digits);
        }
        assertThat(sortedNames("xbox和wx")).as("a single x in a word stays a letter").contains("xbox", "wx");
    }

    private List<String> sortedNames(final String text) {
        featurizer.featurize(text);
        return names().stream().sorted().toList();
    }

    @Test
    void shouldMarkStructure() {
        featurizer.featurize("【优衣库】全场8折，回T退订");
        assertThat(featurizer.signature()).isEqualTo("优衣库");
        assertThat(featurizer.text.optOut).isTrue();
        assertThat(names()).contains("signature:start", "has:opt-out", "han|signature:start", "han|has:opt-out");
    }

    @Test
    void shouldConjoinStructureWithTheScriptOfTheMessage() {
        featurizer.featurize("Call now to claim your prize");
        assertThat(names()).contains("signature:none", "latin|signature:none", "latin|bias", "script:latin")
            .doesNotContain("han|signature:none", "latin|script:latin");
    }

    @Test
    void shouldCountWordsInCapitals() {
        assertThat(featurizer.featurize("FREE entry! Txt WIN to 80086 NOW").text.capsWords).isEqualTo(3);
        assertThat(names()).contains("caps:2-3", "latin|caps:2-3");
        // a capital at the start of a word, a mixed-case word and a single capital are not shouting
        assertThat(featurizer.featurize("Hello I am at McDonalds, iPHONE later").text.capsWords).isZero();
        assertThat(featurizer.featurize("ＦＲＥＥ").text.capsWords).isEqualTo(1);
    }

    private List<String> names() {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < featurizer.features.size; i++) {
            out.add(featurizer.features.name(i));
        }
        return out;
    }

    private static List<String> lucene(final String text) throws IOException {
        final List<String> out = new ArrayList<>();
        final StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setMaxTokenLength(64);
        try (TokenStream ts = new CJKBigramFilter(tokenizer, CJKBigramFilter.HAN, true)) {
            final CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            tokenizer.setReader(new StringReader(text));
            ts.reset();
            while (ts.incrementToken()) {
                final String t = term.toString();
                out.add(t);
                if (t.length() >= 4 && Character.isLetter(t.charAt(0)) && t.charAt(0) < 128) {
                    // Latin words also give character trigrams on our side
                    for (int i = -1; i + 2 <= t.length(); i++) {
                        out.add((i < 0 ? "_" : "" + t.charAt(i)) + t.charAt(i + 1) + (i + 2 < t.length() ? t.charAt(i + 2) : '_'));
                    }
                }
            }
            ts.end();
        }
        return out;
    }
}
