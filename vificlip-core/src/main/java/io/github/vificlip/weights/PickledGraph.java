/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks the shape of what an {@link Unpickler} built before anything walks it recursively: no
 * container holds itself (a pickle can make a list that contains itself through the memo), and no
 * path from the root crosses more than {@link Pickled#MAX_DEPTH} containers. The check itself uses
 * no recursion, so a hostile pickle cannot exhaust the stack here either.
 */
final class PickledGraph {

    /** A container being walked, with what is left of its children. */
    private static final class Frame {
        private final Object node;
        private final Iterator<Object> children;
        private int height;

        Frame(Object node) {
            this.node = node;
            this.children = children(node).iterator();
        }
    }

    private PickledGraph() {}

    /**
     * Checks a value and everything it holds.
     *
     * @param root the unpickled value
     * @throws IllegalArgumentException if a container holds itself or nesting is too deep
     */
    static void check(Object root) {
        if (!isContainer(root)) {
            return;
        }
        // For each container: -1 while it is on the path, its height once it is done.
        Map<Object, Integer> heights = new IdentityHashMap<>();
        Deque<Frame> path = new ArrayDeque<>();
        enter(root, path, heights);
        while (!path.isEmpty()) {
            Frame frame = path.peek();
            if (!frame.children.hasNext()) {
                path.pop();
                heights.put(frame.node, frame.height);
                if (!path.isEmpty()) {
                    path.peek().height = Math.max(path.peek().height, frame.height + 1);
                }
                continue;
            }
            Object child = frame.children.next();
            if (!isContainer(child)) {
                continue;
            }
            Integer known = heights.get(child);
            if (known == null) {
                enter(child, path, heights);
            } else if (known < 0) {
                throw new IllegalArgumentException(
                        "malformed pickle: a "
                                + PickledTrees.kind(child)
                                + " contains itself (a cycle), which a weights file never has");
            } else {
                frame.height = Math.max(frame.height, known + 1);
            }
        }
    }

    private static void enter(Object node, Deque<Frame> path, Map<Object, Integer> heights) {
        if (path.size() >= Pickled.MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "malformed pickle: containers nest more than "
                            + Pickled.MAX_DEPTH
                            + " levels deep");
        }
        heights.put(node, -1);
        path.push(new Frame(node));
    }

    private static boolean isContainer(Object value) {
        return value instanceof Iterable
                || value instanceof Map
                || value instanceof Pickled.Tuple
                || value instanceof Pickled.Instance;
    }

    private static List<Object> children(Object node) {
        List<Object> children = new ArrayList<>();
        if (node instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
                children.add(entry.getKey());
                children.add(entry.getValue());
            }
        } else if (node instanceof Iterable) {
            ((Iterable<?>) node).forEach(children::add);
        } else if (node instanceof Pickled.Tuple) {
            children.addAll(((Pickled.Tuple) node).items());
        } else {
            Pickled.Instance instance = (Pickled.Instance) node;
            children.addAll(instance.args());
            children.add(instance.state());
            children.add(instance.dictItems());
            children.add(instance.listItems());
        }
        return children;
    }
}
