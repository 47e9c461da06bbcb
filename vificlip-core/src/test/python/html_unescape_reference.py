#!/usr/bin/env python3
# Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
"""Golden cases for HtmlUnescaper from Python's own html.unescape (standard library).

Every HTML5 named reference, with and without its semicolon where Python accepts that, plus
numeric references at the edges HTML5 repairs, and legacy-prefix matches.

Usage: python3 html_unescape_reference.py OUT.json
"""
import html
import html.entities
import json
import sys

texts = ["&" + name for name in sorted(html.entities.html5)]
texts += [
    "&notit;", "&ampx", "&amp", "&AMP", "&copy2024", "&unknown;", "& amp;", "&&amp;", "&#;",
    "&#x;", "&#65;", "&#x41;", "&#X41", "&#65", "&#0;", "&#13;", "&#11;", "&#127;", "&#128;",
    "&#x81;", "&#x9F;", "&#xD800;", "&#xDFFF;", "&#1114111;", "&#1114112;", "&#x110000;",
    "&#99999999999999999999;", "&#0000000065;", "&#65534;", "&#xFDD0;", "&#x1FFFF;",
    "&#x1F600;", "a &lt;&gt; b &quot;c&quot; &apos;d&apos;", "&lt;&lt;&lt;", "&ltx;",
    "&" + "a" * 40 + ";", "&amp;amp;",
]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump([[t, html.unescape(t)] for t in texts], out, ensure_ascii=True)
    out.write("\n")
