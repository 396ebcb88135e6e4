package org.ssbtwin.api.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ssbtwin.api.modelcard.ModelCards;
import org.ssbtwin.fleet.ageing.LifeModelConstants;
import org.ssbtwin.fleet.modelcard.ModelCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Prints the self-checking model card: every calibration target beside the model's value with PASS / FAIL / INFO,
 * then the constants table. Exit code 1 when any row FAILs (CI runs it through {@code ModelCardTest}).
 */
@Command(name = "model-card", mixinStandardHelpOptions = true,
        description = "Print the life model's calibration targets beside the model's values (PASS/FAIL) and its constants; exit 1 on a FAIL.")
public final class ModelCardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--threads", description = "study threads (default 2); does not change the result")
    int threads = 2;

    @Option(names = "--constants-markdown", description = "print only the constants table (the body of docs/life-model.md)")
    boolean constantsOnly;

    @Override
    public Integer call() {
        if (threads < 1 || threads > StudyCommand.MAX_THREADS) {
            throw new ParameterException(spec.commandLine(), "--threads: must be within [1, " + StudyCommand.MAX_THREADS
                    + "], was " + threads);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (constantsOnly) {
            out.print(LifeModelConstants.markdownTable());
            out.flush();
            return 0;
        }
        ModelCard.Card card = ModelCards.run(threads);
        out.print(card.table());
        out.flush();
        return card.passed() ? 0 : 1;
    }
}
