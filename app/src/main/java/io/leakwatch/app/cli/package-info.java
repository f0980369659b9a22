/** The {@code leakwatch} command line: one picocli subcommand per thing a user does. */
package io.leakwatch.app.cli;
