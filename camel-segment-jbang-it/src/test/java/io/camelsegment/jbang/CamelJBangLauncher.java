package io.camelsegment.jbang;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/**
 * The {@code camel} command in a plain JVM: camel-jbang-core's {@link CamelJBangMain} has no {@code main} method,
 * and {@code camel-launcher} (which has one) is not published for every Camel version. {@code run(String...)} parses
 * the command line, runs it and ends the process with the command's exit code.
 */
public final class CamelJBangLauncher {

    private CamelJBangLauncher() {
    }

    public static void main(String... args) {
        CamelJBangMain.run(args);
    }
}
