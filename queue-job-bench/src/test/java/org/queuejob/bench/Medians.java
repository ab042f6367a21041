package org.queuejob.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.queuejob.bench.phase.Outcome;

/** The median of each figure of one system's phase over the rounds, figure by figure. */
final class Medians {

    private Medians() {}

    static Measurement of(List<Measurement> rounds) {
        Measurement first = rounds.get(0);
        if (rounds.size() == 1) {
            return first;
        }
        Outcome outcome = new Outcome(
                first.outcome().jobs(),
                (long) median(rounds, m -> m.outcome().elapsedNanos()),
                (long) median(rounds, m -> m.outcome().longestGapNanos()),
                (long) median(rounds, m -> m.outcome().p50Micros()),
                (long) median(rounds, m -> m.outcome().p99Micros()));
        return new Measurement(
                first.system(),
                first.phase(),
                outcome,
                median(rounds, Measurement::appCpuMillis),
                median(rounds, Measurement::postgresCpuMillis),
                (long) median(rounds, Measurement::statements),
                (long) median(rounds, Measurement::commits));
    }

    static double median(List<Measurement> rounds, ToDoubleFunction<Measurement> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
