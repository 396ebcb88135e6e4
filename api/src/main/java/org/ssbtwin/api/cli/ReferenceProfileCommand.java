package org.ssbtwin.api.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ssbtwin.fleet.ageing.reference.DutyProfile;
import org.ssbtwin.fleet.ageing.reference.ReferenceModel;
import org.ssbtwin.fleet.ageing.reference.ReferenceProfileRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a published reference ageing model (BLAST-Lite port) over a reference duty profile and prints q (and r). */
@Command(name = "reference-profile", mixinStandardHelpOptions = true,
        description = "Reproduce a BLAST-Lite reference model on a reference duty profile; CSV t_years,efc,q[,r] every 0.5 year.")
public final class ReferenceProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "one of: ${COMPLETION-CANDIDATES}", completionCandidates = ModelNames.class)
    String model;

    @Option(names = "--profile", required = true, description = "one of: ${COMPLETION-CANDIDATES}", completionCandidates = ProfileNames.class)
    String profile;

    @Option(names = "--years", defaultValue = "15", description = "horizon in BLAST years (default ${DEFAULT-VALUE})")
    double years;

    @Option(names = "--out", description = "write the CSV to this file instead of standard output")
    Path out;

    static final class ModelNames extends java.util.ArrayList<String> {
        ModelNames() {
            super(ReferenceModel.NAMES);
        }
    }

    static final class ProfileNames extends java.util.ArrayList<String> {
        ProfileNames() {
            super(DutyProfile.NAMES);
        }
    }

    @Override
    public Integer call() throws IOException {
        if (!ReferenceModel.NAMES.contains(model)) {
            throw new ParameterException(spec.commandLine(), "--model: unknown model '" + model + "'; valid: " + ReferenceModel.NAMES);
        }
        if (!DutyProfile.NAMES.contains(profile)) {
            throw new ParameterException(spec.commandLine(), "--profile: unknown profile '" + profile + "'; valid: " + DutyProfile.NAMES);
        }
        if (!(years > 0 && years <= 50)) {
            throw new ParameterException(spec.commandLine(), "--years: must be within (0, 50], was " + years);
        }
        String csv = ReferenceProfileRun.run(model, profile, years).toCsv();
        if (out == null) {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, csv, StandardCharsets.UTF_8);
        }
        return 0;
    }
}
