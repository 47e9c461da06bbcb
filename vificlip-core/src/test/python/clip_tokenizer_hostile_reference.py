#!/usr/bin/env python3
# Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
"""Golden ids for ClipTokenizer on hostile texts, with the real ftfy and regex packages.

A copy of the behaviour of OpenAI CLIP's clip/simple_tokenizer.py (written from its documented
steps, not copied): ftfy.fix_text, html.unescape twice, strip; regex's \\s+ to one space, strip,
lower case; the split pattern with regex's \\p{L}/\\p{N} classes; ranked byte-pair merges.
Texts here are the hostile ones: controls, NUL, lone surrogates, emoji joiner sequences,
right-to-left and combining marks, HTML entities of every shape, multi-line text whose later line
holds '<' (ftfy fixes text line by line), mojibake.

Needs ftfy (6.3.1 was used) and regex on the path, e.g.
  pip install --target /tmp/ftfy ftfy regex
  PYTHONPATH=/tmp/ftfy python3 clip_tokenizer_hostile_reference.py VOCAB.txt.gz OUT.json
"""
import html
import json
import sys

import ftfy
import regex

from clip_tokenizer_reference import Reference

SPLIT = regex.compile(
    r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+""",
    regex.IGNORECASE)


class HostileReference(Reference):
    """The reference of clip_tokenizer_reference.py, cleaning text with the real ftfy and regex."""

    def encode(self, text):
        text = html.unescape(html.unescape(ftfy.fix_text(text))).strip()
        text = regex.sub(r"\s+", " ", text).strip().lower()
        ids = []
        for piece in SPLIT.findall(text):
            mapped = "".join(self.byte_encoder[b] for b in piece.encode("utf-8"))
            ids.extend(self.encoder[t] for t in self.bpe(mapped))
        return ids


TEXTS = [
    # empty, whitespace only, controls and NUL
    "", " ", "\t\n\r\x0b\x0c", "\u3000\u00a0\u2007\u202f", "\x00", "a\x00b", "nul\x00\x00 in\x00side",
    "\x01\x02\x07bell", "\x1b[31mred\x1b[0m text", "del\x7fete", "\x85next line", "zero\u200bwidth",
    "join\u200d", "\ufeffbom first", "\u202eoverride\u202c", "\u2066isolate\u2069", "\ufff9anchor\ufffb",
    "\x1c\x1d\x1e\x1f separators",
    # lone and misordered surrogates
    "\ud800", "a\udc00b", "x\ud83d\ud83dy", "\udc00\ud800", "end\ud83d",
    # emoji and joiner sequences
    "\U0001F469\u200d\u2764\ufe0f\u200d\U0001F48B\u200d\U0001F468", "\U0001F3F3\ufe0f\u200d\U0001F308",
    "\U0001F44D\U0001F3FD thumbs", "1\ufe0f\u20e3 keycap", "\U0001F1FA\U0001F1F3\U0001F1EB\U0001F1F7",
    "\U0001F600" * 30,
    # right-to-left, mixed direction
    "\u05e2\u05d1\u05e8\u05d9\u05ea", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
    "abc \u05e9\u05dc\u05d5\u05dd 123", "\u0661\u0662\u0663 arabic digits",
    # combining marks, normalisation, case
    "e\u0301\u0301\u0301", "\u0301leading mark", "Z\u0334\u0321\u0322\u031b\u0319a\u0338l\u0336g\u0335o\u0337",
    "\u1100\u1161\u11a8 jamo", "A\u030a and \u00c5", "\u0130STANBUL", "\u039f\u0394\u039f\u03a3", "\u1e9e gross",
    "\U0001d49c\U0001d4c1\U0001d4c5\U0001d4bd\U0001d4b6 math", "\u00bd \u00b2 \u216b", "\uff21\uff22\uff23\uff11\uff12\uff13",
    "\ufb01ne \ufb02ow", "\u201cquoted\u201d \u2018x\u2019",
    # HTML entities of every shape
    "&amp;", "&amp;amp;amp;amp;amp;", "&#0;", "&#x110000;", "&#xD800;", "&#128;", "&#65;&#x41;", "&notit;",
    "&NotAnEntity;", "&", "&&&&", "&#", "&#x;", "&lt;script&gt;alert(1)&lt;/script&gt;", "<&amp;>",
    "&nbsp;", "a&nbsp;b", "&#9;&#10;&#13;", "&zwj;", "&#8203;", "&#x1F600;", "&amp;#x41;", "&AMP;", "&ampx",
    "&#00000000000000065;", "&#99999999999;", "&#x0;", "&#1;&#11;&#127;", "&#xFFFE;", "&#xFDD0;",
    "&eacute&eacute;", "P&EACUTE;REZ", "BUNDESSTRA&SZLIG;E", "&ntilde; &Ntilde; &NTILDE; &nTILDE;",
    "&amp&semi;", "&AMPX;", "&ETH; &FRAC12; &NOTIN;", "&amp;EACUTE;", "&semi;&amp;semi;", "&ThisIsAVeryLongNameThatIsNotAnEntityAtAll;",
    # ftfy fixes text line by line: a later line's '<' stops entity fixing from there on
    "&amp;amp;amp; first\n<b> second &amp;amp;amp;", "<b>\n&amp;amp;amp;", "one\r\ntwo\rthree\u2028four",
    # mojibake
    "caf\u00c3\u00a9", "\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2", "l\u00e2\u20ac\u2122amour",
    # special tokens written in the text
    "<|endoftext|>", "<|ENDOFTEXT|>", "<|endoftext|><|endoftext|>", "<|startoftext", "&lt;|endoftext|&gt;",
    # long words and long runs
    "ab" * 500, "!" * 300, "supercalifragilisticexpialidocious" * 20,
]


def main():
    ref = HostileReference(sys.argv[1])
    cases = [{"text": text, "ids": ref.encode(text)} for text in TEXTS]
    with open(sys.argv[2], "w", encoding="ascii") as out:
        json.dump({"generator": "vificlip-core/src/test/python/clip_tokenizer_hostile_reference.py",
                   "ftfy": ftfy.__version__, "cases": cases}, out, ensure_ascii=True)
        out.write("\n")


if __name__ == "__main__":
    main()
