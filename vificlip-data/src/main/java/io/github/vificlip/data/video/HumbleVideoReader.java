/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import io.humble.video.Codec;
import io.humble.video.Decoder;
import io.humble.video.Demuxer;
import io.humble.video.DemuxerFormat;
import io.humble.video.DemuxerStream;
import io.humble.video.Global;
import io.humble.video.IndexEntry;
import io.humble.video.KeyValueBag;
import io.humble.video.MediaDescriptor;
import io.humble.video.MediaPacket;
import io.humble.video.MediaPicture;
import io.humble.video.Rational;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link VideoReader} on Humble Video. See {@link HumbleVideoDecoder} for what it handles.
 *
 * <p>Frames are numbered in display order. Decoding from the start counts them; after a seek the
 * number comes from the frame's timestamp relative to the first frame's (so the two agree on
 * constant-frame-rate video, including AVI files whose timestamps start at 1).
 */
final class HumbleVideoReader implements VideoReader {

    private static final Logger LOG = LoggerFactory.getLogger(HumbleVideoReader.class);

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

    private static final long AVDISCARD_DEFAULT = 0;
    private static final long AVDISCARD_NONREF = 8;

    private final Path path;
    private final ReadStrategy strategy;
    private final PictureConverter converter = new PictureConverter();
    private final TreeSet<Integer> landedKeyframes = new TreeSet<>();

    private Demuxer demuxer;
    private DemuxerStream stream;
    private Decoder decoder;
    private int streamIndex;
    private MediaPacket packet;
    private final MediaPicture[] pictures = new MediaPicture[2];
    private int current;

    private VideoInfo info;
    private double ticksPerFrame;
    private int[] indexedKeyframes;
    private boolean keyframesLoaded;
    private boolean seekable = true;
    private boolean constantRate = true;

    private boolean packetPending;
    private int packetOffset;
    private boolean endOfStream;
    private boolean drained;
    private int lastIndex = -1;
    private boolean lastValid;
    private boolean ptsIndexing;
    private boolean firstPtsKnown;
    private long firstPts;
    private int damagedPackets;
    private boolean closed;

    // What the reader did, for tests and benchmarks.
    private int framesDecoded;
    private int seeks;
    private int restarts;
    private int packetsSkipped;

    // Skipping: non-reference frames that no one asked for are not decoded at all.
    private int[] wantedNow;
    private boolean skipping;

    private HumbleVideoReader(Path path, ReadStrategy strategy) {
        this.path = path;
        this.strategy = strategy;
    }

    /**
     * Opens a file, finds its first video stream and reads the metadata.
     *
     * @param path the video
     * @param strategy how frames are reached
     * @return the open reader
     * @throws IOException if the file is unusable, naming the file and the reason
     */
    static HumbleVideoReader open(Path path, ReadStrategy strategy) throws IOException {
        checkFile(path);
        HumbleNative.ensureLoaded();
        HumbleVideoReader reader = new HumbleVideoReader(path, strategy);
        try {
            reader.openNative();
            reader.info = reader.readInfo();
            return reader;
        } catch (IOException | RuntimeException | Error e) {
            reader.close();
            throw e;
        }
    }

    private static void checkFile(Path path) throws VideoDecodeException {
        if (Files.isDirectory(path)) {
            throw new VideoDecodeException(path, "is a directory, not a video file");
        }
        if (!Files.exists(path)) {
            throw new VideoDecodeException(path, "no such file");
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
    }

    private void openNative() throws IOException {
        demuxer = Demuxer.make();
        try {
            synchronized (HumbleNative.LOCK) {
                // "file:" keeps FFmpeg from reading "a:b.mp4" as protocol "a".
                demuxer.open("file:" + path.toAbsolutePath(), null, false, true, null, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while opening " + path);
        } catch (IOException | RuntimeException e) {
            throw new VideoDecodeException(
                    path, "not a readable video container (" + backendMessage(e) + ")", e);
        }
        int streams;
        try {
            streams = demuxer.getNumStreams();
            for (int i = 0; i < streams && decoder == null; i++) {
                DemuxerStream candidate = demuxer.getStream(i);
                Decoder candidateDecoder = candidate.getDecoder();
                if (candidateDecoder != null
                        && candidateDecoder.getCodecType() == MediaDescriptor.Type.MEDIA_VIDEO) {
                    stream = candidate;
                    decoder = candidateDecoder;
                    streamIndex = i;
                } else {
                    HumbleNative.deleteAll(candidateDecoder, candidate);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while opening " + path);
        }
        if (decoder == null) {
            throw new VideoDecodeException(
                    path, "has no video stream (" + streams + " streams in the container)");
        }
        Codec codec = decoder.getCodec();
        if (codec == null) {
            throw new VideoDecodeException(
                    path, "no decoder for its video codec " + decoder.getCodecID());
        }
        codec.delete();
        KeyValueBag options = HumbleNative.singleThreadOptions();
        try {
            synchronized (HumbleNative.LOCK) {
                decoder.open(options, null);
            }
        } catch (RuntimeException e) {
            throw new VideoDecodeException(
                    path, "cannot open its video decoder (" + backendMessage(e) + ")", e);
        } finally {
            options.delete();
        }
        if (decoder.getWidth() <= 0 || decoder.getHeight() <= 0) {
            throw new VideoDecodeException(path, "video stream has no frame size");
        }
        packet = MediaPacket.make();
        for (int i = 0; i < pictures.length; i++) {
            pictures[i] =
                    MediaPicture.make(
                            decoder.getWidth(), decoder.getHeight(), decoder.getPixelFormat());
        }
    }

    private VideoInfo readInfo() throws IOException {
        // Either can be missing in a damaged file.
        Rational rate = stream.getFrameRate();
        Rational timeBase = stream.getTimeBase();
        double fps =
                rate != null && rate.getNumerator() > 0 && rate.getDenominator() > 0
                        ? rate.getDouble()
                        : 0;
        double tb = timeBase != null && timeBase.getDenominator() > 0 ? timeBase.getDouble() : 0;
        HumbleNative.deleteAll(rate, timeBase);

        double duration = 0;
        long containerDuration = demuxer.getDuration();
        long streamDuration = stream.getDuration();
        if (containerDuration > 0 && containerDuration != Global.NO_PTS) {
            duration = containerDuration / 1e6;
        } else if (streamDuration > 0 && streamDuration != Global.NO_PTS) {
            duration = streamDuration * tb;
        }
        long counted = stream.getNumFrames();
        boolean exact = counted > 0;
        int frames = (int) Math.min(Integer.MAX_VALUE, counted);
        if (!exact && fps > 0 && duration > 0) {
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
        if (exact && streamDuration > 0 && streamDuration != Global.NO_PTS && fps > 0) {
            // Timestamps stand for frame numbers only at a constant rate: the frame count must
            // match the stream duration. Otherwise frames are only ever counted.
            constantRate = Math.abs(streamDuration * tb * fps - frames) < 1.0;
        }
        if (frames <= 0) {
            frames = countFrames();
            exact = true;
        }
        if (duration <= 0 && fps > 0) {
            duration = frames / fps;
        }
        DemuxerFormat format = demuxer.getFormat();
        Codec codecInfo = decoder.getCodec();
        String container = format.getName();
        String codec = codecInfo.getName();
        format.delete();
        codecInfo.delete();
        return new VideoInfo(
                path,
                container,
                codec,
                decoder.getWidth(),
                decoder.getHeight(),
                fps,
                frames,
                exact,
                duration);
    }

    /** Counts frames by decoding everything, for files whose container gives no estimate. */
    private int countFrames() throws IOException {
        int count = 0;
        while (decodeNext()) {
            count++;
        }
        if (count == 0) {
            throw new VideoDecodeException(path, "no video frame could be decoded");
        }
        restart();
        return count;
    }

    @Override
    public VideoInfo info() {
        return info;
    }

    @Override
    public RgbFrame[] read(int[] indices) throws IOException {
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
            RgbFrame frame = converter.convert(pictures[1 - current], decoder, path);
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

    /** Frames decoded so far (converted or not). */
    int framesDecoded() {
        return framesDecoded;
    }

    /** Packets decoded with non-reference frames skipped, because no one wanted their frame. */
    int packetsSkipped() {
        return packetsSkipped;
    }

    /** Seeks made so far (each back-off counts). */
    int seeks() {
        return seeks;
    }

    /** Times the file was reopened to go back to the start. */
    int restarts() {
        return restarts;
    }

    /** Records the picture just decoded as the latest frame and swaps the decode buffer. */
    private void accept() {
        framesDecoded++;
        MediaPicture picture = pictures[current];
        long pts = picture.getTimeStamp();
        int index = lastIndex + 1;
        if (!firstPtsKnown && !ptsIndexing) {
            if (pts != Global.NO_PTS) {
                firstPts = pts;
                firstPtsKnown = true;
            } else {
                seekable = false;
            }
        } else if (ptsIndexing && pts != Global.NO_PTS) {
            index = (int) Math.round((pts - firstPts) / ticksPerFrame);
        }
        lastIndex = index;
        lastValid = true;
        current = 1 - current;
    }

    private boolean shouldSeek(int target) throws IOException {
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
        int entries = stream.getNumIndexEntries();
        if (!info.frameCountExact() || entries != info.frameCount()) {
            return null;
        }
        int[] keyframes = new int[entries];
        int count = 0;
        for (int i = 0; i < entries; i++) {
            IndexEntry entry = stream.getIndexEntry(i);
            if (entry != null) {
                if (entry.isKeyFrame()) {
                    keyframes[count++] = i;
                }
                entry.delete();
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
            int result;
            seeks++;
            try {
                result = demuxer.seek(streamIndex, Long.MIN_VALUE, ts, ts, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while seeking in " + path);
            } catch (IOException | RuntimeException e) {
                result = -1;
            }
            if (result < 0) {
                LOG.debug("{}: seek to frame {} failed; decoding from the start", path, target);
                seekable = false;
                restart();
                return;
            }
            decoder.flush();
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
        packetPending = false;
        endOfStream = false;
        drained = false;
        lastValid = false;
        lastIndex = -1;
    }

    /** Closes and reopens the file: the fallback when seeking backwards fails. */
    private void restart() throws IOException {
        restarts++;
        releaseNative();
        skipping = false;
        decoder = null;
        stream = null;
        resetStreamState();
        ptsIndexing = false;
        firstPtsKnown = false;
        current = 0;
        openNative();
    }

    /**
     * Decodes the next frame into {@code pictures[current]}, skipping damaged packets and treating
     * a failed read as the end of the file.
     *
     * @return false at the end of the stream
     */
    private boolean decodeNext() {
        MediaPicture picture = pictures[current];
        while (true) {
            if (packetPending) {
                int used;
                try {
                    used = decoder.decode(picture, packet, packetOffset);
                } catch (RuntimeException e) {
                    used = -1;
                    damagedPackets++;
                }
                if (used <= 0) {
                    packetPending = false;
                    continue;
                }
                packetOffset += used;
                packetPending = packetOffset < packet.getSize();
                if (picture.isComplete()) {
                    return true;
                }
                continue;
            }
            if (endOfStream) {
                if (drained) {
                    return false;
                }
                try {
                    decoder.decode(picture, null, 0); // flush frames held for reordering
                } catch (RuntimeException e) {
                    drained = true;
                    return false;
                }
                if (picture.isComplete()) {
                    return true;
                }
                drained = true;
                return false;
            }
            int read;
            try {
                read = demuxer.read(packet);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                read = -1;
            } catch (IOException | RuntimeException e) {
                read = -1;
                damagedPackets++;
            }
            if (read < 0) {
                endOfStream = true;
            } else if (packet.getStreamIndex() == streamIndex && packet.getSize() > 0) {
                packetPending = true;
                setSkipping(canSkip(packet.getPts()));
                packetOffset = 0;
            }
        }
    }

    /**
     * Whether the packet's frame may be dropped if it is a non-reference frame: its display index
     * (from the packet timestamp) is known, not wanted, and not near the end. Frames are then
     * numbered by timestamp, which agrees with counting on constant-frame-rate video.
     */
    private boolean canSkip(long pts) {
        if (wantedNow == null
                || !constantRate
                || !firstPtsKnown
                || !info.frameCountExact()
                || pts == Global.NO_PTS
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

    /** Sets FFmpeg's {@code skip_frame} to non-reference or back to default when it changes. */
    private void setSkipping(boolean skip) {
        if (skip != skipping && decoder != null) {
            decoder.setProperty("skip_frame", skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
            skipping = skip;
        }
    }

    private static String backendMessage(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private void releaseNative() {
        if (demuxer != null) {
            synchronized (HumbleNative.LOCK) {
                try {
                    demuxer.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException | RuntimeException ignored) {
                    // A demuxer that failed to open cannot be closed; it is deleted below.
                }
            }
        }
        HumbleNative.deleteAll(pictures[0], pictures[1], packet, decoder, stream, demuxer);
        pictures[0] = null;
        pictures[1] = null;
        packet = null;
        demuxer = null;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            releaseNative();
        }
    }
}
