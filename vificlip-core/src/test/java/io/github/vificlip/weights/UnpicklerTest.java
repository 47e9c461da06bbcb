/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnpicklerTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Path FILE = Path.of("test.pkl");

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void rebuildsWhatPythonPickledInEveryProtocol(int protocol) throws Exception {
        String name = "pickles/values_protocol_" + protocol + ".pkl";
        byte[] data = Files.readAllBytes(Fixtures.path(name));

        Object value = new Unpickler(FILE, name, data, new TorchPickles()).load();

        JsonNode expected = Fixtures.json("pickles/values_expected.json");
        JsonNode actual = describe(value);
        for (var it = expected.get("dict").elements(); it.hasNext(); ) {
            JsonNode pair = it.next();
            assertThat(find(actual, pair.get(0)))
                    .as("value %s in protocol %d", pair.get(0), protocol)
                    .isEqualTo(pair.get(1));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void unknownOpcodeIsNamedWithItsOffset() {
        byte[] data = {(byte) 0x80, 2, '}', (byte) 0xff, '.'};

        assertThatThrownBy(
                        () ->
                                new Unpickler(FILE, "archive/data.pkl", data, new TorchPickles())
                                        .load())
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("test.pkl: archive/data.pkl: unknown pickle opcode 0xff")
                .hasMessageContaining("at byte 3");
    }

    @Test
    void truncatedPickleIsReportedAsSuch() {
        byte[] data = {(byte) 0x80, 2, 'X', 10, 0, 0, 0, 'a', 'b'};

        assertThatThrownBy(() -> new Unpickler(FILE, "data.pkl", data, new TorchPickles()).load())
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("ends in the middle of an opcode at byte 2");
    }

    @Test
    void knownCallsWithMissingArgumentsAreMalformedPickles() {
        byte[] data =
                "\u0080\u0002ctorch._utils\n_rebuild_parameter\n)R."
                        .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> new Unpickler(FILE, "data.pkl", data, new TorchPickles()).load())
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("data.pkl: malformed pickle: a call's arguments are missing")
                .hasMessageContaining("at byte 36");
    }

    @Test
    void extensionRegistryAndOutOfBandBuffersAreRefused() {
        byte[] extension = {(byte) 0x80, 2, (byte) 0x82, 1, '.'};
        byte[] buffer = {(byte) 0x80, 5, (byte) 0x97, '.'};

        assertThatThrownBy(() -> new Unpickler(FILE, "p", extension, new TorchPickles()).load())
                .hasMessageContaining("extension registry");
        assertThatThrownBy(() -> new Unpickler(FILE, "p", buffer, new TorchPickles()).load())
                .hasMessageContaining("out-of-band buffers");
    }

    @Test
    void namedCallablesBecomeInertDataAndAreNeverRun() throws Exception {
        // A class no resolver interprets is kept as data, whatever its arguments.
        String pickle = "cmymodule\nMyClass\n(Vargument\ntR.";

        Object value =
                new Unpickler(
                                FILE,
                                "p",
                                pickle.getBytes(StandardCharsets.UTF_8),
                                new TorchPickles())
                        .load();

        assertThat(value).isInstanceOf(Pickled.Instance.class);
        Pickled.Instance instance = (Pickled.Instance) value;
        assertThat(instance.type()).isEqualTo(new Pickled.Global("mymodule", "MyClass"));
        assertThat(instance.args()).containsExactly("argument");
    }

    @Test
    void callablesThatRunCodeAreRefusedAndNeverRun() throws Exception {
        // pickle.dumps(os.system("touch pwned")) as an attacker would write it (protocol 0).
        Path marker = Files.createTempDirectory("unpickler").resolve("pwned");
        String pickle = "cos\nsystem\n(Vtouch " + marker + "\ntR.";

        assertThatThrownBy(
                        () ->
                                new Unpickler(
                                                FILE,
                                                "p",
                                                pickle.getBytes(StandardCharsets.UTF_8),
                                                new TorchPickles())
                                        .load())
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining(
                        "test.pkl: p: refused: the pickle names os.system (at byte 0)");
        assertThat(marker).doesNotExist();
    }

    private static JsonNode find(JsonNode dict, JsonNode key) {
        for (JsonNode pair : dict.get("dict")) {
            if (pair.get(0).equals(key)) {
                return pair.get(1);
            }
        }
        return null;
    }

    /** The neutral description pickle_reference.py writes for each Python value. */
    private static JsonNode describe(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean) {
            return NODES.booleanNode((Boolean) value);
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return NODES.objectNode().put("int", value.toString());
        }
        if (value instanceof Double) {
            return NODES.objectNode().put("float", (Double) value);
        }
        if (value instanceof String) {
            return NODES.objectNode().put("str", (String) value);
        }
        if (value instanceof byte[]) {
            return NODES.objectNode().put("bytes", HexFormat.of().formatHex((byte[]) value));
        }
        if (value instanceof Pickled.Tuple) {
            return NODES.objectNode().set("tuple", items(((Pickled.Tuple) value).items()));
        }
        if (value instanceof List) {
            return NODES.objectNode().set("list", items((List<?>) value));
        }
        if (value instanceof Set) {
            return NODES.objectNode().set("set", items(List.copyOf((Set<?>) value)));
        }
        if (value instanceof Map) {
            return NODES.objectNode().set("dict", pairs((Map<?, ?>) value));
        }
        if (value instanceof Pickled.Instance) {
            Pickled.Instance instance = (Pickled.Instance) value;
            ObjectNode node = NODES.objectNode();
            node.put("instance", instance.type().qualifiedName());
            node.set("state", describe(instance.state()));
            node.set("dict_items", pairs(instance.dictItems()));
            return node;
        }
        throw new AssertionError("unexpected value " + value + " of " + value.getClass());
    }

    private static ArrayNode items(List<?> values) {
        ArrayNode array = NODES.arrayNode();
        for (Object item : values) {
            array.add(describe(item));
        }
        return array;
    }

    private static ArrayNode pairs(Map<?, ?> map) {
        ArrayNode array = NODES.arrayNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            array.add(
                    NODES.arrayNode()
                            .add(describe(entry.getKey()))
                            .add(describe(entry.getValue())));
        }
        return array;
    }
}
