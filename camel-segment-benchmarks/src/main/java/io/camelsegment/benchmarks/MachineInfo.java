package io.camelsegment.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.segment.analytics.internal.AnalyticsVersion;
import org.apache.camel.CamelContext;

/** Where and with what a run happened, for the report. */
public record MachineInfo(int cores, String cpu, String memory, String os, String jvm, String date, String camel,
                          String analyticsJava) {

    public static MachineInfo collect() {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                procField("/proc/cpuinfo", "model name", "unknown CPU"),
                memory(procField("/proc/meminfo", "MemTotal", "")),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                                                                  + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                String.valueOf(CamelContext.class.getPackage().getImplementationVersion()),
                AnalyticsVersion.get());
    }

    private static String memory(String memTotal) {
        String kb = memTotal.replaceAll("[^0-9]", "");
        return kb.isEmpty() ? "unknown" : Math.round(Long.parseLong(kb) / (1024.0 * 1024.0)) + " GB";
    }

    private static String procField(String file, String field, String fallback) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return fallback;
    }
}
