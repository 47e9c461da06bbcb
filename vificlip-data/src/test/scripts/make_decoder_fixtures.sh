#!/bin/sh
# Makes the decoder fixture clips and their golden RGB, once, with the ffmpeg command line
# (Debian's ffmpeg 5.1: libx264, libx265, libaom, libvpx; the goldens decode with -threads 1).
# Tests read the committed outputs and need neither ffmpeg nor this script.
#   clip: 12 frames of testsrc2 at 70x42 (a width that is not a multiple of 8) or at the odd
#         size in its name, 25 fps, a keyframe every 5 frames where the encoder allows it.
#   <clip>.rgb.gz: every frame as the command line's rgb24, concatenated, gzip-compressed.
set -eu
out="$(dirname "$0")/../resources/io/github/vificlip/data/video/fixtures"
mkdir -p "$out"
src="-f lavfi -i testsrc2=size=70x42:rate=25 -frames:v 12"
enc() { name=$1; shift; ffmpeg -v error -y $src "$@" -map_metadata -1 -fflags +bitexact "$out/$name"; }
enc h264.mp4 -c:v libx264 -preset veryfast -g 5 -bf 2 -pix_fmt yuv420p
enc hevc.mp4 -c:v libx265 -preset veryfast -x265-params keyint=5:bframes=2:log-level=error -pix_fmt yuv420p -tag:v hvc1
enc av1.webm -c:v libaom-av1 -cpu-used 8 -g 5 -crf 40 -pix_fmt yuv420p
enc av1.mp4 -c:v libaom-av1 -cpu-used 8 -g 5 -crf 40 -pix_fmt yuv420p
enc vp8.webm -c:v libvpx -g 5 -b:v 200k -pix_fmt yuv420p
enc vp9.webm -c:v libvpx-vp9 -g 5 -b:v 200k -pix_fmt yuv420p
enc vp9-444.webm -c:v libvpx-vp9 -g 5 -b:v 200k -pix_fmt yuv444p
enc mpeg4.avi -c:v mpeg4 -vtag XVID -g 5 -bf 2 -q:v 4 -pix_fmt yuv420p
enc mjpeg.avi -c:v mjpeg -q:v 4 -pix_fmt yuvj420p
# Odd sizes (testsrc2 makes even sizes only: cropped): the odd-height path of the RGB conversion, odd chroma widths.
src="-f lavfi -i testsrc2=size=34x18:rate=25,format=rgb24,crop=33:17:0:0 -frames:v 12"
enc vp9-33x17.webm -c:v libvpx-vp9 -g 5 -b:v 100k -pix_fmt yuv420p
enc av1-33x17.webm -c:v libaom-av1 -cpu-used 8 -g 5 -crf 40 -pix_fmt yuv420p
src="-f lavfi -i testsrc2=size=46x24:rate=25,format=rgb24,crop=45:23:0:0 -frames:v 12"
enc vp8-45x23.webm -c:v libvpx -g 5 -b:v 100k -pix_fmt yuv420p
enc mjpeg-45x23.avi -c:v mjpeg -q:v 4 -pix_fmt yuvj420p
src="-f lavfi -i testsrc2=size=70x42:rate=25 -frames:v 12"
enc mjpeg-422.avi -c:v mjpeg -q:v 4 -pix_fmt yuvj422p
enc hevc-10bit.mp4 -c:v libx265 -preset veryfast -x265-params keyint=5:log-level=error -pix_fmt yuv420p10le -tag:v hvc1
for clip in h264.mp4 hevc.mp4 av1.webm av1.mp4 vp8.webm vp9.webm vp9-444.webm mpeg4.avi mjpeg.avi mjpeg-422.avi hevc-10bit.mp4 \
        vp9-33x17.webm av1-33x17.webm vp8-45x23.webm mjpeg-45x23.avi; do
    ffmpeg -v error -nostdin -threads 1 -i "$out/$clip" -f rawvideo -pix_fmt rgb24 - \
        | gzip -9n > "$out/$clip.rgb.gz"
done
ls -l "$out"
