package org.ssbtwin.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ssbtwin.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code twin} command line: {@code serve} (the default) starts a twin node. */
@Command(name = "twin", mixinStandardHelpOptions = true, version = "ssb-twin 0.1.0",
        description = "Digital twin of solid-state battery cells from the plant to the fleet.",
        subcommands = {TwinMain.Serve.class, org.ssbtwin.api.cli.ReferenceProfileCommand.class,
                org.ssbtwin.api.cli.PlantRampCommand.class,
                org.ssbtwin.api.cli.DesignsCommand.class,
                org.ssbtwin.api.cli.StudyCommand.class,
                org.ssbtwin.api.cli.WhatIfCommand.class, org.ssbtwin.api.cli.ModelCardCommand.class,
                org.ssbtwin.api.cli.PassportCommand.class})
public final class TwinMain implements Callable<Integer> {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new TwinMain());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ConfigException || ex instanceof IllegalArgumentException
                    || ex instanceof org.ssbtwin.api.persistence.StorageNotWritableException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        int code = cli.execute(args.length == 0 ? new String[] {"serve"} : args);
        if (code != 0) System.exit(code);
    }

    @Override
    public Integer call() {
        return new CommandLine(new Serve()).execute();
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start a twin node: persistence, cluster, simulation and the HTTP API.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", description = "HTTP port (default from twin.http.port, 8080)")
        Integer port;

        @Option(names = "--host", description = "HTTP interface (default 127.0.0.1)")
        String host;

        @Option(names = "--data-dir", description = "directory of the H2 database (default ./data)")
        String dataDir;

        @Option(names = "--database", description = "h2 or postgres")
        String database;

        @Option(names = "--no-simulation", description = "do not run the built-in simulated plant and fleet")
        boolean noSimulation;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> overrides = new HashMap<>();
            if (port != null) overrides.put("twin.http.port", port);
            if (host != null) overrides.put("twin.http.host", host);
            if (dataDir != null) overrides.put("twin.data-dir", dataDir);
            if (database != null) overrides.put("twin.database.kind", database);
            if (noSimulation) overrides.put("twin.simulation.enabled", false);
            Config config = ConfigFactory.parseMap(overrides).withFallback(ConfigFactory.load());
            TwinServer server = TwinServer.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "twin-shutdown"));
            server.system().getWhenTerminated().thenRun(stopped::countDown);
            stopped.await();
            return 0;
        }
    }
}
