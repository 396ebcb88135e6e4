package org.ssbtwin.api.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.ssbtwin.api.TwinMain;
import picocli.CommandLine;

/** One run of the {@code twin} command line in the test JVM: its exit code and what it printed to out and err. */
record CommandRun(int code, String out, String err) {

    /** Runs {@code twin args...} with its output captured. */
    static CommandRun run(String... args) {
        CommandLine cli = new CommandLine(new TwinMain());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
