#!/usr/bin/env python3
"""Regenerates engine/src/test/resources/json/python_json_dumps.json: what CPython's
json.dumps(value, ensure_ascii=False) prints for floats and strings. Run from the engine directory:
    python3 src/test/python/gen_python_json_fixtures.py
The tests never run Python; they read the generated file."""
import json
import random
import struct
import sys

rng = random.Random(20240601)
floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1.5, 100.0, 1e15, 1e16, 1e17, 1e22, 1e23, 2e23, 1e-4, 1e-5,
          0.0001, 0.00012345, 1.2345e-5, 123456789012345678.0, 9007199254740993.0, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 16000.0, 0.5, 3.141592653589793, 2.718281828459045, 1234.5678, 9999999999999998.0,
          0.001, 4.35, 1e100, 1.1e-100, 299792458.0, 1e21, 123e18, 0.1 + 0.2]
for _ in range(400):
    bits = rng.getrandbits(64)
    f = struct.unpack('<d', struct.pack('<Q', bits))[0]
    if f != f or f in (float('inf'), float('-inf')):
        continue
    floats.append(f)
for _ in range(200):
    floats.append(rng.uniform(-1e6, 1e6))
for _ in range(100):
    floats.append(round(rng.uniform(0, 100), rng.randint(0, 6)))

strings = ["", "plain", "quote\" backslash\\ slash/", "\n\r\t\b\f", "".join(chr(c) for c in range(0x20)),
           "\x7f del", "caf\u00e9 \u65e5\u672c\u8a9e", "emoji \U0001F389 pair", "\u2028\u2029 separators",
           "mixed \x00 nul \x1f unit", "<script>&amp;</script>", "tab\tin\tside"]

out = {
    "generator": "CPython %d.%d json.dumps(v, ensure_ascii=False)" % sys.version_info[:2],
    "floats": [{"bits": "%016x" % struct.unpack('<Q', struct.pack('<d', f))[0], "dumps": json.dumps(f)} for f in floats],
    "strings": [{"value": s, "dumps": json.dumps(s, ensure_ascii=False)} for s in strings],
    "documents": [
        {"value": v, "dumps": json.dumps(v, ensure_ascii=False)} for v in [
            {}, [], {"a": 1, "b": [1, 2.5, None, True, False], "c": {"d": "\u00e9"}},
            [[], {}, [[]], {"x": {}}], {"big": 2 ** 70, "neg": -(2 ** 40), "f": 1e-7},
        ]
    ],
}
with open("src/test/resources/json/python_json_dumps.json", "w", encoding="utf-8") as fh:
    json.dump(out, fh, ensure_ascii=True, indent=1)
