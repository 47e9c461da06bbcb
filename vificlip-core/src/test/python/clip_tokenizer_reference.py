#!/usr/bin/env python3
# Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
"""Independent reference for ClipTokenizer's golden vectors (standard library only).

A from-scratch Python version of OpenAI CLIP's SimpleTokenizer, written from SPEC.md section 8:
byte-to-unicode table, merges by rank, the split rule evaluated alternative by alternative with
unicodedata categories, html.unescape twice, whitespace collapse and lower case. Of ftfy it does
only what the golden texts need: the HTML-entity step (repeated, when the text has no '<'),
curly quotes and NFC.

Usage: python3 clip_tokenizer_reference.py VOCAB.txt.gz OUT.json
"""
import gzip
import html
import json
import re
import sys
import unicodedata


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAC + 1)) + list(range(0xAE, 0xFF + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


class Reference:
    def __init__(self, vocab_path):
        lines = gzip.open(vocab_path).read().decode("utf-8").split("\n")
        merges = [tuple(line.split()) for line in lines[1:49152 - 256 - 2 + 1]]
        self.byte_encoder = bytes_to_unicode()
        self.byte_decoder = {v: k for k, v in self.byte_encoder.items()}
        vocab = list(self.byte_encoder.values())
        vocab = vocab + [v + "</w>" for v in vocab] + ["".join(m) for m in merges]
        vocab += ["<|startoftext|>", "<|endoftext|>"]
        self.encoder = {v: i for i, v in enumerate(vocab)}
        self.decoder = {i: v for v, i in self.encoder.items()}
        self.ranks = {m: i for i, m in enumerate(merges)}

    def bpe(self, token):
        if token in ("<|startoftext|>", "<|endoftext|>"):
            return [token]
        word = list(token[:-1]) + [token[-1] + "</w>"]
        while len(word) > 1:
            ranked = [(self.ranks[p], p) for p in zip(word, word[1:]) if p in self.ranks]
            if not ranked:
                break
            first, second = min(ranked)[1]
            merged, i = [], 0
            while i < len(word):
                if i + 1 < len(word) and word[i] == first and word[i + 1] == second:
                    merged.append(first + second)
                    i += 2
                else:
                    merged.append(word[i])
                    i += 1
            word = merged
        return word

    def encode(self, text):
        ids = []
        for piece in split(clean(text)):
            mapped = "".join(self.byte_encoder[b] for b in piece.encode("utf-8"))
            ids.extend(self.encoder[t] for t in self.bpe(mapped))
        return ids

    def decode(self, ids):
        text = "".join(self.decoder[i] for i in ids)
        return bytearray(self.byte_decoder[c] for c in text).decode("utf-8", errors="replace").replace("</w>", " ")


FTFY_ENTITY = re.compile(r"&#?[0-9A-Za-z]{1,24};")


def ftfy_subset(text):
    unescape = "<" not in text
    while True:
        before = text
        if unescape:
            def fix(m):
                out = html.unescape(m.group(0))
                return m.group(0) if ";" in out else out
            text = FTFY_ENTITY.sub(fix, text)
        text = re.sub("[\u02bc\u2018-\u201b]", "'", text)
        text = re.sub("[\u201c-\u201f]", '"', text)
        text = unicodedata.normalize("NFC", text)
        if text == before:
            return text


def clean(text):
    text = html.unescape(html.unescape(ftfy_subset(text))).strip()
    return re.sub(r"\s+", " ", text).strip().lower()


def is_letter(c):
    return unicodedata.category(c).startswith("L")


def is_number(c):
    return unicodedata.category(c).startswith("N")


CONTRACTIONS = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d"]
SPECIALS = ["<|startoftext|>", "<|endoftext|>"]


def split(text):
    """The split regex, alternative by alternative, leftmost first."""
    pieces, i = [], 0
    while i < len(text):
        rest = text[i:]
        match = next((s for s in SPECIALS + CONTRACTIONS if rest.lower().startswith(s)), None)
        if match is not None:
            piece = rest[:len(match)]
        elif is_letter(text[i]):
            j = i
            while j < len(text) and is_letter(text[j]):
                j += 1
            piece = text[i:j]
        elif is_number(text[i]):
            piece = text[i]
        elif not text[i].isspace():
            j = i
            while j < len(text) and not (text[j].isspace() or is_letter(text[j]) or is_number(text[j])):
                j += 1
            piece = text[i:j]
        else:
            i += 1
            continue
        pieces.append(piece)
        i += len(piece)
    return pieces


TEXTS = [
    # SPEC.md section 8 vectors (they check this script too)
    "a photo of a abseiling.",
    "abseiling",
    "a photo of a ApplyEyeMakeup.",
    "a photo of a brush hair.",
    "X X X X",
    "a photo of a backflip (human).",
    "Putting something that can't roll onto a slanted surface, so it slides down",
    # scripts other than Latin
    "一个人在弹吉他",
    "ギターを弾く人",
    "사람이 기타를 친다",
    "Человек играет на гитаре",
    "شخص يعزف على الغيتار",
    "एक आदमी गिटार बजा रहा है",
    "Ο άνθρωπος παίζει κιθάρα",
    "Straße Übung Ölfass",
    # emoji, including joiner sequences and flags
    "dancing 💃 with 🎸",
    "family 👨‍👩‍👧 at the 🇫🇷 border",
    "🔥🔥🔥",
    # digits
    "2024 was the year 19 people ran 3.5 km",
    "room 101, floor 7",
    # empty and whitespace
    "",
    "   \t\n  ",
    "  spaced\t\tout \n text  ",
    # HTML entities (decoded by ftfy's step and by html.unescape twice)
    "rock &amp; roll",
    "&lt;b&gt;bold&lt;/b&gt;",
    "it&#39;s &quot;quoted&quot;",
    "caf&eacute; &copy; &#x263A;",
    "&amp;amp; nested",
    "<b>tag</b> &amp;amp; kept",
    "<i> &amp;amp;amp;",
    "&amp;amp;amp;amp; co",
    "AT&T and R&D",
    # curly quotes, combining marks (NFC), case
    "\u201cquoted\u201d and \u2018single\u2019",
    "cafe\u0301 na\u0131ve",
    "LOUD Mixed CaSe",
    # contractions and punctuation runs
    "don't we'll they'd I'm you've she's",
    "wait... what?! (really) [yes] {no}",
    "e-mail: someone@example.com #hashtag",
    # special tokens written in the text
    "<|startoftext|>hello<|endoftext|>",
]


def main():
    ref = Reference(sys.argv[1])
    cases = []
    for text in TEXTS:
        ids = ref.encode(text)
        # ClipTokenizer.decode stops at an end token, so only texts without one are compared.
        decoded = None if "<|endoftext|>" in text else ref.decode(ids).strip()
        cases.append({"text": text, "ids": ids, "decoded": decoded})
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        json.dump({"generator": "vificlip-core/src/test/python/clip_tokenizer_reference.py",
                   "cases": cases}, out, ensure_ascii=True, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
