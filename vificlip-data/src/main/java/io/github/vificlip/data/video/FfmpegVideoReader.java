/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avformat;

/**
 * A {@link VideoReader} on FFmpeg 8 through bytedeco's presets and the avformat/avcodec C API. See
 * {@link FfmpegVideoDecoder} for what it handles; frame selection is {@link AbstractVideoReader}'s.
 */
final class FfmpegVideoReader extends AbstractVideoReader {

    /** {@code AVERROR(EAGAIN)} on Linux. */
    private static final int AVERROR_EAGAIN = -11;

    /** Decode errors in a row after which the rest of the stream counts as unreadable. */
    private static final int MAX_ERRORS_IN_A_ROW = 1000;

    private final FfmpegFrameConverter converter = new FfmpegFrameConverter();

    private AVFormatContext format;
    private AVStream stream;
    private AVCodecContext decoder;
    private int streamIndex;
    private AVPacket packet;
    private final AVFrame[] frames = new AVFrame[2];
    private int current;

    private boolean endOfStream;
    private boolean flushSent;
    private boolean drained;
    private boolean skipping;

    private FfmpegVideoReader(Path path, ReadStrategy strategy) {
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
    static FfmpegVideoReader open(Path path, ReadStrategy strategy) throws IOException {
        FfmpegNative.ensureLoaded();
        FfmpegVideoReader reader = new FfmpegVideoReader(path, strategy);
        reader.start();
        return reader;
    }

    @Override
    void openNative() throws IOException {
        format = new AVFormatContext(null);
        // "file:" keeps FFmpeg from reading "a:b.mp4" as protocol "a".
        int result =
                avformat_open_input(
                        format, "file:" + path.toAbsolutePath(), null, (AVDictionary) null);
        if (result < 0) {
            format = null; // freed by FFmpeg on failure
            throw new VideoDecodeException(
                    path,
                    "not a readable video container (" + FfmpegNative.errorText(result) + ")");
        }
        result = avformat_find_stream_info(format, (AVDictionary) null);
        if (result < 0) {
            throw new VideoDecodeException(
                    path,
                    "not a readable video container (" + FfmpegNative.errorText(result) + ")");
        }
        streamIndex = firstVideoStream();
        if (streamIndex < 0) {
            throw new VideoDecodeException(
                    path,
                    "has no video stream (" + format.nb_streams() + " streams in the container)");
        }
        stream = format.streams(streamIndex);
        openDecoder(stream.codecpar());
        packet = av_packet_alloc();
        frames[0] = av_frame_alloc();
        frames[1] = av_frame_alloc();
        current = 0;
        resetDecodeState();
    }

    private int firstVideoStream() {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream candidate = format.streams(i);
            boolean picture = (candidate.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0;
            if (candidate.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO && !picture) {
                return i;
            }
        }
        return -1;
    }

    private void openDecoder(AVCodecParameters parameters) throws VideoDecodeException {
        AVCodec codec = avcodec_find_decoder(parameters.codec_id());
        if (codec == null) {
            throw new VideoDecodeException(
                    path,
                    "no decoder for its video codec "
                            + avcodec_get_name(parameters.codec_id()).getString()
                            + " in this FFmpeg build");
        }
        decoder = avcodec_alloc_context3(codec);
        int result = avcodec_parameters_to_context(decoder, parameters);
        if (result >= 0) {
            decoder.thread_count(1);
            decoder.pkt_timebase(stream.time_base());
            result = avcodec_open2(decoder, codec, (AVDictionary) null);
        }
        if (result < 0) {
            throw new VideoDecodeException(
                    path, "cannot open its video decoder (" + FfmpegNative.errorText(result) + ")");
        }
        if (decoder.width() <= 0 || decoder.height() <= 0) {
            throw new VideoDecodeException(path, "video stream has no frame size");
        }
        FrameSizeLimit.check(path, decoder.width(), decoder.height());
    }

    @Override
    StreamFacts facts() {
        AVRational rate = stream.avg_frame_rate();
        if (rate.num() <= 0 || rate.den() <= 0) {
            rate = stream.r_frame_rate();
        }
        double fps = rate.num() > 0 && rate.den() > 0 ? (double) rate.num() / rate.den() : 0;
        AVRational timeBase = stream.time_base();
        double tb = timeBase.den() > 0 ? (double) timeBase.num() / timeBase.den() : 0;
        long containerDuration = format.duration();
        long streamDuration = stream.duration();
        return new StreamFacts(
                format.iformat().name().getString(),
                avcodec_get_name(decoder.codec_id()).getString(),
                decoder.width(),
                decoder.height(),
                fps,
                tb,
                containerDuration > 0 && containerDuration != AV_NOPTS_VALUE
                        ? containerDuration / (double) AV_TIME_BASE
                        : 0,
                streamDuration != AV_NOPTS_VALUE ? streamDuration : 0,
                stream.nb_frames());
    }

    @Override
    boolean decodeNext() {
        AVFrame frame = frames[current];
        int errors = 0;
        while (!drained) {
            int received = avcodec_receive_frame(decoder, frame);
            if (received >= 0) {
                return true;
            }
            if (received == AVERROR_EOF) {
                drained = true;
            } else if (received != AVERROR_EAGAIN) {
                damagedPackets++;
                if (++errors > MAX_ERRORS_IN_A_ROW) {
                    drained = true;
                }
            } else if (endOfStream) {
                if (flushSent) {
                    drained = true;
                } else {
                    avcodec_send_packet(decoder, null); // flush frames held for reordering
                    flushSent = true;
                }
            } else {
                feedNextPacket();
            }
        }
        return false;
    }

    /** Reads one packet and sends it to the decoder if it belongs to the video stream. */
    private void feedNextPacket() {
        int read = av_read_frame(format, packet);
        if (read < 0) {
            if (read != AVERROR_EOF) {
                damagedPackets++;
            }
            endOfStream = true;
            return;
        }
        try {
            // An empty packet would mean "flush" to the decoder.
            if (packet.stream_index() == streamIndex && packet.size() > 0) {
                setSkipping(canSkip(packet.pts()));
                if (avcodec_send_packet(decoder, packet) < 0) {
                    damagedPackets++;
                }
            }
        } finally {
            av_packet_unref(packet);
        }
    }

    @Override
    long takeDecoded() {
        long pts = frames[current].best_effort_timestamp();
        current = 1 - current;
        return pts;
    }

    @Override
    RgbFrame convertLatest() throws VideoDecodeException {
        AVFrame frame = frames[1 - current];
        FrameSizeLimit.check(path, frame.width(), frame.height()); // the size can change mid-stream
        return converter.convert(frame);
    }

    @Override
    boolean seekNative(long timestamp) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("Interrupted while seeking in " + path);
        }
        if (avformat_seek_file(format, streamIndex, Long.MIN_VALUE, timestamp, timestamp, 0) < 0) {
            return false;
        }
        avcodec_flush_buffers(decoder);
        return true;
    }

    @Override
    void resetDecodeState() {
        endOfStream = false;
        flushSent = false;
        drained = false;
    }

    @Override
    int indexEntryCount() {
        return avformat_index_get_entries_count(stream);
    }

    @Override
    boolean indexEntryIsKeyframe(int entry) {
        AVIndexEntry indexEntry = avformat_index_get_entry(stream, entry);
        return indexEntry != null && (indexEntry.flags() & AVIndexEntry.AVINDEX_KEYFRAME) != 0;
    }

    @Override
    void setSkipping(boolean skip) {
        if (skip != skipping && decoder != null) {
            decoder.skip_frame(skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
            skipping = skip;
        }
    }

    @Override
    void releaseNative() {
        converter.close();
        for (int i = 0; i < frames.length; i++) {
            if (frames[i] != null) {
                av_frame_free(frames[i]);
                frames[i] = null;
            }
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (decoder != null) {
            avcodec_free_context(decoder);
            decoder = null;
        }
        if (format != null) {
            avformat_close_input(format);
            format = null;
        }
        stream = null;
        skipping = false;
    }
}
