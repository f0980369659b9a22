package io.leakwatch.classifier.analysis;

/** A family of keywords that points to a kind of message; counts of cue hits are features of the model. */
public enum Cue {
    /** Pornography lexicon (konsheng/Sensitive-lexicon), everyday insults removed. */
    ADULT,
    ESCORT,
    GAMBLING,
    INVOICE,
    LOAN,
    FRAUD,
    URGENCY,
    MARKETING,
    BANK,
    DELIVERY,
    TRAVEL,
    OPERATOR,
    ORDER;

    public static final Cue[] VALUES = values();
}
