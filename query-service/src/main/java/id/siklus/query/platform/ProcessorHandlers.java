package id.siklus.query.platform;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

import java.util.ArrayList;
import java.util.List;

/**
 * The projection handlers behind a named event processor, for code that runs them outside the processor: views of the
 * past (folded in memory) and rebuilds (written beside the live read model).
 */
public final class ProcessorHandlers {

    private ProcessorHandlers() {
    }

    /** The invoker of a processor: calling it runs the processor's handlers without its token or interceptors. */
    public static EventHandlerInvoker invoker(EventProcessingConfiguration processing, String processor) {
        return processing.eventProcessor(processor)
                .map(p -> ((AbstractEventProcessor) p).eventHandlerInvoker())
                .orElseThrow(() -> new IllegalArgumentException("No event processor " + processor));
    }

    /** The handler beans behind an invoker, as Axon wraps them. */
    public static List<EventMessageHandler> handlers(EventHandlerInvoker invoker) {
        List<EventMessageHandler> handlers = new ArrayList<>();
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> handlers.addAll(handlers(delegate)));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
        }
        return handlers;
    }
}
