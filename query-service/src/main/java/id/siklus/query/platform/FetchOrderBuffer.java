package id.siklus.query.platform;

import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages a fetcher read from the topic, handed to a tracking processor in the order they were fetched.
 *
 * <p>Axon's Kafka fetcher gives every message the token of everything fetched up to and including it: positions
 * accumulate in fetch order. Its default buffer ({@code SortedKafkaMessageBuffer}) re-sorts messages by record
 * timestamp, and the processor stores the token of the last message it handled. Across partitions that token then
 * claims records that were fetched before but sort after it (a crash loses them: the restart seeks past them), and
 * lacks partitions fetched after it but sorted before it (their events are handled again after a restart, and the
 * stored position never shows them). ADR 0012 has the evidence from the kill test.
 *
 * <p>Delivered in fetch order, the token of each message covers exactly the messages delivered up to it. Order inside
 * a partition, the only order the program's events need (a kelurahan's events share a key), is the same either way.
 */
public class FetchOrderBuffer<E> implements Buffer<E> {

    private final ArrayDeque<E> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final int capacity;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public FetchOrderBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void put(E element) throws InterruptedException {
        Objects.requireNonNull(element, "element");
        lock.lockInterruptibly();
        try {
            append(element);
        } finally {
            lock.unlock();
        }
    }

    /** Appends in the collection's order, waiting for room as needed; the whole batch is kept together in order. */
    @Override
    public void putAll(Collection<E> elements) throws InterruptedException {
        Objects.requireNonNull(elements, "elements");
        lock.lockInterruptibly();
        try {
            for (E element : elements) {
                append(Objects.requireNonNull(element, "element"));
            }
        } finally {
            lock.unlock();
        }
    }

    private void append(E element) throws InterruptedException {
        while (queue.size() >= capacity) {
            notFull.await();
        }
        queue.addLast(element);
        notEmpty.signal();
    }

    /** The next message, or null after the timeout; the fetcher's failure once every fetched message is taken. */
    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                throwFailure();
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (queue.isEmpty()) {
                throwFailure();
                notEmpty.await();
            }
            return removeFirst();
        } finally {
            lock.unlock();
        }
    }

    private E removeFirst() {
        E first = queue.removeFirst();
        notFull.signal();
        return first;
    }

    @Override
    public E peek() {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                throwFailure();
                return null;
            }
            return queue.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public int remainingCapacity() {
        lock.lock();
        try {
            return capacity - queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            queue.clear();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The fetcher stopped: waiting readers wake up and get the failure once they have taken what was fetched. */
    @Override
    public void setException(RuntimeException exception) {
        failure.set(exception);
        lock.lock();
        try {
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void throwFailure() {
        RuntimeException fetcherFailure = failure.get();
        if (fetcherFailure != null) {
            throw fetcherFailure;
        }
    }
}
