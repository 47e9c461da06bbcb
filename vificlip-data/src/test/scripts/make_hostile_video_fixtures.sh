#!/bin/sh
# Makes the hostile video fixtures of HostileVideoTest, once, with the ffmpeg command line and
# printf/python3 (for the patched headers). Tests read the committed files and need neither.
#   claims-12000x12000.y4m  a YUV4MPEG2 header claiming a 12000x12000 frame (one 432 MB picture;
#                           FFmpeg accepts the size), then 300 bytes: refused by size.
#   claims-65535x65535.y4m  the same at 65535x65535 (FFmpeg itself refuses the size).
#   rawvideo.y4m            3 grey frames of 16x16 (luma 80 x frame number + x), uncompressed.
#   fps-1000000000.avi      the same frames in MJPEG whose AVI header (strh dwScale, dwRate)
#                           claims 10^9 frames per second.
#   fps-0.avi               the same claiming 0/1 frames per second.
#   claims-2g-frames.avi    6 MJPEG frames of 16x16 whose AVI headers (avih dwTotalFrames, strh
#                           dwLength) claim 2^31-1 frames.
#   audio-only.mp4          0.2 s of AAC, no video stream.
#   still-png.mp4           one 16x16 PNG renamed .mp4.
#   animated.gif            4 frames of 16x16 at 10 fps.
set -eu
out="$(dirname "$0")/../resources/io/github/vificlip/data/video/hostile"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ff() { ffmpeg -v error -nostdin -y "$@"; }
for size in 12000x12000 65535x65535; do
    w=${size%x*}; h=${size#*x}
    printf 'YUV4MPEG2 W%s H%s F25:1 Ip A1:1 C420jpeg\nFRAME\n' "$w" "$h" > "$out/claims-$size.y4m"
    head -c 300 /dev/zero >> "$out/claims-$size.y4m"
done
ff -f lavfi -i "nullsrc=size=16x16:rate=25,geq=lum='N*80+X':cb=128:cr=128" -frames:v 3 \
    -pix_fmt yuv420p "$out/rawvideo.y4m"
for rate in 1000000000 0; do
    ff -i "$out/rawvideo.y4m" -c:v mjpeg -q:v 8 -pix_fmt yuvj420p -fflags +bitexact \
        -map_metadata -1 "$tmp/grey.avi"
    python3 - "$tmp/grey.avi" "$out/fps-$rate.avi" "$rate" <<'PY'
import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read())
struct.pack_into('<II', b, b.find(b'strh') + 8 + 20, 1, int(sys.argv[3]))  # dwScale, dwRate
open(sys.argv[2], 'wb').write(b)
PY
done
ff -f lavfi -i testsrc2=size=16x16:rate=25 -frames:v 6 -c:v mjpeg -q:v 8 -pix_fmt yuvj420p \
    -fflags +bitexact -map_metadata -1 "$tmp/frames.avi"
python3 - "$tmp/frames.avi" "$out/claims-2g-frames.avi" <<'PY'
import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read())
struct.pack_into('<I', b, b.find(b'avih') + 8 + 16, 0x7fffffff)  # dwTotalFrames
struct.pack_into('<I', b, b.find(b'strh') + 8 + 32, 0x7fffffff)  # dwLength
open(sys.argv[2], 'wb').write(b)
PY
ff -f lavfi -i sine=duration=0.2 -c:a aac -b:a 16k -fflags +bitexact -map_metadata -1 "$out/audio-only.mp4"
ff -f lavfi -i testsrc2=size=16x16 -frames:v 1 -fflags +bitexact "$tmp/still.png"
cp "$tmp/still.png" "$out/still-png.mp4"
ff -f lavfi -i testsrc2=size=16x16:rate=10 -frames:v 4 -fflags +bitexact "$out/animated.gif"
ls -l "$out"
