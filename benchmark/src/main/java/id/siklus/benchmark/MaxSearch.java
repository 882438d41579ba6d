package id.siklus.benchmark;

/**
 * The search for the maximum sustained command rate (docs/benchmarks.md, "How it is measured"): the offered rate goes
 * up by half each step until a step is not kept up with (when even the first is not, it comes down by half while above
 * 5/s), then the midpoint between the best step and the missed one is tried. A step not kept up with is run once more
 * at the same rate before it counts: one stall (a collection, work left from the phase before) must not cap the
 * maximum. Run 13's 1M round had its first step (116/s) end 1.1 s late after one 3 s stall; the search then only went
 * down and reported 101 commands/s with p99 11 ms, where run 11 had reached 359/s at the same size.
 */
final class MaxSearch {

    /** One step at an offered rate, after which the pipeline has caught up. */
    interface Step {
        OpenLoop.Result at(double rate) throws Exception;
    }

    private MaxSearch() {
    }

    /** The best step kept up with; when none was, the last one missed. */
    static OpenLoop.Result run(double startRate, Step step) throws Exception {
        Step confirmed = rate -> {
            OpenLoop.Result result = step.at(rate);
            if (result.sustained()) {
                return result;
            }
            Harness.log("max search: %.0f/s not kept up with; once more at the same rate before it counts"
                    .formatted(rate));
            return step.at(rate);
        };
        OpenLoop.Result best = null;
        OpenLoop.Result missed = null;
        double first = startRate;
        for (int down = 0; down < 6 && first >= 5; down++) {
            OpenLoop.Result result = confirmed.at(first);
            if (result.sustained()) {
                best = result;
                break;
            }
            missed = result;
            first /= 2;
        }
        for (double rate = first * 1.5; best != null && rate <= 20_000; rate *= 1.5) {
            if (missed != null && rate >= missed.offeredRate()) {
                break;
            }
            OpenLoop.Result result = confirmed.at(rate);
            if (!result.sustained()) {
                missed = result;
                break;
            }
            best = result;
        }
        if (best != null && missed != null) {
            OpenLoop.Result result = confirmed.at((best.offeredRate() + missed.offeredRate()) / 2);
            if (result.sustained()) {
                best = result;
            }
        }
        return best != null ? best : missed;
    }
}
