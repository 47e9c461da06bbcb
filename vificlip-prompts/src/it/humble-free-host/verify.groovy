// The Humble-free consumer build passed; check what it printed and that its dependency tree holds
// bytedeco's FFmpeg and nothing of Humble Video.
def log = new File(basedir, 'build.log').text
['HUMBLE-FREE humble classes=false', 'HUMBLE-FREE default decoder=ffmpeg',
 'HUMBLE-FREE translator classes=3', 'HUMBLE-FREE criteria classes=[',
 'HUMBLE-FREE record shape=(4, 3, 32, 32)'].each {
    assert log.contains(it) : "the Humble-free host did not print '${it}'"
}
assert !log.contains('NoClassDefFoundError') : 'a Humble class was still needed'

def tree = new File(basedir, 'target/dependency-tree.txt').text
assert tree.contains('org.bytedeco:ffmpeg') : tree
assert !tree.contains('io.humble') : "Humble Video is still in the host's dependencies:\n${tree}"
return true
