/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend-neutral half of a {@link VideoReader}: which frames to decode, when to seek and when
 * to decode forward, how to number frames, and what to do at the end of a damaged stream. A backend
 * supplies the native half: opening, reading the next frame, seeking, converting to RGB.
 *
 * <p>Frames are numbered in display order. Decoding from the start counts them; after a seek the
 * number comes from the frame's timestamp relative to the first frame's (so the two agree on
 * constant-frame-rate video, including AVI files whose timestamps start at 1).
 */
abstract class AbstractVideoReader implements VideoReader {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractVideoReader.class);

    /** A missing timestamp; FFmpeg's {@code AV_NOPTS_VALUE} in every version. */
    static final long NO_PTS = Long.MIN_VALUE;

    /** Keyframe distance assumed where the container has no index (x264's default GOP). */
    static final int ASSUMED_KEYFRAME_INTERVAL = 250;

    /** Gaps up to this many frames are always decoded forward: cheaper than any seek. */
    private static final int MIN_SEEK_GAP = 16;

    /** What one seek costs, in decoded frames (flush, demuxer search, decoder warm-up). */
    private static final int SEEK_OVERHEAD_FRAMES = 2;

    private static final int MAX_SEEK_ATTEMPTS = 8;

    /**
     * Frames this close to the container's frame count are never skipped, so that the last frame
     * (returned for indices past the end) is a decoded one.
     */
    private static final int END_MARGIN = 16;

    /** The video file. */
    final Path path;

    /** The file's size in bytes when it was opened. */
    private long fileSize;

    private final ReadStrategy strategy;
    private final TreeSet<Integer> landedKeyframes = new TreeSet<>();

    private VideoInfo info;
    private double ticksPerFrame;
    private int[] indexedKeyframes;
    private boolean keyframesLoaded;
    private boolean seekable = true;
    private boolean constantRate = true;

    private int lastIndex = -1;
    private boolean lastValid;
    private boolean ptsIndexing;
    private boolean firstPtsKnown;
    private long firstPts;
    private boolean closed;

    /** Packets or frames the decoder rejected so far. */
    int damagedPackets;

    // What the reader did, for tests and benchmarks.
    private int framesDecoded;
    private int seeks;
    private int restarts;
    private int packetsSkipped;

    // Skipping: non-reference frames that no one asked for are not decoded at all.
    private int[] wantedNow;

    /**
     * Creates the reader; {@link #start()} opens it.
     *
     * @param path the video
     * @param strategy how frames are reached
     */
    AbstractVideoReader(Path path, ReadStrategy strategy) {
        this.path = path;
        this.strategy = strategy;
    }

    /** What the container says about the video stream, in the backend's raw terms. */
    record StreamFacts(
            String container,
            String codec,
            int width,
            int height,
            double frameRate,
            double timeBase,
            double containerDurationSeconds,
            long streamDurationTicks,
            long frameCount) {}

    /**
     * Checks the file, opens it and reads the metadata; closes everything on failure.
     *
     * @throws IOException if the file is unusable, naming the file and the reason
     */
    final void start() throws IOException {
        fileSize = checkFile(path);
        try {
            openNative();
            info = readInfo(facts());
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Opens the container and the decoder of its first video stream.
     *
     * @throws IOException naming the file and the reason
     */
    abstract void openNative() throws IOException;

    /** Releases every native object; safe to call twice and after a failed open. */
    abstract void releaseNative();

    /**
     * Returns the stream's metadata as the container states it.
     *
     * @return the facts
     */
    abstract StreamFacts facts();

    /**
     * Decodes the next frame in display order into the spare buffer, skipping damaged packets and
     * treating a failed read as the end of the file. Calls {@link #canSkip(long)} per packet.
     *
     * @return false at the end of the stream
     */
    abstract boolean decodeNext();

    /**
     * Makes the frame just decoded the latest one (swapping buffers) and returns its timestamp.
     *
     * @return the frame's presentation timestamp in stream ticks, or {@link #NO_PTS}
     */
    abstract long takeDecoded();

    /**
     * Converts the latest frame taken by {@link #takeDecoded()} to RGB.
     *
     * @return the frame
     * @throws VideoDecodeException if its pixel format cannot be converted
     */
    abstract RgbFrame convertLatest() throws VideoDecodeException;

    /**
     * Seeks the demuxer to the keyframe at or before a timestamp and flushes the decoder.
     *
     * @param timestamp in stream ticks
     * @return false if the seek failed
     * @throws IOException if the thread was interrupted
     */
    abstract boolean seekNative(long timestamp) throws IOException;

    /** Forgets packets and end-of-stream state after a seek or a restart. */
    abstract void resetDecodeState();

    /**
     * Returns how many entries the container's index has for the stream.
     *
     * @return the entry count, 0 if none
     */
    abstract int indexEntryCount();

    /**
     * Returns whether an index entry is a keyframe.
     *
     * @param entry 0 to {@link #indexEntryCount()} - 1
     * @return true for a keyframe
     */
    abstract boolean indexEntryIsKeyframe(int entry);

    /**
     * Tells the decoder to drop (true) or decode (false) non-reference frames.
     *
     * @param skip whether to skip
     */
    abstract void setSkipping(boolean skip);

    /** Checks that the path is a non-empty, readable regular file; returns its size. */
    private static long checkFile(Path path) throws VideoDecodeException {
        if (Files.isDirectory(path)) {
            throw new VideoDecodeException(path, "is a directory, not a video file");
        }
        if (!Files.exists(path)) {
            throw new VideoDecodeException(path, "no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new VideoDecodeException(
                    path, "is not a regular file (a FIFO, device or socket)");
        }
        if (!Files.isReadable(path)) {
            throw new VideoDecodeException(path, "file is not readable");
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new VideoDecodeException(path, "cannot read the file size: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new VideoDecodeException(path, "file is empty (0 bytes)");
        }
        return size;
    }

    private VideoInfo readInfo(StreamFacts facts) throws IOException {
        double fps = facts.frameRate() > 0 ? facts.frameRate() : 0;
        double tb = facts.timeBase();
        double duration = 0;
        if (facts.containerDurationSeconds() > 0) {
            duration = facts.containerDurationSeconds();
        } else if (facts.streamDurationTicks() > 0 && tb > 0) {
            duration = facts.streamDurationTicks() * tb;
        }
        long counted = facts.frameCount();
        if (counted > fileSize) {
            // Every frame takes at least a byte: the header lies, the frames are counted.
            LOG.debug("{}: claims {} frames in {} bytes; counting them", path, counted, fileSize);
            counted = 0;
            duration = 0;
        }
        boolean exact = counted > 0;
        int frames = (int) Math.min(Integer.MAX_VALUE, Math.max(0, counted));
        if (!exact && fps > 0 && duration > 0 && duration * fps <= fileSize) {
            frames = (int) Math.round(duration * fps);
        }
        if (fps <= 0 || tb <= 0) {
            seekable = false; // no way to turn frame numbers into timestamps
            if (fps <= 0 && frames > 0 && duration > 0) {
                fps = frames / duration;
            }
        } else {
            ticksPerFrame = 1.0 / (fps * tb);
        }
        if (exact && facts.streamDurationTicks() > 0 && fps > 0 && tb > 0) {
            // Timestamps stand for frame numbers only at a constant rate: the frame count must
            // match the stream duration. Otherwise frames are only ever counted.
            constantRate = Math.abs(facts.streamDurationTicks() * tb * fps - frames) < 1.0;
        }
        if (frames <= 0) {
            frames = countFrames();
            exact = true;
        }
        if (duration <= 0 && fps > 0) {
            duration = frames / fps;
        }
        return new VideoInfo(
                path,
                facts.container(),
                facts.codec(),
                facts.width(),
                facts.height(),
                fps,
                frames,
                exact,
                duration);
    }

    /** Counts frames by decoding everything, for files whose container gives no estimate. */
    private int countFrames() throws IOException {
        int count = 0;
        while (decodeNext()) {
            takeDecoded();
            count++;
        }
        if (count == 0) {
            throw new VideoDecodeException(path, "no video frame could be decoded");
        }
        restart();
        return count;
    }

    @Override
    public final VideoInfo info() {
        return info;
    }

    @Override
    public final RgbFrame[] read(int[] indices) throws IOException {
        if (closed) {
            throw new IllegalStateException("Reader for " + path + " is closed");
        }
        for (int index : indices) {
            if (index < 0) {
                throw new IllegalArgumentException(
                        "Frame indices must be >= 0, got " + index + " for " + path);
            }
        }
        int[] wanted = Arrays.stream(indices).distinct().sorted().toArray();
        RgbFrame[] byWanted = new RgbFrame[wanted.length];
        wantedNow = wanted;
        try {
            fill(wanted, byWanted);
        } finally {
            wantedNow = null;
            setSkipping(false);
        }
        if (damagedPackets > 0) {
            LOG.debug("{}: skipped {} damaged packets", path, damagedPackets);
        }
        RgbFrame[] out = new RgbFrame[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = byWanted[Arrays.binarySearch(wanted, indices[i])];
        }
        return out;
    }

    /** Decodes the sorted, distinct {@code wanted} frames into {@code byWanted}. */
    private void fill(int[] wanted, RgbFrame[] byWanted) throws IOException {
        int w = 0;
        while (w < wanted.length) {
            int target = wanted[w];
            if (!(lastValid && lastIndex == target)) {
                if (target <= lastIndex || shouldSeek(target)) {
                    seekTo(target);
                }
                while (!(lastValid && lastIndex >= target) && decodeNext()) {
                    accept();
                }
            }
            if (!lastValid) {
                throw new VideoDecodeException(
                        path,
                        "no video frame could be decoded"
                                + (damagedPackets > 0
                                        ? " (" + damagedPackets + " damaged packets)"
                                        : ""));
            }
            RgbFrame frame = convertLatest();
            if (lastIndex < target) {
                LOG.debug(
                        "{}: frame {} is past the end (last frame {}), using the last frame",
                        path,
                        target,
                        lastIndex);
                Arrays.fill(byWanted, w, wanted.length, frame);
                break;
            }
            while (w < wanted.length && wanted[w] <= lastIndex) {
                byWanted[w++] = frame;
            }
        }
    }

    /**
     * Frames decoded so far (converted or not).
     *
     * @return the count
     */
    final int framesDecoded() {
        return framesDecoded;
    }

    /**
     * Packets decoded with non-reference frames skipped, because no one wanted their frame.
     *
     * @return the count
     */
    final int packetsSkipped() {
        return packetsSkipped;
    }

    /**
     * Seeks made so far (each back-off counts).
     *
     * @return the count
     */
    final int seeks() {
        return seeks;
    }

    /**
     * Times the file was reopened to go back to the start.
     *
     * @return the count
     */
    final int restarts() {
        return restarts;
    }

    /** Records the frame just decoded as the latest one. */
    private void accept() {
        framesDecoded++;
        long pts = takeDecoded();
        int index = lastIndex + 1;
        if (!firstPtsKnown && !ptsIndexing) {
            if (pts != NO_PTS) {
                firstPts = pts;
                firstPtsKnown = true;
            } else {
                seekable = false;
            }
        } else if (ptsIndexing && pts != NO_PTS) {
            index = (int) Math.round((pts - firstPts) / ticksPerFrame);
        }
        lastIndex = index;
        lastValid = true;
    }

    private boolean shouldSeek(int target) {
        if (strategy == ReadStrategy.SEQUENTIAL || !seekable) {
            return false;
        }
        int forward = target - lastIndex;
        if (forward <= 1) {
            return false;
        }
        if (strategy == ReadStrategy.SEEK) {
            return true;
        }
        if (forward <= MIN_SEEK_GAP || !constantRate) {
            return false;
        }
        int keyframe = keyframeAtOrBefore(target);
        if (keyframe <= lastIndex) {
            return false;
        }
        return target - keyframe + 1 + SEEK_OVERHEAD_FRAMES < forward;
    }

    /** The last keyframe at or before a frame: from the container index, or an estimate. */
    private int keyframeAtOrBefore(int target) {
        if (!keyframesLoaded) {
            indexedKeyframes = loadKeyframeIndex();
            keyframesLoaded = true;
        }
        if (indexedKeyframes != null) {
            int at = Arrays.binarySearch(indexedKeyframes, target);
            return at >= 0 ? indexedKeyframes[at] : at == -1 ? 0 : indexedKeyframes[-at - 2];
        }
        Integer learned = landedKeyframes.floor(target);
        int estimate = Math.max(0, target - ASSUMED_KEYFRAME_INTERVAL / 2);
        return learned != null && target - learned < ASSUMED_KEYFRAME_INTERVAL ? learned : estimate;
    }

    /**
     * Keyframe numbers from the container index when it lists every frame (MP4, AVI): the n-th
     * entry is the n-th frame in decode order, and a keyframe's decode and display positions agree.
     */
    private int[] loadKeyframeIndex() {
        int entries = indexEntryCount();
        if (!info.frameCountExact() || entries != info.frameCount()) {
            return null;
        }
        int[] keyframes = new int[entries];
        int count = 0;
        for (int i = 0; i < entries; i++) {
            if (indexEntryIsKeyframe(i)) {
                keyframes[count++] = i;
            }
        }
        return count > 0 ? Arrays.copyOf(keyframes, count) : null;
    }

    /**
     * Positions the decoder so that the next frames lead to {@code target}: seeks to the keyframe
     * before it and decodes the first frame. MP4 seeks go by decode timestamps and can land after
     * the target when there are B-frames; then it backs off and seeks again.
     */
    private void seekTo(int target) throws IOException {
        if (!firstPtsKnown && lastIndex < 0 && seekable) {
            if (decodeNext()) { // learn the first frame's timestamp
                accept();
                if (lastIndex >= target) {
                    return;
                }
            }
        }
        if (!seekable || !firstPtsKnown) {
            if (target <= lastIndex) {
                restart();
            }
            return;
        }
        long targetTs = firstPts + Math.round(target * ticksPerFrame);
        long backOff = 0;
        for (int attempt = 0; attempt < MAX_SEEK_ATTEMPTS; attempt++) {
            long ts = targetTs - backOff;
            boolean atStart = ts <= firstPts;
            seeks++;
            if (!seekNative(ts)) {
                LOG.debug("{}: seek to frame {} failed; decoding from the start", path, target);
                seekable = false;
                restart();
                return;
            }
            resetStreamState();
            ptsIndexing = true;
            if (decodeNext()) {
                accept();
                if (lastIndex <= target || atStart) {
                    landedKeyframes.add(lastIndex);
                    return;
                }
            } else if (atStart) {
                return; // nothing decodable from the start: read() reports it
            }
            backOff = Math.max(2 * backOff, Math.round(ticksPerFrame * 8));
        }
        LOG.debug("{}: seeks kept landing after frame {}; decoding from the start", path, target);
        restart();
    }

    private void resetStreamState() {
        resetDecodeState();
        lastValid = false;
        lastIndex = -1;
    }

    /**
     * Closes and reopens the file: the fallback when seeking backwards fails.
     *
     * @throws IOException if reopening fails
     */
    private void restart() throws IOException {
        restarts++;
        releaseNative();
        resetStreamState();
        ptsIndexing = false;
        firstPtsKnown = false;
        openNative();
    }

    /**
     * Whether a packet's frame may be dropped if it is a non-reference frame: its display index
     * (from the packet timestamp) is known, not wanted, and not near the end. Frames are then
     * numbered by timestamp, which agrees with counting on constant-frame-rate video.
     *
     * @param pts the packet's presentation timestamp, or {@link #NO_PTS}
     * @return whether to skip
     */
    final boolean canSkip(long pts) {
        if (wantedNow == null
                || !constantRate
                || !firstPtsKnown
                || !info.frameCountExact()
                || pts == NO_PTS
                || ticksPerFrame <= 0) {
            return false;
        }
        long index = Math.round((pts - firstPts) / ticksPerFrame);
        if (index <= lastIndex || index >= info.frameCount() - END_MARGIN) {
            return false;
        }
        boolean skip =
                index <= Integer.MAX_VALUE && Arrays.binarySearch(wantedNow, (int) index) < 0;
        if (skip) {
            ptsIndexing = true;
            packetsSkipped++;
        }
        return skip;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            releaseNative();
        }
    }
}
