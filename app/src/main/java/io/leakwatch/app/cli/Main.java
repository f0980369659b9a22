package io.leakwatch.app.cli;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code leakwatch.jar}; the launcher script {@code ./leakwatch} runs it. */
@Command(name = "leakwatch", mixinStandardHelpOptions = true, version = "LeakWatch 0.1.0",
        description = "Detects leaks of app users' phone numbers from the SMS spam they start receiving.",
        subcommands = {DemoCommand.class, RunCommand.class, SimulateCommand.class, ReplayCommand.class, ScoreCommand.class,
                ComplianceScoreCommand.class, GenerateCommand.class, EvaluateCommand.class, ClassifyCommand.class, TrainCommand.class,
                EvalCommand.class, PseudonymCommand.class, RedriveCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by main and the tests. */
    public static CommandLine commandLine() {
        final CommandLine cli = new CommandLine(new Main());
        // A bad argument, config value or file is the user's mistake: say which in one line, without a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            final Optional<String> mistake = UserErrors.describe(e);
            if (mistake.isEmpty()) {
                throw e;
            }
            commandLine.getErr().println("leakwatch " + commandLine.getCommandName() + ": " + mistake.get());
            return 2;
        });
        return cli;
    }
}
