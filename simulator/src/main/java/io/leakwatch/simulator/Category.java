package io.leakwatch.simulator;

import java.util.EnumSet;
import java.util.Set;

/** The message categories the simulator generates; the same names the classifier predicts. */
public enum Category {
    NORMAL,
    TRANSACTIONAL,
    MARKETING,
    ADULT,
    FRAUD;

    /** Categories whose texts come from a corpus file (TRANSACTIONAL is generated from templates). */
    public static final Set<Category> CORPUS = EnumSet.of(NORMAL, MARKETING, ADULT, FRAUD);

    /** Categories a spam sender, a buyer of leaked data or a seasonal flood can send. */
    public static final Set<Category> SPAM = EnumSet.of(MARKETING, ADULT, FRAUD);
}
