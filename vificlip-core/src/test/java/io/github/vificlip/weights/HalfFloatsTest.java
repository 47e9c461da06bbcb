/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class HalfFloatsTest {

    private static final JsonNode NUMPY = Fixtures.json("half_floats.json");

    @Test
    void roundsFloatsToHalfAsNumpyDoes() {
        JsonNode floats = NUMPY.get("float_bits");
        JsonNode halves = NUMPY.get("half_bits_of_float");
        assertThat(floats.size()).isGreaterThan(800);
        for (int i = 0; i < floats.size(); i++) {
            float value = Float.intBitsToFloat((int) floats.get(i).asLong());
            assertThat(HalfFloats.toHalf(value) & 0xffff)
                    .as("half of %s (float bits %08x)", value, floats.get(i).asLong())
                    .isEqualTo(halves.get(i).asInt());
        }
    }

    @Test
    void widensHalvesAsNumpyDoes() {
        JsonNode halves = NUMPY.get("half_bits");
        JsonNode floats = NUMPY.get("float_bits_of_half");
        for (int i = 0; i < halves.size(); i++) {
            float widened = HalfFloats.fromHalf((short) halves.get(i).asInt());
            assertThat(Float.floatToRawIntBits(widened) & 0xffffffffL)
                    .as("half bits %04x", halves.get(i).asInt())
                    .isEqualTo(floats.get(i).asLong());
        }
    }

    @Test
    void everyHalfSurvivesWideningAndRounding() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            float value = HalfFloats.fromHalf((short) bits);
            if (Float.isNaN(value)) {
                assertThat(Float.isNaN(HalfFloats.fromHalf(HalfFloats.toHalf(value)))).isTrue();
            } else {
                assertThat(HalfFloats.toHalf(value) & 0xffff).isEqualTo(bits);
            }
        }
    }

    @Test
    void bfloat16IsTheUpperHalfOfAFloat() {
        assertThat(HalfFloats.fromBfloat16((short) 0x3f80)).isEqualTo(1.0f);
        assertThat(HalfFloats.fromBfloat16((short) 0x4049)).isEqualTo(3.140625f);
        assertThat(HalfFloats.fromBfloat16((short) 0xc2f7)).isEqualTo(-123.5f);
        assertThat(HalfFloats.fromBfloat16((short) 0xff80)).isEqualTo(Float.NEGATIVE_INFINITY);
    }
}
