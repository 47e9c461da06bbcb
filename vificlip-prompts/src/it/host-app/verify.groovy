// The consumer build passed; check what it printed, its dependency tree and that it ran the
// README's lines as the README has them.
def log = new File(basedir, 'build.log').text
['HOST readme done', 'HOST criteria classes=[red, blue]', 'HOST trained epochs=1',
 'HOST prompts classes=[red, blue]', 'HOST offline=true'].each {
    assert log.contains(it) : "the host program did not print '${it}'"
}

def tree = new File(basedir, 'target/dependency-tree.txt').text
assert tree.contains('io.github.vificlip:vificlip-prompts') : tree
['info.picocli', 'jline', 'me.tongfei:progressbar', 'slf4j-simple', 'slf4j-nop', 'slf4j-reload4j',
 'slf4j-jdk14', 'logback-classic', 'log4j-slf4j', 'io.github.vificlip:vificlip-examples',
 'org.apache.spark', 'scala-library'].each {
    assert !tree.contains(it) : "the library brings ${it} to a host:\n${tree}"
}

def readme = new File(basedir, '../../../../README.md').text
def block = (readme =~ /(?s)## In ten lines.*?```java\n(.*?)```/)[0][1]
def host = new File(basedir, 'src/main/java/host/HostApp.java').text
def strip = { String s -> s.readLines().collect { it.trim() }.findAll { it }.join('\n') }
assert strip(host).contains(strip(block)) : "HostApp.java no longer holds the README's ten lines:\n${block}"
return true
