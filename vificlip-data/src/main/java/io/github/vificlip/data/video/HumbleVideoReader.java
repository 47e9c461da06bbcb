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
import java.nio.file.Path;

/**
 * A {@link VideoReader} on Humble Video. See {@link HumbleVideoDecoder} for what it handles; frame
 * selection is {@link AbstractVideoReader}'s.
 */
final class HumbleVideoReader extends AbstractVideoReader {

    private static final long AVDISCARD_DEFAULT = 0;
    private static final long AVDISCARD_NONREF = 8;

    private final PictureConverter converter = new PictureConverter();

    private Demuxer demuxer;
    private DemuxerStream stream;
    private Decoder decoder;
    private int streamIndex;
    private MediaPacket packet;
    private final MediaPicture[] pictures = new MediaPicture[2];
    private int current;

    private boolean packetPending;
    private int packetOffset;
    private boolean endOfStream;
    private boolean drained;
    private boolean skipping;

    private HumbleVideoReader(Path path, ReadStrategy strategy) {
        super(path, strategy);
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
        HumbleNative.ensureLoaded();
        HumbleVideoReader reader = new HumbleVideoReader(path, strategy);
        reader.start();
        return reader;
    }

    @Override
    void openNative() throws IOException {
        openContainer();
        findVideoStream();
        openDecoder();
        packet = MediaPacket.make();
        for (int i = 0; i < pictures.length; i++) {
            pictures[i] =
                    MediaPicture.make(
                            decoder.getWidth(), decoder.getHeight(), decoder.getPixelFormat());
        }
        current = 0;
        resetDecodeState();
    }

    private void openContainer() throws IOException {
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
    }

    /** Takes the first stream that has a video decoder, and frees the others' handles. */
    private void findVideoStream() throws IOException {
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
    }

    /** Opens the video decoder single-threaded, refusing a codec without one or a frame size. */
    private void openDecoder() throws IOException {
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
        FrameSizeLimit.check(path, decoder.getWidth(), decoder.getHeight());
    }

    @Override
    StreamFacts facts() {
        // Either rational can be missing in a damaged file.
        Rational rate = stream.getFrameRate();
        Rational timeBase = stream.getTimeBase();
        double fps =
                rate != null && rate.getNumerator() > 0 && rate.getDenominator() > 0
                        ? rate.getDouble()
                        : 0;
        double tb = timeBase != null && timeBase.getDenominator() > 0 ? timeBase.getDouble() : 0;
        HumbleNative.deleteAll(rate, timeBase);
        long containerDuration = demuxer.getDuration();
        long streamDuration = stream.getDuration();
        DemuxerFormat format = demuxer.getFormat();
        Codec codec = decoder.getCodec();
        String container = format.getName();
        String codecName = codec.getName();
        format.delete();
        codec.delete();
        return new StreamFacts(
                container,
                codecName,
                decoder.getWidth(),
                decoder.getHeight(),
                fps,
                tb,
                containerDuration > 0 && containerDuration != Global.NO_PTS
                        ? containerDuration / 1e6
                        : 0,
                streamDuration != Global.NO_PTS ? streamDuration : 0,
                stream.getNumFrames());
    }

    @Override
    long takeDecoded() {
        long pts = pictures[current].getTimeStamp();
        current = 1 - current;
        return pts;
    }

    @Override
    RgbFrame convertLatest() throws VideoDecodeException {
        return converter.convert(pictures[1 - current], decoder, path);
    }

    @Override
    boolean seekNative(long timestamp) throws IOException {
        int result;
        try {
            result = demuxer.seek(streamIndex, Long.MIN_VALUE, timestamp, timestamp, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while seeking in " + path);
        } catch (IOException | RuntimeException e) {
            result = -1;
        }
        if (result < 0) {
            return false;
        }
        decoder.flush();
        return true;
    }

    @Override
    void resetDecodeState() {
        packetPending = false;
        endOfStream = false;
        drained = false;
    }

    @Override
    int indexEntryCount() {
        return stream.getNumIndexEntries();
    }

    @Override
    boolean indexEntryIsKeyframe(int entry) {
        IndexEntry indexEntry = stream.getIndexEntry(entry);
        if (indexEntry == null) {
            return false;
        }
        boolean keyframe = indexEntry.isKeyFrame();
        indexEntry.delete();
        return keyframe;
    }

    @Override
    boolean decodeNext() {
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

    @Override
    void setSkipping(boolean skip) {
        if (skip != skipping && decoder != null) {
            decoder.setProperty("skip_frame", skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
            skipping = skip;
        }
    }

    private static String backendMessage(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    void releaseNative() {
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
        decoder = null;
        stream = null;
        skipping = false;
    }
}
