package io.leakwatch.classifier;

/** How a {@link RuleSpec}'s pattern is matched. */
public enum RuleKind {
    /** Substring of the normalised text (full-width folded, lower case); Latin-only keywords match whole words. */
    KEYWORD,
    /** Java regular expression, searched ({@code find}) in the normalised text. */
    REGEX,
    /** Java regular expression matched against the whole sender address, digits only ({@code +86} dropped). */
    SENDER
}
