package io.leakwatch.app.cli;

import io.leakwatch.classifier.analysis.SenderType;
import io.leakwatch.topology.LeakWatchConfig;
import io.leakwatch.topology.ingest.Pseudonymizer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Resolves pseudonyms for whoever holds the HMAC key: for each candidate number, its token as a recipient and its
 * form as a sender; with {@code --match}, only whether a candidate is the buyer or subscriber an alert names. Holding
 * the key file is the authorisation (docs/decisions/2026-12-08-sender-pseudonyms.md).
 */
@Command(name = "pseudonym", mixinStandardHelpOptions = true,
        description = "Prints the pseudonyms of candidate numbers under the configured key, or says which one matches --match.")
final class PseudonymCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Properties file with leakwatch.hmac.key (the demo key when absent).")
    private Path config;

    @Option(names = "--numbers-file", description = "File of candidate numbers, one a line.")
    private Path numbersFile;

    @Option(names = "--match", description = "A sender (m:<token>) or recipient token from an alert: print only the candidates it is.")
    private String match;

    @Parameters(description = "Candidate numbers.", arity = "0..*")
    private List<String> numbers = List.of();

    @Override
    public Integer call() throws Exception {
        final LeakWatchConfig settings = ConfigFiles.load(config, true);
        final List<String> candidates = SubscriberNumbers.read(numbers, numbersFile, "--numbers-file");
        final Pseudonymizer pseudonymizer = new Pseudonymizer(settings.hmacKey());
        final PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int matches = 0;
        for (String number : candidates) {
            final String token = pseudonymizer.pseudonymize(number);
            final String sender = pseudonymizer.pseudonymizeSender(number);
            if (match == null) {
                out.println(number + "\trecipient=" + token + "\tsender=" + sender);
            } else if (match.strip().equals(token) || match.strip().equals(sender)) {
                out.println(number + "\tmatches " + match.strip());
                matches++;
            }
        }
        out.flush();
        if (match != null && matches == 0) {
            System.err.println("leakwatch pseudonym: none of " + candidates.size() + " candidates is "
                    + (SenderType.isMobileToken(match.strip()) ? "that sender" : "that token"));
            return 1;
        }
        return 0;
    }
}
