/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A restricted reader of Python pickles (protocols 0 to 5) that builds plain data and never runs,
 * imports or looks up anything a pickle names.
 *
 * <p>Module-level names ({@code GLOBAL}) become {@link Pickled.Global} values; calling one ({@code
 * REDUCE}, {@code NEWOBJ}) is handed to a {@link Resolver}, which interprets the few calls it knows
 * (PyTorch's tensor rebuilding, {@code OrderedDict}, ...) and returns an inert {@link
 * Pickled.Instance} for everything else, so that a checkpoint's yacs {@code CfgNode}, argparse
 * {@code Namespace} or optimizer state is read as data. Persistent ids ({@code BINPERSID}), which
 * PyTorch uses for tensor storages, also go to the resolver. Extension codes and out-of-band
 * buffers are refused.
 *
 * <p>The reader has budgets, checked before anything is allocated: a pickle of at most {@link
 * #MAX_BYTES}, at most {@link #MAX_VALUES} values and memo entries, integer literals of at most
 * {@link #MAX_INT_DIGITS} digits (Python's own limit for text integers), containers nested at most
 * {@link Pickled#MAX_DEPTH} levels and no container that holds itself. A pickle that names a
 * callable only an attack needs ({@link PickleGlobals}) is refused.
 */
final class Unpickler {

    /** Interprets the calls and persistent ids of a pickle. */
    interface Resolver {

        /**
         * Returns the object a persistent id stands for.
         *
         * @param pid the id as unpickled
         * @return the object
         * @throws IllegalArgumentException if the id is not understood (the unpickler adds where)
         */
        Object persistentLoad(Object pid);

        /**
         * Returns the result of calling a global with arguments ({@code REDUCE}).
         *
         * @param callable the global
         * @param args the positional arguments
         * @return the result, an inert instance for callables the resolver does not interpret
         * @throws IllegalArgumentException if a known call has arguments it cannot accept
         */
        Object call(Pickled.Global callable, List<Object> args);

        /**
         * Returns a new instance of a class ({@code NEWOBJ}).
         *
         * @param type the class
         * @param args the arguments to {@code cls.__new__}
         * @return the instance, an inert one for classes the resolver does not interpret
         */
        Object instantiate(Pickled.Global type, List<Object> args);
    }

    /** The largest pickle read; {@code data.pkl} describes tensors and is kilobytes in practice. */
    static final int MAX_BYTES = 64 << 20;

    /**
     * The most values a pickle may build, counting memo entries: a checkpoint with optimizer state
     * builds tens of thousands.
     */
    static final int MAX_VALUES = 5_000_000;

    /**
     * The most digits of an integer, Python's {@code sys.int_max_str_digits} default: Python
     * refuses longer text integers, and weights files hold none (binary ones are held to the same
     * size).
     */
    static final int MAX_INT_DIGITS = 4300;

    /** The bytes of a binary integer of {@link #MAX_INT_DIGITS} decimal digits. */
    private static final int MAX_INT_BYTES =
            (int) Math.ceil(MAX_INT_DIGITS * Math.log(10) / Math.log(256)) + 1;

    private static final Object MARK = new Object();

    private final Path file;
    private final String record;
    private final byte[] data;
    private final Resolver resolver;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int pos;
    private int opcodeStart;
    private long values;

    /**
     * Creates an unpickler for one pickle.
     *
     * @param file the file the pickle comes from, for error messages
     * @param record the pickle's name inside the file (for example {@code archive/data.pkl})
     * @param data the pickle
     * @param resolver interprets calls and persistent ids
     */
    Unpickler(Path file, String record, byte[] data, Resolver resolver) {
        this.file = file;
        this.record = record;
        this.data = data;
        this.resolver = resolver;
    }

    /**
     * Reads the pickle up to its {@code STOP}.
     *
     * @return the pickled object
     * @throws WeightsException naming the file, the record, the byte offset and the problem
     */
    Object load() throws WeightsException {
        if (data.length > MAX_BYTES) {
            throw new WeightsException(file, tooLarge(record, data.length));
        }
        try {
            return readToStop();
        } catch (NumberFormatException e) {
            // Its message repeats the text, which can be megabytes long.
            throw new WeightsException(
                    file,
                    record
                            + ": malformed pickle: a number or memo index in text form cannot be"
                            + " read (at byte "
                            + opcodeStart
                            + ")",
                    e);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new WeightsException(
                    file, record + ": " + e.getMessage() + " (at byte " + opcodeStart + ")", e);
        } catch (IndexOutOfBoundsException | NullPointerException e) {
            // A known call with too few or None arguments: malformed, not a reader bug.
            throw new WeightsException(
                    file,
                    record
                            + ": malformed pickle: a call's arguments are missing (at byte "
                            + opcodeStart
                            + ")",
                    e);
        } catch (Hostile e) {
            throw new WeightsException(file, refused(e));
        } catch (Truncated e) {
            throw new WeightsException(
                    file,
                    record
                            + ": the pickle ends in the middle of an opcode at byte "
                            + opcodeStart
                            + " (truncated or damaged file)");
        }
    }

    private Object readToStop() {
        while (true) {
            opcodeStart = pos;
            int opcode = readByte();
            if (opcode == '.') {
                return stop();
            }
            dispatch(opcode);
        }
    }

    /** STOP: the one object left on the stack, checked for cycles and depth. */
    private Object stop() {
        Object result = pop();
        if (!stack.isEmpty() || !marks.isEmpty()) {
            throw malformed("STOP with " + stack.size() + " extra stack items");
        }
        PickledGraph.check(result);
        return result;
    }

    private String refused(Hostile e) {
        return record
                + ": refused: the pickle names "
                + abbreviate(e.global.toString())
                + " (at byte "
                + opcodeStart
                + "), and "
                + e.reason
                + ". A weights file never needs it: the file may be malicious, so do"
                + " not open it with Python's pickle or with torch.load unless"
                + " weights_only=True";
    }

    /**
     * Runs one opcode: each family of opcodes has its own step, which returns whether it knew the
     * opcode.
     */
    private void dispatch(int opcode) {
        boolean known =
                stackOpcode(opcode)
                        || numberOpcode(opcode)
                        || textOpcode(opcode)
                        || sequenceOpcode(opcode)
                        || mappingOpcode(opcode)
                        || memoOpcode(opcode)
                        || objectOpcode(opcode);
        if (!known) {
            throw refusal(opcode);
        }
    }

    /** Framing and the stack: PROTO, FRAME, MARK, POP, POP_MARK, DUP. */
    private boolean stackOpcode(int opcode) {
        switch (opcode) {
            case 0x80 -> checkProtocol(readByte()); // PROTO
            // FRAME: a length prefix for buffering; the data follow inline
            case 0x95 -> readBytes(8);
            case '(' -> mark(); // MARK
            case '0' -> popOrUnmark(); // POP
            case '1' -> popMark(); // POP_MARK
            case '2' -> push(peek()); // DUP
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Constants and numbers. */
    private boolean numberOpcode(int opcode) {
        switch (opcode) {
            case 'N' -> push(null);
            case 0x88 -> push(Boolean.TRUE); // NEWTRUE
            case 0x89 -> push(Boolean.FALSE); // NEWFALSE
            case 'J' -> push((long) buffer(4).getInt()); // BININT
            case 'K' -> push((long) readByte()); // BININT1
            case 'M' -> push((long) (buffer(2).getShort() & 0xffff)); // BININT2
            case 0x8a -> push(littleEndianInteger(readBytes(readByte()))); // LONG1
            // LONG4
            case 0x8b -> push(littleEndianInteger(readBytes(integerBytes(readLength(4)))));
            // INT (text); "01"/"00" are protocol 0's booleans
            case 'I' -> push(textInt(readLine()));
            // LONG (text)
            case 'L' -> push(narrow(new BigInteger(digits(stripSuffix(readLine(), "L")))));
            // BINFLOAT, big-endian
            case 'G' -> push(ByteBuffer.wrap(readBytes(8)).order(ByteOrder.BIG_ENDIAN).getDouble());
            case 'F' -> push(textFloat(readLine())); // FLOAT (text)
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Strings and bytes. */
    private boolean textOpcode(int opcode) {
        switch (opcode) {
            case 'X' -> push(utf8(readBytes(readLength(4)))); // BINUNICODE
            case 0x8c -> push(utf8(readBytes(readByte()))); // SHORT_BINUNICODE
            case 0x8d -> push(utf8(readBytes(readLength(8)))); // BINUNICODE8
            // UNICODE (raw-unicode-escape text)
            case 'V' -> push(PickleText.rawUnicodeEscape(readLine(StandardCharsets.ISO_8859_1)));
            case 'T' -> push(latin1(readBytes(readLength(4)))); // BINSTRING (Python 2 str)
            case 'U' -> push(latin1(readBytes(readByte()))); // SHORT_BINSTRING
            // STRING (quoted text)
            case 'S' -> push(PickleText.quotedString(readLine(StandardCharsets.ISO_8859_1)));
            case 'B' -> push(readBytes(readLength(4))); // BINBYTES
            case 'C' -> push(readBytes(readByte())); // SHORT_BINBYTES
            case 0x8e, 0x96 -> push(readBytes(readLength(8))); // BINBYTES8, BYTEARRAY8
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Tuples and lists. */
    private boolean sequenceOpcode(int opcode) {
        switch (opcode) {
            case ')' -> push(new Pickled.Tuple(List.of())); // EMPTY_TUPLE
            case 0x85 -> push(new Pickled.Tuple(popN(1))); // TUPLE1
            case 0x86 -> push(new Pickled.Tuple(popN(2))); // TUPLE2
            case 0x87 -> push(new Pickled.Tuple(popN(3))); // TUPLE3
            case 't' -> push(new Pickled.Tuple(popMark())); // TUPLE
            case ']' -> push(new ArrayList<>()); // EMPTY_LIST
            case 'l' -> push(new ArrayList<>(popMark())); // LIST
            case 'a' -> appendAll(Collections.singletonList(pop())); // APPEND
            case 'e' -> appendAll(popMark()); // APPENDS
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Dicts and sets. */
    private boolean mappingOpcode(int opcode) {
        switch (opcode) {
            case '}' -> push(new LinkedHashMap<>()); // EMPTY_DICT
            case 'd' -> push(dict(popMark())); // DICT
            case 's' -> setItem(); // SETITEM
            case 'u' -> setItems(popMark()); // SETITEMS
            case 0x8f -> push(new LinkedHashSet<>()); // EMPTY_SET
            case 0x90 -> addItems(popMark()); // ADDITEMS
            case 0x91 -> push(frozenSet(popMark())); // FROZENSET
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The memo: PUT and GET in their text, one-byte and four-byte forms, and MEMOIZE. */
    private boolean memoOpcode(int opcode) {
        switch (opcode) {
            case 'q' -> memoPut(readByte()); // BINPUT
            case 'r' -> memoPut(buffer(4).getInt() & 0xffffffffL); // LONG_BINPUT
            case 'p' -> memoPut(Long.parseLong(readLine())); // PUT
            case 0x94 -> memoPut(memo.size()); // MEMOIZE
            case 'h' -> push(memoGet(readByte())); // BINGET
            case 'j' -> push(memoGet(buffer(4).getInt() & 0xffffffffL)); // LONG_BINGET
            case 'g' -> push(memoGet(Long.parseLong(readLine()))); // GET
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Names, calls, objects and persistent ids: all data, interpreted only by the resolver. */
    private boolean objectOpcode(int opcode) {
        switch (opcode) {
            case 'c' -> push(global(readLine(), readLine())); // GLOBAL
            case 0x93 -> push(stackGlobal()); // STACK_GLOBAL
            case 'R' -> push(reduce()); // REDUCE
            case 0x81 -> push(newObject()); // NEWOBJ
            case 0x92 -> push(newObjectWithKeywords()); // NEWOBJ_EX
            case 'i' -> push(instance(global(readLine(), readLine()))); // INST (protocol 0)
            case 'o' -> push(objectOfMark()); // OBJ (protocol 1)
            case 'b' -> build(pop(), peek()); // BUILD
            case 'Q' -> push(resolver.persistentLoad(pop())); // BINPERSID
            case 'P' -> push(resolver.persistentLoad(readLine())); // PERSID
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Says why an opcode no family knows is refused: an extension, a buffer or an unknown one. */
    private static IllegalArgumentException refusal(int opcode) {
        switch (opcode) {
            case 0x82, 0x83, 0x84: // EXT1, EXT2, EXT4
                return new IllegalArgumentException(
                        "pickle uses the copyreg extension registry (opcode "
                                + hex(opcode)
                                + "), which weights files never need");
            case 0x97, 0x98: // NEXT_BUFFER, READONLY_BUFFER
                return new IllegalArgumentException(
                        "pickle uses out-of-band buffers (protocol 5, opcode "
                                + hex(opcode)
                                + "), which a saved file cannot carry");
            default:
                return new IllegalArgumentException(
                        "unknown pickle opcode "
                                + hex(opcode)
                                + " (the file is damaged or is not a pickle)");
        }
    }

    private static void checkProtocol(int protocol) {
        if (protocol > 5) {
            throw new IllegalArgumentException(
                    "pickle protocol " + protocol + " is newer than 5, the latest known");
        }
    }

    private void mark() {
        count();
        marks.add(stack.size());
    }

    /** POP: drops a MARK that tops the stack, else the top item. */
    private void popOrUnmark() {
        if (!marks.isEmpty() && marks.get(marks.size() - 1) == stack.size()) {
            marks.remove(marks.size() - 1);
        } else {
            pop();
        }
    }

    private Map<Object, Object> dict(List<Object> pairs) {
        Map<Object, Object> dict = new LinkedHashMap<>();
        putPairs(dict, pairs);
        return dict;
    }

    private void setItem() {
        Object value = pop();
        Object key = pop();
        List<Object> pair = new ArrayList<>(2);
        pair.add(key);
        pair.add(value);
        setItems(pair);
    }

    private static Set<Object> frozenSet(List<Object> items) {
        Set<Object> set = new LinkedHashSet<>();
        for (Object item : items) {
            set.add(Pickled.requireHashable(item));
        }
        return set;
    }

    private Pickled.Global stackGlobal() {
        String name = (String) pop();
        String module = (String) pop();
        return global(module, name);
    }

    private Object reduce() {
        Pickled.Tuple args = asTuple(pop(), "REDUCE arguments");
        return call(pop(), args.items());
    }

    private Object newObject() {
        Pickled.Tuple args = asTuple(pop(), "NEWOBJ arguments");
        return instantiate(pop(), args.items());
    }

    /** NEWOBJ_EX: keyword arguments are kept out; classes here take none. */
    private Object newObjectWithKeywords() {
        pop();
        Pickled.Tuple args = asTuple(pop(), "NEWOBJ_EX arguments");
        return instantiate(pop(), args.items());
    }

    private Object instance(Pickled.Global type) {
        return instantiate(type, popMark());
    }

    /** OBJ: the class and its arguments follow the MARK. */
    private Object objectOfMark() {
        List<Object> items = popMark();
        if (items.isEmpty()) {
            throw malformed("OBJ without a class");
        }
        return instantiate(items.get(0), items.subList(1, items.size()));
    }

    private Object call(Object callable, List<Object> args) {
        if (callable instanceof Pickled.Global) {
            return resolver.call((Pickled.Global) callable, args);
        }
        return new Pickled.Instance(new Pickled.Global("?", String.valueOf(callable)), args);
    }

    private Object instantiate(Object type, List<Object> args) {
        if (type instanceof Pickled.Global) {
            return resolver.instantiate((Pickled.Global) type, args);
        }
        return new Pickled.Instance(new Pickled.Global("?", String.valueOf(type)), args);
    }

    /**
     * BUILD: an instance keeps its state; other objects (an OrderedDict's attributes) ignore it.
     */
    private static void build(Object state, Object target) {
        if (target instanceof Pickled.Instance) {
            ((Pickled.Instance) target).setState(state);
        }
    }

    private void appendAll(List<Object> items) {
        Object target = peek();
        if (target instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) target;
            list.addAll(items);
        } else if (target instanceof Pickled.Instance) {
            ((Pickled.Instance) target).listItems().addAll(items);
        } else {
            throw malformed("APPEND to " + describe(target));
        }
    }

    private void setItems(List<Object> pairs) {
        Object target = peek();
        if (target instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> map = (Map<Object, Object>) target;
            putPairs(map, pairs);
        } else if (target instanceof Pickled.Instance) {
            putPairs(((Pickled.Instance) target).dictItems(), pairs);
        } else {
            throw malformed("SETITEM on " + describe(target));
        }
    }

    private void addItems(List<Object> items) {
        Object target = peek();
        if (target instanceof Set) {
            @SuppressWarnings("unchecked")
            Set<Object> set = (Set<Object>) target;
            for (Object item : items) {
                set.add(Pickled.requireHashable(item));
            }
        } else if (target instanceof Pickled.Instance) {
            ((Pickled.Instance) target).listItems().addAll(items);
        } else {
            throw malformed("ADDITEMS on " + describe(target));
        }
    }

    private void putPairs(Map<Object, Object> map, List<Object> pairs) {
        if (pairs.size() % 2 != 0) {
            throw malformed("odd number of dict items");
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            map.put(Pickled.requireHashable(pairs.get(i)), pairs.get(i + 1));
        }
    }

    private Pickled.Tuple asTuple(Object value, String what) {
        if (value instanceof Pickled.Tuple) {
            return (Pickled.Tuple) value;
        }
        if (value instanceof List) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) value;
            return new Pickled.Tuple(list);
        }
        throw malformed(what + " are " + describe(value) + ", not a tuple");
    }

    private void memoPut(long index) {
        count();
        memo.put(index, peek());
    }

    private static Pickled.Global global(String module, String name) {
        Pickled.Global global = new Pickled.Global(module, name);
        String danger = PickleGlobals.danger(global);
        if (danger != null) {
            throw new Hostile(global, danger);
        }
        return global;
    }

    private void count() {
        if (++values > MAX_VALUES) {
            throw new IllegalArgumentException(
                    "the pickle builds more than "
                            + MAX_VALUES
                            + " values, far more than any weights file describes");
        }
    }

    private Object memoGet(long index) {
        if (!memo.containsKey(index)) {
            throw malformed("memo entry " + index + " is read before it is written");
        }
        return memo.get(index);
    }

    private void push(Object value) {
        count();
        stack.add(value);
    }

    private Object pop() {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() <= floor) {
            throw malformed("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() <= floor) {
            throw malformed("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) {
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(0, pop());
        }
        return items;
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw malformed("no MARK on the stack");
        }
        int start = marks.remove(marks.size() - 1);
        List<Object> top = stack.subList(start, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private int readByte() {
        if (pos >= data.length) {
            throw new Truncated();
        }
        return data[pos++] & 0xff;
    }

    private byte[] readBytes(int n) {
        if (n < 0 || n > data.length - pos) {
            throw new Truncated();
        }
        byte[] bytes = new byte[n];
        System.arraycopy(data, pos, bytes, 0, n);
        pos += n;
        return bytes;
    }

    private ByteBuffer buffer(int n) {
        return ByteBuffer.wrap(readBytes(n)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads an unsigned little-endian length and checks that the data can hold it. */
    private int readLength(int width) {
        long length = width == 4 ? buffer(4).getInt() & 0xffffffffL : buffer(8).getLong();
        if (length < 0 || length > data.length - pos) {
            throw new Truncated();
        }
        return (int) length;
    }

    private String readLine() {
        return readLine(StandardCharsets.UTF_8);
    }

    private String readLine(Charset charset) {
        int start = pos;
        while (pos < data.length && data[pos] != '\n') {
            pos++;
        }
        if (pos >= data.length) {
            throw new Truncated();
        }
        String line = new String(data, start, pos - start, charset);
        pos++;
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static Object textInt(String text) {
        if (text.equals("01")) {
            return Boolean.TRUE;
        }
        if (text.equals("00")) {
            return Boolean.FALSE;
        }
        return narrow(new BigInteger(digits(text)));
    }

    /** Checks a text integer's length before parsing it (BigInteger's parser is quadratic). */
    private static String digits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i)) && ++digits > MAX_INT_DIGITS) {
                throw new IllegalArgumentException(
                        "an integer literal has more than "
                                + MAX_INT_DIGITS
                                + " digits (Python refuses to read it, and weights files hold no"
                                + " such numbers)");
            }
        }
        return text;
    }

    private static int integerBytes(int length) {
        if (length > MAX_INT_BYTES) {
            throw new IllegalArgumentException(
                    "a binary integer of "
                            + length
                            + " bytes exceeds "
                            + MAX_INT_DIGITS
                            + " decimal digits (weights files hold no such numbers)");
        }
        return length;
    }

    private static double textFloat(String text) {
        switch (text) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                return Double.parseDouble(text);
        }
    }

    private static Object littleEndianInteger(byte[] bytes) {
        if (bytes.length == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return narrow(new BigInteger(bigEndian));
    }

    private static Object narrow(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static String stripSuffix(String text, String suffix) {
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String hex(int opcode) {
        return String.format(Locale.ROOT, "0x%02x", opcode);
    }

    /**
     * Says that a pickle exceeds {@link #MAX_BYTES}.
     *
     * @param record the pickle's name
     * @param bytes its size, or a lower bound
     * @return the message
     */
    static String tooLarge(String record, long bytes) {
        return record
                + " is "
                + bytes
                + " bytes or more, over the "
                + MAX_BYTES
                + "-byte limit for a pickle that describes tensors (their values are stored"
                + " apart): the file is damaged or not a weights file";
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    private static String describe(Object value) {
        return PickledTrees.kind(value);
    }

    private IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("malformed pickle: " + what);
    }

    /** The pickle names a global that only an attack needs. */
    private static final class Hostile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Pickled.Global global;
        private final String reason;

        Hostile(Pickled.Global global, String reason) {
            super(null, null, false, false);
            this.global = global;
            this.reason = reason;
        }
    }

    /** The pickle ends in the middle of an opcode. */
    private static final class Truncated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super(null, null, false, false);
        }
    }
}
