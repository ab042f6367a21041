package org.queuejob.web;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** CDI events fired by a bean under test, kept in order and handed to the observers the test names. */
final class RecordedEvents<T> implements Event<T> {

    final List<T> fired = new ArrayList<>();

    private final List<Consumer<T>> observers;

    @SafeVarargs
    RecordedEvents(Consumer<T>... observers) {
        this.observers = List.of(observers);
    }

    @Override
    public void fire(T event) {
        fired.add(event);
        observers.forEach(observer -> observer.accept(event));
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }
}
