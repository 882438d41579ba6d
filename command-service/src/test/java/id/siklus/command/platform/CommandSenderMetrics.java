package id.siklus.command.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Reads the command timer that {@link CommandSender} records, for slice tests. */
public final class CommandSenderMetrics {

    private CommandSenderMetrics() {
    }

    public static long count(MeterRegistry meters, String commandType, String outcome) {
        Timer timer = meters.find("siklus.commands").tags("command", commandType, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
