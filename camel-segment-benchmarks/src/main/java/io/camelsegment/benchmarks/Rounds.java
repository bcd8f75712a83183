package io.camelsegment.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Every driver's runs over the benchmark's rounds. A round runs each driver once, one after the other, so a driver's
 * nearest comparison is the other drivers of its own round: ratios are taken within a round, then their median over
 * the rounds, which a slow moment of a noisy machine moves less than a single run.
 */
final class Rounds {

    private final List<List<DriverResult>> rounds;

    /** @param rounds each round's results, one per driver, the drivers in the same order in every round */
    Rounds(List<List<DriverResult>> rounds) {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no round was run");
        }
        this.rounds = List.copyOf(rounds);
    }

    int count() {
        return rounds.size();
    }

    List<List<DriverResult>> all() {
        return rounds;
    }

    /** Each driver's run with the median events/s among its completed runs; its last run when none completed. */
    List<DriverResult> medians() {
        List<DriverResult> medians = new ArrayList<>();
        for (int d = 0; d < rounds.get(0).size(); d++) {
            List<DriverResult> completed = new ArrayList<>();
            for (List<DriverResult> round : rounds) {
                if (round.get(d).ok()) {
                    completed.add(round.get(d));
                }
            }
            completed.sort(Comparator.comparingDouble(DriverResult::eventsPerSecond));
            medians.add(completed.isEmpty() ? rounds.get(rounds.size() - 1).get(d)
                                            : completed.get((completed.size() - 1) / 2));
        }
        return medians;
    }

    /** {@code metric(driver) / metric(base)} in every round where both completed, in round order. */
    List<Double> ratios(String driver, String base, ToDoubleFunction<DriverResult> metric) {
        List<Double> ratios = new ArrayList<>();
        for (List<DriverResult> round : rounds) {
            Optional<DriverResult> r = find(round, driver);
            Optional<DriverResult> b = find(round, base);
            if (r.isPresent() && b.isPresent() && r.get().ok() && b.get().ok()) {
                ratios.add(metric.applyAsDouble(r.get()) / metric.applyAsDouble(b.get()));
            }
        }
        return ratios;
    }

    /** The median (the lower middle value for an even count); NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((sorted.size() - 1) / 2);
    }

    static Optional<DriverResult> find(List<DriverResult> results, String id) {
        return results.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }
}
