package io.leakwatch.classifier.train;

import io.leakwatch.classifier.Category;

/**
 * One labelled message.
 *
 * @param corpus      directory name of its corpus ({@code zh-inbox}, ...) or {@code synthetic}
 * @param sourceLabel the corpus's own label ({@code inform}, {@code IL_Gambling}, {@code 1}, ...)
 * @param category    the project category it maps to, or null when it maps to none (kept for evaluation only)
 * @param text        the message as the classifier will see it (placeholders already mapped)
 * @param split       its side of the fixed split
 */
public record Example(String corpus, String sourceLabel, Category category, String text, Split split) {
}
