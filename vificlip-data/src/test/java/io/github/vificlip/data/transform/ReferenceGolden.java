/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.vificlip.data.video.RgbFrame;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The golden values written by {@code src/test/python/transforms_reference.py} (an independent
 * NumPy implementation, checked there against OpenCV 4.6 and Pillow 9.4).
 */
final class ReferenceGolden {

    private static final JsonObject ROOT = load();

    private ReferenceGolden() {}

    static JsonObject root() {
        return ROOT;
    }

    private static JsonObject load() {
        try (Reader reader =
                new InputStreamReader(
                        ReferenceGolden.class.getResourceAsStream("reference_transforms.json"),
                        StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RgbFrame frame(JsonElement element) {
        JsonObject o = element.getAsJsonObject();
        return new RgbFrame(
                o.get("width").getAsInt(),
                o.get("height").getAsInt(),
                Base64.getDecoder().decode(o.get("rgb").getAsString()));
    }

    static float[] floats(JsonElement element) {
        ByteBuffer bytes =
                ByteBuffer.wrap(Base64.getDecoder().decode(element.getAsString()))
                        .order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(out);
        return out;
    }

    static int[] ints(JsonElement element) {
        var array = element.getAsJsonArray();
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsInt();
        }
        return out;
    }
}
