/**
 * Run-time rules: the built-in defaults and those that arrive on the {@code rules} topic, compiled once per
 * rule set (keywords into one matcher, regular expressions precompiled) and evaluated per message.
 */
package io.leakwatch.classifier.rules;
