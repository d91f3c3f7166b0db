#!/usr/bin/env python3
"""Independent check of the BOA-taak schemas with two validators partners use: xmlschema (XSD 1.0) and lxml.

Usage: check-schemas.py [--valid PATH ...] [--invalid PATH ...]
Each PATH is a file or a folder of *.xml files. Every --valid file must be valid and every --invalid file
invalid for both validators. Exit 0 when all agree, 1 otherwise, 2 when a validator is missing.
Not part of the product: a cross-check for the tests and CI.
"""
import glob, os, sys

try:
    import xmlschema
    from lxml import etree
except ImportError as e:  # pragma: no cover
    print(f"check-schemas: {e}; install with: pip install xmlschema lxml", file=sys.stderr)
    sys.exit(2)

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
hub = os.path.join(root, "schemas", "boa-taak.xsd")

def files(paths):
    for p in paths:
        if os.path.isdir(p):
            yield from sorted(glob.glob(os.path.join(p, "**", "*.xml"), recursive=True))
        else:
            yield p

def main(argv):
    mode, groups = None, {"--valid": [], "--invalid": []}
    for a in argv:
        if a in groups: mode = a
        elif mode: groups[mode].append(a)
        else:
            print(__doc__, file=sys.stderr); return 2
    xs = xmlschema.XMLSchema10(hub)
    lx = etree.XMLSchema(etree.parse(hub))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    print(f"schemas load in xmlschema {xmlschema.__version__} and lxml {etree.__version__} "
          f"(libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))}): {len(xs.elements)} root elements")
    bad = 0
    checked = 0
    for mode, expect_valid in (("--valid", True), ("--invalid", False)):
        for f in files(groups[mode]):
            checked += 1
            a = xs.is_valid(f)
            try:
                b = lx.validate(etree.parse(f, parser))
            except etree.XMLSyntaxError:
                b = False
            if a != expect_valid or b != expect_valid:
                bad += 1
                why = ""
                if expect_valid:
                    try: xs.validate(f)
                    except Exception as e: why = str(e).splitlines()[0]
                print(f"DISAGREE {f}: expected {'valid' if expect_valid else 'invalid'}, xmlschema={a} lxml={b} {why}")
    print(f"{checked} files checked, {bad} disagreements")
    return 1 if bad or checked == 0 else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
