#!/usr/bin/env bash
# Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
#
# Makes the small clips and golden RGB frames behind ExactRgbTest and RgbConverterGoldenTest:
# what the ffmpeg command line (Debian's ffmpeg 5.1, x86-64) decodes them to with
#   ffmpeg -i CLIP -f rawvideo -pix_fmt rgb24 -
# Run once, from anywhere; needs bash, ffmpeg (with libx264, libvpx, libxvid), gzip and python3
# (for seeded noise). The tests themselves need none of these.
#
# Writes into ../resources/io/github/vificlip/data/video/exact/:
#   clips/NAME            the clip (2 or 3 frames of testsrc2: sharp colour edges, gradients)
#   clips/NAME.rgb.gz     every frame as ffmpeg's rgb24 bytes, frame after frame
#   planes/NAME.yuv.gz    (converter cases only) ffmpeg's decoded planes, frame after frame
#   clips.tsv             name, width, height, frames, decoded pixel format, allowed difference
#   planes.tsv            name, width, height, frames, PlanarFormat, full range, YuvMatrix
#   noise/F-RANGE.yuv.gz  seeded random planes at every size from 1x1 to 12x12 (width-major)
#   noise/F-RANGE.rgb.gz  what ffmpeg converts each of them to
#   noise.tsv             name, largest size, PlanarFormat, full range
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/io/github/vificlip/data/video/exact"
rm -rf "$out"
mkdir -p "$out/clips" "$out/planes" "$out/noise"

ffmpeg -version | head -1 | sed 's/^/# /' > "$out/clips.tsv"
echo "# name	width	height	frames	pix_fmt	max_difference" >> "$out/clips.tsv"
ffmpeg -version | head -1 | sed 's/^/# /' > "$out/planes.tsv"
echo "# name	width	height	frames	format	full_range	matrix" >> "$out/planes.tsv"
ffmpeg -version | head -1 | sed 's/^/# /' > "$out/noise.tsv"
echo "# name	max_size	format	full_range" >> "$out/noise.tsv"

# clip NAME WIDTH HEIGHT FRAMES MAX_DIFFERENCE ENCODER_ARGS...
# testsrc2 only makes even sizes: make the next even size in RGB and crop it exactly.
clip() {
  local name=$1 w=$2 h=$3 n=$4 maxdiff=$5
  shift 5
  ffmpeg -nostdin -v error -y -f lavfi \
    -i "testsrc2=s=$((w + w % 2))x$((h + h % 2)):r=25,format=rgb24,crop=$w:$h:0:0" \
    -frames:v "$n" "$@" "$out/clips/$name"
  ffmpeg -nostdin -v error -i "$out/clips/$name" -f rawvideo -pix_fmt rgb24 - \
    | gzip -9n > "$out/clips/$name.rgb.gz"
  local frames pix
  frames=$(( $(gzip -dc "$out/clips/$name.rgb.gz" | wc -c) / (w * h * 3) ))
  pix=$(ffprobe -v error -select_streams v:0 -show_entries stream=pix_fmt -of csv=p=0 \
    "$out/clips/$name")
  printf '%s\t%d\t%d\t%d\t%s\t%d\n' "$name" "$w" "$h" "$frames" "$pix" "$maxdiff" \
    >> "$out/clips.tsv"
}

# planes NAME PIX_FMT FORMAT FULL_RANGE MATRIX: a clip's decoded planes for the converter alone.
planes() {
  local name=$1 pix=$2 format=$3 full=$4 matrix=$5 w h n
  w=$(ffprobe -v error -select_streams v:0 -show_entries stream=width -of csv=p=0 \
    "$out/clips/$name")
  h=$(ffprobe -v error -select_streams v:0 -show_entries stream=height -of csv=p=0 \
    "$out/clips/$name")
  ffmpeg -nostdin -v error -i "$out/clips/$name" -f rawvideo -pix_fmt "$pix" - \
    | gzip -9n > "$out/planes/$name.yuv.gz"
  n=$(( $(gzip -dc "$out/clips/$name.rgb.gz" | wc -c) / (w * h * 3) ))
  printf '%s\t%d\t%d\t%d\t%s\t%s\t%s\n' "$name" "$w" "$h" "$n" "$format" "$full" "$matrix" \
    >> "$out/planes.tsv"
}

x264=(-c:v libx264 -preset veryfast)
vp8=(-c:v libvpx -b:v 1M)
vp9=(-c:v libvpx-vp9 -b:v 1M -deadline good -cpu-used 4)

# Every width from 16 to 64: VP9 at an even height (the special converter), VP8 at an odd height
# (the general path), H.264 4:2:0 at even widths (its only ones), H.264 4:4:4 at odd widths.
for w in $(seq 16 64); do
  clip "vp9-yuv420p-${w}x24.webm" "$w" 24 2 0 "${vp9[@]}" -pix_fmt yuv420p
  clip "vp8-yuv420p-${w}x25.webm" "$w" 25 2 0 "${vp8[@]}" -pix_fmt yuv420p
  if (( w % 2 == 0 )); then
    clip "h264-yuv420p-${w}x22.mp4" "$w" 22 2 0 "${x264[@]}" -pix_fmt yuv420p
  else
    clip "h264-yuv444p-${w}x23.mp4" "$w" 23 2 0 "${x264[@]}" -pix_fmt yuv444p
  fi
done

# Common dataset sizes (UCF101, HMDB51, Kinetics and SSv2 copies); one frame each to keep the
# goldens small (inter frames are covered above and below).
for s in 320x240 340x256 426x240 427x240 454x256 480x360 640x480 427x241 426x241; do
  w=${s%x*}
  h=${s#*x}
  clip "vp9-yuv420p-$s.webm" "$w" "$h" 1 0 "${vp9[@]}" -pix_fmt yuv420p
  if (( w * h < 300000 )); then
    clip "vp8-yuv420p-$s.webm" "$w" "$h" 1 0 "${vp8[@]}" -pix_fmt yuv420p
  fi
  if (( w % 2 == 0 && h % 2 == 0 )); then
    clip "h264-yuv420p-$s.mp4" "$w" "$h" 1 0 "${x264[@]}" -pix_fmt yuv420p
  fi
done

# Pixel formats, ranges and colour tags.
clip h264-yuvj420p-426x240.mp4 426 240 2 0 "${x264[@]}" -pix_fmt yuvj420p
clip h264-yuv420p-bt709-426x240.mp4 426 240 2 0 "${x264[@]}" -pix_fmt yuv420p \
  -colorspace bt709 -color_primaries bt709 -color_trc bt709 -color_range tv
clip h264-yuv420p-bt2020-320x240.mp4 320 240 2 0 "${x264[@]}" -pix_fmt yuv420p \
  -colorspace bt2020nc -color_range tv
clip h264-yuv422p-426x240.mp4 426 240 2 0 "${x264[@]}" -pix_fmt yuv422p
clip h264-yuv422p-426x241.mp4 426 241 2 0 "${x264[@]}" -pix_fmt yuv422p
clip h264-yuv444p-427x241.mp4 427 241 2 0 "${x264[@]}" -pix_fmt yuv444p
clip h264-yuvj444p-320x240.mp4 320 240 2 0 "${x264[@]}" -pix_fmt yuvj444p
clip h264-yuv420p10le-426x240.mp4 426 240 2 0 "${x264[@]}" -pix_fmt yuv420p10le
clip h264-yuv422p10le-426x241.mp4 426 241 2 0 "${x264[@]}" -pix_fmt yuv422p10le
clip h264-yuv444p10le-61x35.mp4 61 35 2 0 "${x264[@]}" -pix_fmt yuv444p10le
clip vp9-yuv420p-pc-427x240.webm 427 240 2 0 "${vp9[@]}" -pix_fmt yuv420p -color_range pc
clip vp9-yuv420p-bt709-427x241.webm 427 241 2 0 "${vp9[@]}" -pix_fmt yuv420p -colorspace bt709
clip vp9-yuv422p-427x241.webm 427 241 2 0 "${vp9[@]}" -pix_fmt yuv422p
clip vp9-yuv422p-427x240.webm 427 240 2 0 "${vp9[@]}" -pix_fmt yuv422p
clip vp9-yuv444p-427x241.webm 427 241 2 0 "${vp9[@]}" -pix_fmt yuv444p
clip vp9-gbrp-427x241.webm 427 241 2 0 "${vp9[@]}" -pix_fmt gbrp
# FFmpeg 2.8's VP9 decoder differs from 5.1's on 10-bit inter frames: ExactRgbTest checks the
# first (key) frame of this clip only; RgbConverterGoldenTest checks every frame from ffmpeg's planes.
clip vp9-yuv420p10le-427x241.webm 427 241 2 0 "${vp9[@]}" -pix_fmt yuv420p10le
# MPEG-4 part 2: libxvid's streams decode identically in FFmpeg 2.8 and 5.1 here; streams from
# FFmpeg's own encoder (quarter-pixel, B-frames) differ by up to 3 levels (the IDCT changed).
clip xvid-yuv420p-320x240.avi 320 240 3 0 -c:v libxvid -q:v 4
clip mpeg4-qpel-yuv420p-320x240.avi 320 240 3 3 -c:v mpeg4 -q:v 5 -bf 2 -flags +qpel+mv4 \
  -vtag DIVX

# The converter alone, on ffmpeg's own decoded planes.
planes vp9-yuv420p10le-427x241.webm yuv420p10le YUV420P10 false BT601
planes h264-yuv422p10le-426x241.mp4 yuv422p10le YUV422P10 false BT601
planes h264-yuv444p10le-61x35.mp4 yuv444p10le YUV444P10 false BT601
planes vp9-yuv420p-427x241.webm yuv420p YUV420P false BT601
planes vp8-yuv420p-427x240.webm yuv420p YUV420P false BT601
planes h264-yuvj420p-426x240.mp4 yuvj420p YUV420P true BT601
planes h264-yuv420p-bt709-426x240.mp4 yuv420p YUV420P false BT709
planes h264-yuv420p-bt2020-320x240.mp4 yuv420p YUV420P false BT2020
planes vp9-yuv422p-427x241.webm yuv422p YUV422P false BT601
planes vp9-yuv444p-427x241.webm yuv444p YUV444P false BT601
planes vp9-gbrp-427x241.webm gbrp GBRP true BT601

# noise PIX_FMT FORMAT RANGE: seeded random planes at every size up to 12x12, converted by ffmpeg.
noise() {
  local pix=$1 format=$2 range=$3 name="$1-$3" w h
  local yuv="$out/noise/$name.yuv" rgb="$out/noise/$name.rgb"
  : > "$yuv"
  : > "$rgb"
  for w in $(seq 1 12); do
    for h in $(seq 1 12); do
      python3 - "$pix" "$w" "$h" > "$out/noise/frame.yuv" <<'PY'
import random, sys
pix, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sx = 1 if pix.startswith(("yuv420p", "yuv422p")) else 0
sy = 1 if pix.startswith("yuv420p") else 0
cw, ch = -(-w >> sx), -(-h >> sy)
rng = random.Random(w * 1000 + h)
bits = 10 if pix.endswith("10le") else 8
out = bytearray()
for n in (w * h, cw * ch, cw * ch):
    for _ in range(n):
        v = rng.randrange(1 << bits)
        out += bytes([v & 255, v >> 8]) if bits > 8 else bytes([v])
sys.stdout.buffer.write(out)
PY
      cat "$out/noise/frame.yuv" >> "$yuv"
      ffmpeg -nostdin -v error -f rawvideo -pix_fmt "$pix" -s "$w"x"$h" -color_range "$range" \
        -i "$out/noise/frame.yuv" -f rawvideo -pix_fmt rgb24 - >> "$rgb"
    done
  done
  rm "$out/noise/frame.yuv"
  gzip -9n "$yuv" "$rgb"
  printf '%s\t%d\t%s\t%s\n' "$name" 12 "$format" "$([[ $range == pc ]] && echo true || echo false)" \
    >> "$out/noise.tsv"
}

noise yuv420p YUV420P tv
noise yuv420p YUV420P pc
noise yuv422p YUV422P tv
noise yuv444p YUV444P tv
noise yuv420p10le YUV420P10 tv
noise yuv444p10le YUV444P10 pc

du -sh "$out"
