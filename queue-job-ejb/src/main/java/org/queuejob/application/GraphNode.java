package org.queuejob.application;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.queuejob.api.Delayable;
import org.queuejob.api.JobQueue;
import org.queuejob.infrastructure.interception.JobFunction;

/**
 * The nodes of a graph of jobs being built. A node connects by its heads (first jobs) and tails (last jobs): a chain's
 * heads are its first node's heads and its tails its last node's tails, which is what makes nested chains connect
 * right (the original took {@code first._tail()} as a chain's head, Q6).
 */
abstract sealed class GraphNode implements Delayable permits GraphNode.Call, GraphNode.Chain, GraphNode.Group {

    private final Consumer<GraphNode> store;

    GraphNode(Consumer<GraphNode> store) {
        this.store = store;
    }

    abstract List<Call> heads();

    abstract List<Call> tails();

    @Override
    public Delayable onDone(Delayable... children) {
        for (Delayable child : children) {
            connect(this, node(child));
        }
        return this;
    }

    @Override
    public void delay() {
        store.accept(this);
    }

    @Override
    public Optional<UUID> uuid() {
        return Optional.empty();
    }

    static void connect(GraphNode from, GraphNode to) {
        for (Call parent : from.tails()) {
            for (Call child : to.heads()) {
                if (parent == child) {
                    throw new IllegalArgumentException("A job cannot depend on itself");
                }
                parent.children.add(child);
                child.parents.add(parent);
            }
        }
    }

    static GraphNode node(Delayable delayable) {
        if (delayable instanceof GraphNode node) {
            return node;
        }
        throw new IllegalArgumentException("Not a node of this queue: " + delayable);
    }

    /** One recorded {@code @Job} call. */
    static final class Call extends GraphNode {

        /** Warns, as the original does, about a recorded call that was garbage-collected without being delayed. */
        private static final Cleaner FORGOTTEN = Cleaner.create();

        private static final Logger LOG = Logger.getLogger(GraphNode.class.getName());

        final JobFunction function;

        /**
         * The arguments as the caller passed them, for the trap only, which compares and shows them as it does a
         * direct call's. The job is made from {@link #json}, never from these: the caller may change them before
         * {@code delay()}.
         */
        final Object[] arguments;

        /** The arguments encoded when the node was built: the values the job stores, and runs with. */
        final String json;

        final JobQueue.Options options;
        final Set<Call> parents = new LinkedHashSet<>();
        final Set<Call> children = new LinkedHashSet<>();
        private final AtomicBoolean delayed = new AtomicBoolean();
        UUID uuid;

        Call(
                Consumer<GraphNode> store,
                JobFunction function,
                Object[] arguments,
                String json,
                JobQueue.Options options) {
            super(store);
            this.function = Objects.requireNonNull(function, "A job function is required.");
            this.arguments = arguments.clone();
            this.json = Objects.requireNonNull(json, "The encoded arguments are required.");
            this.options = options;
            String description = function.defaultDescription();
            AtomicBoolean wasDelayed = delayed; // the cleaning action must not refer to this object
            FORGOTTEN.register(this, () -> {
                if (!wasDelayed.get()) {
                    LOG.warning(() -> "Delayable " + description + " was prepared but never delayed");
                }
            });
        }

        void delayed(UUID stored) {
            this.uuid = stored;
            delayed.set(true);
        }

        boolean isDelayed() {
            return delayed.get();
        }

        @Override
        List<Call> heads() {
            return List.of(this);
        }

        @Override
        List<Call> tails() {
            return List.of(this);
        }

        @Override
        public Optional<UUID> uuid() {
            return Optional.ofNullable(uuid);
        }

        @Override
        public String toString() {
            return function.defaultDescription();
        }
    }

    /** Nodes one after the other. */
    static final class Chain extends GraphNode {

        private final List<GraphNode> nodes;

        Chain(Consumer<GraphNode> store, List<GraphNode> nodes) {
            super(store);
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("A chain needs at least one node");
            }
            this.nodes = List.copyOf(nodes);
            for (int i = 0; i + 1 < nodes.size(); i++) {
                connect(nodes.get(i), nodes.get(i + 1));
            }
        }

        @Override
        List<Call> heads() {
            return nodes.get(0).heads();
        }

        @Override
        List<Call> tails() {
            return nodes.get(nodes.size() - 1).tails();
        }
    }

    /** Nodes side by side. */
    static final class Group extends GraphNode {

        private final List<GraphNode> nodes;

        Group(Consumer<GraphNode> store, List<GraphNode> nodes) {
            super(store);
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("A group needs at least one node");
            }
            this.nodes = List.copyOf(nodes);
        }

        @Override
        List<Call> heads() {
            List<Call> heads = new ArrayList<>();
            nodes.forEach(node -> heads.addAll(node.heads()));
            return heads;
        }

        @Override
        List<Call> tails() {
            List<Call> tails = new ArrayList<>();
            nodes.forEach(node -> tails.addAll(node.tails()));
            return tails;
        }
    }
}
