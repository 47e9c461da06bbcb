/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vificlip.training.SeededRandom;
import org.junit.jupiter.api.Test;

class TsneTest {

    @Test
    void eachAffinityRowHasTheRequestedPerplexity() {
        SeededRandom random = SeededRandom.of(3);
        int n = 40;
        double[][] distances = new double[n][n];
        double[][] points = new double[n][5];
        for (double[] point : points) {
            for (int d = 0; d < 5; d++) {
                point[d] = random.nextDouble() * 10;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int d = 0; d < 5; d++) {
                    s += (points[i][d] - points[j][d]) * (points[i][d] - points[j][d]);
                }
                distances[i][j] = s;
            }
        }

        double[][] joint = Tsne.affinities(distances, 8);

        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                total += joint[i][j];
                assertThat(joint[i][j]).isCloseTo(joint[j][i], within(1e-15));
            }
        }
        // Each conditional row sums to 1, so the symmetric joint sums to 1 (plus the 1e-12 floors).
        assertThat(total).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void separatedClustersStaySeparated() {
        SeededRandom random = SeededRandom.of(5);
        int perCluster = 15;
        double[][] points = new double[3 * perCluster][10];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < perCluster; k++) {
                for (int d = 0; d < 10; d++) {
                    points[c * perCluster + k][d] = (d == c ? 20 : 0) + random.nextDouble();
                }
            }
        }

        double[][] layout = Tsne.builder().optPerplexity(10).build().embed(points);

        // Every point's nearest neighbour in the picture belongs to its own cluster.
        for (int i = 0; i < layout.length; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < layout.length; j++) {
                double dx = layout[i][0] - layout[j][0];
                double dy = layout[i][1] - layout[j][1];
                if (i != j && dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    nearest = j;
                }
            }
            assertThat(nearest / perCluster)
                    .as("cluster of point %d's neighbour", i)
                    .isEqualTo(i / perCluster);
        }
    }
}
