package io.leakwatch.classifier.rules;

import io.leakwatch.classifier.Category;
import io.leakwatch.classifier.RuleKind;
import io.leakwatch.classifier.RuleSpec;
import io.leakwatch.classifier.analysis.CharFold;
import io.leakwatch.classifier.analysis.KeywordMatcher;
import io.leakwatch.classifier.analysis.TextAnalysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An immutable, compiled set of {@link RuleSpec}s. Evaluating it yields per-category evidence (the sum of
 * the weights of the rules that fired, each rule counted once) and the decisive rule, if any fired.
 */
public final class RuleSet {
    private static final String DEFAULTS = "/io/leakwatch/classifier/rules/default-rules.tsv";

    private final List<RuleSpec> rules;
    private final List<String> rejected;
    private final KeywordMatcher keywords;
    private final int[] keywordRule;
    private final int[] regexRule;
    private final Pattern[] regexes;
    private final int[] senderRule;
    private final Pattern[] senders;
    private final java.util.Set<String> disabledIds;
    private final String[] reasons;
    /** Whether {@link FraudWarning} keeps FRAUD text rules off warnings (not switched off on the rules topic). */
    private final boolean warningGuard;

    private RuleSet(final Collection<RuleSpec> specs) {
        final List<RuleSpec> accepted = new ArrayList<>();
        final List<String> bad = new ArrayList<>();
        final List<String> kw = new ArrayList<>();
        final List<Integer> kwRule = new ArrayList<>();
        final List<Pattern> rx = new ArrayList<>();
        final List<Integer> rxRule = new ArrayList<>();
        final List<Pattern> snd = new ArrayList<>();
        final List<Integer> sndRule = new ArrayList<>();
        final java.util.Set<String> disabled = new java.util.HashSet<>();
        for (final RuleSpec spec : specs) {
            if (!spec.enabled()) {
                disabled.add(spec.id());
                continue;
            }
            final int index = accepted.size();
            try {
                switch (spec.kind()) {
                    case KEYWORD -> {
                        if (spec.pattern().isBlank()) {
                            throw new IllegalArgumentException("empty keyword");
                        }
                        kw.add(spec.pattern());
                        kwRule.add(index);
                    }
                    case REGEX -> {
                        rx.add(Pattern.compile(CharFold.fold(spec.pattern())));
                        rxRule.add(index);
                    }
                    case SENDER -> {
                        snd.add(Pattern.compile(spec.pattern()));
                        sndRule.add(index);
                    }
                }
                accepted.add(spec);
            } catch (final IllegalArgumentException e) {
                bad.add(spec.id() + ": " + e.getMessage());
            }
        }
        this.rules = List.copyOf(accepted);
        this.rejected = List.copyOf(bad);
        this.keywords = new KeywordMatcher(kw);
        this.keywordRule = kwRule.stream().mapToInt(Integer::intValue).toArray();
        this.regexes = rx.toArray(new Pattern[0]);
        this.regexRule = rxRule.stream().mapToInt(Integer::intValue).toArray();
        this.senders = snd.toArray(new Pattern[0]);
        this.senderRule = sndRule.stream().mapToInt(Integer::intValue).toArray();
        this.disabledIds = java.util.Set.copyOf(disabled);
        this.reasons = accepted.stream().map(r -> "rule:" + r.id()).toArray(String[]::new);
        this.warningGuard = !disabled(FraudWarning.RULE_ID);
    }

    /** Compiles {@code specs}; rules that do not compile are left out and listed in {@link #rejected()}. */
    public static RuleSet of(final Collection<RuleSpec> specs) {
        return new RuleSet(specs);
    }

    /** The built-in rules ({@code default-rules.tsv}). */
    public static List<RuleSpec> defaults() {
        try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULTS);
            }
            final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(RuleSet::parse).toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
    }

    /** {@code id<TAB>KIND<TAB>pattern<TAB>CATEGORY<TAB>weight[<TAB>enabled]}. */
    static RuleSpec parse(final String line) {
        final String[] f = line.split("\t");
        if (f.length < 5) {
            throw new IllegalArgumentException("rule line needs 5 tab-separated fields: " + line);
        }
        return new RuleSpec(f[0], RuleKind.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2],
            Category.valueOf(f[3].toUpperCase(Locale.ROOT)), Double.parseDouble(f[4]),
            f.length < 6 || Boolean.parseBoolean(f[5]));
    }

    /** Built-in rules overridden by id with {@code overrides} (an override with {@code enabled=false} removes one). */
    public static RuleSet withOverrides(final List<RuleSpec> builtIn, final Collection<RuleSpec> overrides) {
        final Map<String, RuleSpec> byId = new LinkedHashMap<>();
        for (final RuleSpec r : builtIn) {
            byId.put(r.id(), r);
        }
        for (final RuleSpec r : overrides) {
            if (r != null) {
                byId.put(r.id(), r);
            }
        }
        return new RuleSet(byId.values());
    }

    public List<RuleSpec> rules() {
        return rules;
    }

    /** Rules that were given but could not be compiled, with the reason. */
    public List<String> rejected() {
        return rejected;
    }

    /** Whether a rule id was switched off explicitly (used for built-in detectors such as {@code otp}). */
    public boolean disabled(final String id) {
        return disabledIds.contains(id);
    }

    /** Evaluates the rules against a prepared text and the sender's digits (null when unknown). */
    public void evaluate(final TextAnalysis text, final String senderDigits, final RuleHits out) {
        out.reset(rules.size(), text);
        if (keywords.size() > 0) {
            keywords.scan(text.folded, text.length, out.keywordHit(this));
        }
        if (regexes.length == 0 && (senderDigits == null || senders.length == 0)) {
            return;
        }
        final Matcher[][] matchers = out.matchers(this, regexes, senders);
        if (regexes.length > 0) {
            final CharSequence chars = out.textView(text.folded, text.length);
            for (int i = 0; i < regexes.length; i++) {
                if (matchers[0][i].reset(chars).find()) {
                    fire(regexRule[i], out);
                }
            }
        }
        if (senderDigits != null) {
            for (int i = 0; i < senders.length; i++) {
                if (matchers[1][i].reset(senderDigits).matches()) {
                    fire(senderRule[i], out);
                }
            }
        }
    }

    void fireKeyword(final int keywordId, final RuleHits out) {
        fire(keywordRule[keywordId], out);
    }

    private void fire(final int ruleIndex, final RuleHits out) {
        final RuleSpec r = rules.get(ruleIndex);
        if (warningGuard && r.category() == Category.FRAUD && r.kind() != RuleKind.SENDER && out.warns()) {
            out.suppress(ruleIndex);
            return;
        }
        out.fire(ruleIndex, r.category().ordinal(), r.weight(), r.decisive());
    }

    public RuleSpec rule(final int index) {
        return rules.get(index);
    }

    /** The reason code of rule {@code index}: {@code rule:<id>}, built once. */
    public String reason(final int index) {
        return reasons[index];
    }
}
