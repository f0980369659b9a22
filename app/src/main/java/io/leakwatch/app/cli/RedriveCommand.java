package io.leakwatch.app.cli;

import io.leakwatch.app.redrive.Redrive;
import io.leakwatch.app.run.ClientConnection;
import io.leakwatch.schemas.registry.HttpSchemaRegistryClient;
import io.leakwatch.schemas.serde.AvroSerdes;
import io.leakwatch.topology.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code redrive}: dead letters of {@code sms.events} back onto it ({@link Redrive}); deploy/README.md says when. */
@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = "Writes dead letters that came from sms.events back to sms.events, once each (a committed consumer group).")
final class RedriveCommand implements Callable<Integer> {

    @Option(names = "--config", required = true,
            description = "The run configuration: bootstrap.servers, security settings and " + RunCommand.REGISTRY_KEY + " are read from it.")
    private Path config;

    @Option(names = "--group", defaultValue = "leakwatch-redrive",
            description = "Consumer group and transactional id; a run resumes after the last one with the same group (default ${DEFAULT-VALUE}).")
    private String group;

    @Option(names = "--reason", description = "Only dead letters whose reason starts with this (e.g. 'undecodable', 'bad-timestamp').")
    private String reason;

    @Option(names = "--from", defaultValue = "0", description = "First offset of sms.dlq to consider, in every partition.")
    private long from;

    @Option(names = "--to", defaultValue = "" + Long.MAX_VALUE, showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Last offset of sms.dlq to consider (inclusive), in every partition; default: its end when the run starts.")
    private long to;

    @Option(names = "--dry-run", description = "Count what would be re-driven; write and commit nothing.")
    private boolean dryRun;

    @Option(names = "--timeout", defaultValue = "PT5M", description = "Give up (keeping what was committed) after this long (default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Override
    public Integer call() throws Exception {
        final Properties props = ConfigFiles.read(config);
        final String registry = props.getProperty(RunCommand.REGISTRY_KEY);
        if (registry == null || registry.isBlank()) {
            throw new IllegalArgumentException("config key " + RunCommand.REGISTRY_KEY + " is required (dead letters are Avro)");
        }
        if (!props.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("config key bootstrap.servers is required");
        }
        final Redrive.Filter filter = new Redrive.Filter(reason, from, to);
        final Topics topics = new Topics(new AvroSerdes(new HttpSchemaRegistryClient(registry.strip())));
        final Redrive.Counts counts = new Redrive(ClientConnection.from(props), topics, group).run(filter, dryRun, timeout);
        System.out.println((dryRun ? "dry run, nothing written: " : "") + counts);
        return 0;
    }
}
