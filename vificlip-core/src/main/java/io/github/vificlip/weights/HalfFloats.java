/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

/**
 * IEEE 754 half precision and bfloat16 conversions, done in Java because DJL crashes on bfloat16
 * arrays and Java 17 has no {@code Float.float16ToFloat}.
 */
final class HalfFloats {

    /** Every half-precision bit pattern widened to float, for table look-up while decoding. */
    private static final float[] HALF_TO_FLOAT = new float[1 << 16];

    static {
        for (int bits = 0; bits < HALF_TO_FLOAT.length; bits++) {
            HALF_TO_FLOAT[bits] = widenHalf(bits);
        }
    }

    private HalfFloats() {}

    /**
     * Widens a half-precision value exactly.
     *
     * @param half the 16 bits
     * @return the same number as a float
     */
    static float fromHalf(short half) {
        return HALF_TO_FLOAT[half & 0xffff];
    }

    /**
     * Widens a bfloat16 value exactly (bfloat16 is the upper half of a float).
     *
     * @param bfloat16 the 16 bits
     * @return the same number as a float
     */
    static float fromBfloat16(short bfloat16) {
        return Float.intBitsToFloat((bfloat16 & 0xffff) << 16);
    }

    /**
     * Rounds a float to half precision, to nearest with ties to even, as NumPy's {@code
     * astype(float16)} and PyTorch's {@code .half()} do: overflow gives infinity, tiny values
     * become subnormals or zero, NaN stays NaN.
     *
     * @param value the float
     * @return the half-precision bits
     */
    static short toHalf(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            // Infinity keeps a zero mantissa; NaN keeps its top payload bits and stays quiet.
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (halfExponent <= 0) {
            if (halfExponent < -10) {
                return (short) sign;
            }
            // Subnormal result: shift the mantissa, with its implicit leading 1, into 10 bits.
            int full = mantissa | 0x800000;
            int shift = 14 - halfExponent;
            int halfMantissa = full >>> shift;
            int remainder = full & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (remainder > halfway || (remainder == halfway && (halfMantissa & 1) != 0)) {
                halfMantissa++; // may carry into the smallest normal exponent, which is right
            }
            return (short) (sign | halfMantissa);
        }
        int halfMantissa = mantissa >>> 13;
        int remainder = mantissa & 0x1fff;
        int result = sign | (halfExponent << 10) | halfMantissa;
        if (remainder > 0x1000 || (remainder == 0x1000 && (halfMantissa & 1) != 0)) {
            result++; // a carry into the exponent rounds up to the next binade or to infinity
        }
        return (short) result;
    }

    private static float widenHalf(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f; // zero or subnormal, exact in float
            return sign != 0 ? -magnitude : magnitude;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
